package org.threadcoder.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.threadcoder.model.Concept;

/** Writes {@code concept-map.json}, schema {@value #SCHEMA}. Field names are part of the interface. */
public final class ConceptMapJson {
    public static final String SCHEMA = "threadcoder.concept-map/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ConceptMapJson() {
    }

    public static void write(ConceptMap map, RunManifest manifest, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("roll_up", map.rollUp());
        root.set("manifest", manifest(map, manifest));
        root.set("codebook", codebook(map));
        ObjectNode totals = root.putObject("totals");
        totals.put("pages", map.sources().size());
        totals.put("threads", map.threads().size());
        totals.put("sentences", map.sentenceCount());
        totals.put("mentions", map.mentionCount());
        ArrayNode threads = root.putArray("threads");
        for (ConceptMap.ThreadRow row : map.threads()) {
            ObjectNode thread = threads.addObject();
            thread.put("thread_id", row.thread().id());
            thread.put("source", row.thread().source());
            thread.put("author", row.thread().author());
            thread.put("handle", row.thread().handle());
            thread.put("date_text", row.thread().dateText());
            thread.put("date", row.thread().date() == null ? null : row.thread().date().toString());
            thread.put("tweet_count", row.thread().tweetCount());
            thread.put("tweets_shown", row.tweetsShown());
            thread.put("complete", row.thread().complete());
            thread.put("sentences", row.sentences());
            thread.put("words", row.words());
            ObjectNode counts = thread.putObject("concept_sentences");
            row.conceptSentences().forEach(counts::put);
        }
        ArrayNode concepts = root.putArray("concepts");
        for (Concept concept : map.codebook().concepts()) {
            Map<String, ConceptMap.Cell> cells = map.cells(concept.id());
            ObjectNode node = concepts.addObject();
            node.put("id", concept.id());
            node.put("mentions", cells.values().stream().mapToInt(ConceptMap.Cell::mentions).sum());
            node.put("sentences", cells.values().stream().mapToInt(cell -> cell.sentenceIds().size()).sum());
            node.put("threads", cells.size());
            ObjectNode attributes = node.putObject("attributes");
            for (String attribute : ConceptMap.ATTRIBUTES) {
                attributes.put(attribute, cells.values().stream().mapToInt(cell -> cell.attributes().get(attribute)).sum());
            }
            ArrayNode byThread = node.putArray("by_thread");
            cells.forEach((threadId, cell) -> {
                ObjectNode entry = byThread.addObject();
                entry.put("thread_id", threadId);
                entry.put("mentions", cell.mentions());
                ObjectNode counts = entry.putObject("attributes");
                cell.attributes().forEach(counts::put);
                ArrayNode ids = entry.putArray("sentence_ids");
                cell.sentenceIds().forEach(ids::add);
            });
        }
        ArrayNode pairs = root.putArray("cooccurrence");
        for (Map.Entry<List<String>, ConceptMap.Pair> entry : map.pairs().entrySet()) {
            ObjectNode pair = pairs.addObject();
            ArrayNode ids = pair.putArray("concepts");
            entry.getKey().forEach(ids::add);
            pair.put("sentences", entry.getValue().sentences());
            pair.put("threads", entry.getValue().threads());
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        JSON.writer(printer).writeValue(out, root);
        out.write('\n');
    }

    private static ObjectNode manifest(ConceptMap map, RunManifest manifest) {
        ObjectNode node = JSON.createObjectNode();
        node.put("tool", "threadcoder");
        node.put("tool_version", manifest.toolVersion());
        node.put("codebook_file", manifest.codebookFile());
        node.put("codebook_sha256", manifest.codebookSha256());
        node.put("context_rules_file", manifest.contextRulesFile());
        node.put("context_rules_sha256", manifest.contextRulesSha256());
        ArrayNode inputs = node.putArray("inputs");
        map.sourceDetails().forEach((name, source) -> inputs.addObject().put("source", name).put("sha256", source.sha256())
                .put("format", source.format()).put("chars", source.ledger().chars()).put("chars_in_threads", source.ledger().inThreads())
                .put("chars_site_text", source.ledger().siteText()).put("chars_noise", source.ledger().noise()));
        ArrayNode models = node.putArray("models");
        manifest.models().forEach(models::add);
        return node;
    }

    private static ObjectNode codebook(ConceptMap map) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", map.codebook().name());
        node.put("version", map.codebook().version());
        ArrayNode concepts = node.putArray("concepts");
        for (Concept concept : map.codebook().concepts()) {
            ObjectNode entry = concepts.addObject();
            entry.put("id", concept.id());
            entry.put("label", concept.label());
            entry.put("parent", concept.parent());
            entry.put("definition", concept.definition());
            ArrayNode terms = entry.putArray("terms");
            concept.terms().forEach(terms::add);
        }
        return node;
    }
}
