package org.threadcoder.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.threadcoder.model.Concept;

/** Writes {@code concept-map.json}, schema {@value #SCHEMA}. Field names are part of the interface. */
public final class ConceptMapJson {
    public static final String SCHEMA = "threadcoder.concept-map/1";

    private ConceptMapJson() {
    }

    /**
     * Writes the map as one stream of JSON (no tree of the whole in memory: the threads and cells are read back from
     * the map's records one at a time).
     */
    public static void write(ConceptMap map, RunManifest manifest, Writer out) throws IOException {
        try (JsonGenerator json = IndentedJson.open(out)) {
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeBooleanField("roll_up", map.rollUp());
            json.writeFieldName("manifest");
            manifest(map, manifest, json);
            json.writeFieldName("codebook");
            codebook(map, json);
            json.writeObjectFieldStart("totals");
            json.writeNumberField("pages", map.sourceCount());
            json.writeNumberField("threads", map.threadCount());
            json.writeNumberField("sentences", map.sentenceCount());
            json.writeNumberField("mentions", map.mentionCount());
            json.writeEndObject();
            json.writeArrayFieldStart("threads");
            map.forEachThread(row -> thread(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("concepts");
            for (Concept concept : map.codebook().concepts()) {
                concept(map, concept, json);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("cooccurrence");
            for (Map.Entry<List<String>, ConceptCounts.Pair> entry : map.pairs().entrySet()) {
                json.writeStartObject();
                json.writeArrayFieldStart("concepts");
                for (String id : entry.getKey()) {
                    json.writeString(id);
                }
                json.writeEndArray();
                json.writeNumberField("sentences", entry.getValue().sentences());
                json.writeNumberField("threads", entry.getValue().threads());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void thread(ConceptMap.ThreadRow row, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("thread_id", row.thread().id());
        json.writeStringField("source", row.thread().source());
        json.writeStringField("author", row.thread().author());
        json.writeStringField("handle", row.thread().handle());
        json.writeStringField("date_text", row.thread().dateText());
        json.writeStringField("date", row.thread().date() == null ? null : row.thread().date().toString());
        number(json, "tweet_count", row.thread().tweetCount());
        json.writeNumberField("tweets_shown", row.tweetsShown());
        json.writeBooleanField("complete", row.thread().complete());
        json.writeNumberField("sentences", row.sentences());
        json.writeNumberField("words", row.words());
        json.writeObjectFieldStart("concept_sentences");
        for (Map.Entry<String, Integer> count : row.conceptSentences().entrySet()) {
            number(json, count.getKey(), count.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void concept(ConceptMap map, Concept concept, JsonGenerator json) throws IOException {
        ConceptCounts.ConceptTotals totals = map.totals(concept.id());
        json.writeStartObject();
        json.writeStringField("id", concept.id());
        json.writeNumberField("mentions", totals.mentions());
        json.writeNumberField("sentences", totals.sentences());
        json.writeNumberField("threads", totals.threads());
        json.writeObjectFieldStart("attributes");
        for (int i = 0; i < ConceptMap.ATTRIBUTES.size(); i++) {
            json.writeNumberField(ConceptMap.ATTRIBUTES.get(i), totals.attribute(i));
        }
        json.writeEndObject();
        json.writeArrayFieldStart("by_thread");
        map.forEachCell(concept.id(), (threadId, cell) -> {
            json.writeStartObject();
            json.writeStringField("thread_id", threadId);
            json.writeNumberField("mentions", cell.mentions());
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<String, Integer> count : cell.attributes().entrySet()) {
                number(json, count.getKey(), count.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("sentence_ids");
            for (String id : cell.sentenceIds()) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A number field, or null. */
    private static void number(JsonGenerator json, String field, Integer value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    private static void manifest(ConceptMap map, RunManifest manifest, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("tool", "threadcoder");
        json.writeStringField("tool_version", manifest.toolVersion());
        json.writeStringField("codebook_file", manifest.codebookFile());
        json.writeStringField("codebook_sha256", manifest.codebookSha256());
        json.writeStringField("context_rules_file", manifest.contextRulesFile());
        json.writeStringField("context_rules_sha256", manifest.contextRulesSha256());
        json.writeArrayFieldStart("inputs");
        map.forEachSource(source -> {
            json.writeStartObject();
            json.writeStringField("source", source.name());
            json.writeStringField("sha256", source.sha256());
            json.writeStringField("format", source.format());
            json.writeNumberField("chars", source.ledger().chars());
            json.writeNumberField("chars_in_threads", source.ledger().inThreads());
            json.writeNumberField("chars_site_text", source.ledger().siteText());
            json.writeNumberField("chars_noise", source.ledger().noise());
            json.writeEndObject();
        });
        json.writeEndArray();
        json.writeArrayFieldStart("models");
        for (String model : manifest.models()) {
            json.writeString(model);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void codebook(ConceptMap map, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", map.codebook().name());
        json.writeStringField("version", map.codebook().version());
        json.writeArrayFieldStart("concepts");
        for (Concept concept : map.codebook().concepts()) {
            json.writeStartObject();
            json.writeStringField("id", concept.id());
            json.writeStringField("label", concept.label());
            json.writeStringField("parent", concept.parent());
            json.writeStringField("definition", concept.definition());
            json.writeArrayFieldStart("terms");
            for (String term : concept.terms()) {
                json.writeString(term);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
