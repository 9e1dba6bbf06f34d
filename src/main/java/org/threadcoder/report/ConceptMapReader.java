package org.threadcoder.report;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadcoder.InputException;
import org.threadcoder.output.JsonValue;
import org.threadcoder.report.ReportData.ConceptCounts;
import org.threadcoder.report.ReportData.ConceptInfo;
import org.threadcoder.report.ReportData.InputFile;
import org.threadcoder.report.ReportData.Manifest;
import org.threadcoder.report.ReportData.Pair;
import org.threadcoder.report.ReportData.ThreadInfo;
import org.threadcoder.report.ReportData.Totals;

/**
 * Reads {@code concept-map.json} (schema {@code threadcoder.concept-map/1}) for the report. Fields
 * the report does not use are ignored, so later versions that add fields still read.
 */
final class ConceptMapReader {
    static final String FILE = "concept-map.json";
    private static final String SCHEMA_PREFIX = "threadcoder.concept-map/";

    private ConceptMapReader() {
    }

    /** What the report takes from the concept map. */
    record Result(String codebookName, String codebookVersion, Totals totals, Manifest manifest, List<ConceptInfo> concepts,
            Map<String, ConceptCounts> counts, List<ThreadInfo> threads, List<Pair> pairs) {
    }

    static Result read(Path file) throws IOException, InputException {
        JsonValue root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonValue.read(reader);
        } catch (NoSuchFileException missing) {
            throw new InputException(FILE, "missing in " + file.toAbsolutePath().getParent() + " (run `threadcoder run` first)");
        } catch (JacksonException malformed) {
            throw new InputException(FILE, "not valid JSON: " + malformed.getOriginalMessage(), malformed);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(FILE, "not a JSON object");
        }
        String schema = root.path("schema").asText("");
        if (!schema.startsWith(SCHEMA_PREFIX)) {
            throw new InputException(FILE, "schema is '" + schema + "', expected " + SCHEMA_PREFIX + "1");
        }
        JsonValue codebook = object(root, "codebook", "");
        List<ConceptInfo> concepts = concepts(array(codebook, "concepts", "codebook"));
        Set<String> conceptIds = new HashSet<>();
        concepts.forEach(concept -> conceptIds.add(concept.id()));
        List<ThreadInfo> threads = threads(array(root, "threads", ""), concepts);
        Set<String> threadIds = new HashSet<>();
        threads.forEach(thread -> threadIds.add(thread.id()));
        JsonValue totals = object(root, "totals", "");
        return new Result(text(codebook, "name", "codebook"), text(codebook, "version", "codebook"),
                new Totals(number(totals, "pages", "totals"), number(totals, "threads", "totals"),
                        number(totals, "sentences", "totals"), number(totals, "mentions", "totals")),
                manifest(object(root, "manifest", ""), root.path("roll_up").asBoolean(false)), concepts, counts(array(root, "concepts", ""), conceptIds, threadIds),
                threads, pairs(root.path("cooccurrence"), conceptIds));
    }

    private static Manifest manifest(JsonValue node, boolean rollUp) throws InputException, IOException {
        List<InputFile> inputs = new ArrayList<>();
        for (JsonValue input : node.path("inputs")) {
            inputs.add(new InputFile(text(input, "source", "manifest.inputs"), optional(input, "sha256")));
        }
        List<String> models = new ArrayList<>();
        node.path("models").forEach(model -> models.add(model.asText()));
        return new Manifest(optional(node, "tool"), optional(node, "tool_version"), optional(node, "codebook_file"),
                optional(node, "codebook_sha256"), optional(node, "context_rules_file"), optional(node, "context_rules_sha256"), inputs, models,
                rollUp, sha256(node.toJsonBytes()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<ConceptInfo> concepts(JsonValue array) throws InputException {
        Map<String, JsonValue> byId = new LinkedHashMap<>();
        for (JsonValue concept : array) {
            String id = text(concept, "id", "codebook.concepts");
            if (byId.put(id, concept) != null) {
                throw new InputException(FILE, "codebook concept '" + id + "' appears twice");
            }
        }
        List<ConceptInfo> concepts = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : byId.entrySet()) {
            JsonValue concept = entry.getValue();
            String parent = optional(concept, "parent");
            if (parent != null && !byId.containsKey(parent)) {
                throw new InputException(FILE, "concept '" + entry.getKey() + "' has unknown parent '" + parent + "'");
            }
            String label = optional(concept, "label");
            concepts.add(new ConceptInfo(entry.getKey(), label == null || label.isBlank() ? entry.getKey() : label, parent,
                    optional(concept, "definition") == null ? "" : optional(concept, "definition"),
                    depth(entry.getKey(), byId)));
        }
        return ordered(concepts);
    }

    /** The number of ancestors; a cycle counts as top level. */
    private static int depth(String id, Map<String, JsonValue> byId) {
        Set<String> seen = new HashSet<>();
        int depth = 0;
        String parent = optional(byId.get(id), "parent");
        while (parent != null && seen.add(parent) && byId.containsKey(parent)) {
            depth++;
            parent = optional(byId.get(parent), "parent");
        }
        return parent != null && seen.contains(parent) ? 0 : depth;
    }

    /**
     * Codebook order as a tree: each concept followed by its children (in codebook order), so a child sits under its
     * parent even where the codebook lists it elsewhere. A codebook that already lists children after parents keeps its order.
     */
    private static List<ConceptInfo> ordered(List<ConceptInfo> concepts) {
        Map<String, List<ConceptInfo>> children = new HashMap<>();
        List<ConceptInfo> roots = new ArrayList<>();
        for (ConceptInfo concept : concepts) {
            if (concept.depth() == 0) {
                roots.add(concept);
            } else {
                children.computeIfAbsent(concept.parent(), parent -> new ArrayList<>()).add(concept);
            }
        }
        List<ConceptInfo> ordered = new ArrayList<>();
        for (ConceptInfo root : roots) {
            addTree(root, children, ordered);
        }
        return ordered;
    }

    private static void addTree(ConceptInfo concept, Map<String, List<ConceptInfo>> children, List<ConceptInfo> ordered) {
        ordered.add(concept);
        for (ConceptInfo child : children.getOrDefault(concept.id(), List.of())) {
            addTree(child, children, ordered);
        }
    }

    private static List<ThreadInfo> threads(JsonValue array, List<ConceptInfo> concepts) throws InputException {
        List<ThreadInfo> threads = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonValue thread : array) {
            String id = text(thread, "thread_id", "threads");
            if (!ids.add(id)) {
                throw new InputException(FILE, "thread '" + id + "' appears twice");
            }
            JsonValue tweetCount = thread.get("tweet_count");
            if (tweetCount != null && !tweetCount.isNull() && (!tweetCount.canConvertToInt() || tweetCount.asInt() < 0)) {
                throw new InputException(FILE, "thread '" + id + "' has tweet_count " + tweetCount + ", not a count or null");
            }
            Map<String, Integer> conceptSentences = new LinkedHashMap<>();
            JsonValue counted = thread.path("concept_sentences");
            for (ConceptInfo concept : concepts) {
                conceptSentences.put(concept.id(), counted.path(concept.id()).asInt(0));
            }
            threads.add(new ThreadInfo(id, text(thread, "source", "threads"), optional(thread, "author"), optional(thread, "handle"),
                    optional(thread, "date_text"), optional(thread, "date"),
                    tweetCount == null || tweetCount.isNull() ? null : tweetCount.asInt(),
                    number(thread, "tweets_shown", "threads." + id), thread.path("complete").asBoolean(true),
                    number(thread, "sentences", "threads." + id), conceptSentences));
        }
        return threads;
    }

    private static Map<String, ConceptCounts> counts(JsonValue array, Set<String> conceptIds, Set<String> threadIds)
            throws InputException {
        Map<String, ConceptCounts> counts = new LinkedHashMap<>();
        for (JsonValue concept : array) {
            String id = text(concept, "id", "concepts");
            if (!conceptIds.contains(id)) {
                throw new InputException(FILE, "concepts lists '" + id + "', which the codebook does not have");
            }
            Map<String, Integer> byThread = new LinkedHashMap<>();
            for (JsonValue cell : concept.path("by_thread")) {
                String threadId = text(cell, "thread_id", "concepts." + id + ".by_thread");
                if (!threadIds.contains(threadId)) {
                    throw new InputException(FILE, "concept '" + id + "' counts unknown thread '" + threadId + "'");
                }
                byThread.put(threadId, number(cell, "mentions", "concepts." + id + ".by_thread"));
            }
            counts.put(id, new ConceptCounts(id, number(concept, "mentions", "concepts." + id), concept.path("sentences").asInt(0),
                    concept.path("threads").asInt(byThread.size()), byThread));
        }
        return counts;
    }

    private static List<Pair> pairs(JsonValue array, Set<String> conceptIds) throws InputException {
        List<Pair> pairs = new ArrayList<>();
        for (JsonValue pair : array) {
            JsonValue ids = pair.path("concepts");
            if (ids.size() != 2 || !conceptIds.contains(ids.get(0).asText()) || !conceptIds.contains(ids.get(1).asText())) {
                throw new InputException(FILE, "cooccurrence entry " + ids + " does not name two codebook concepts");
            }
            pairs.add(new Pair(ids.get(0).asText(), ids.get(1).asText(), number(pair, "sentences", "cooccurrence"),
                    pair.path("threads").asInt(0)));
        }
        return pairs;
    }

    private static JsonValue object(JsonValue parent, String field, String where) throws InputException {
        JsonValue node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new InputException(FILE, "no object '" + path(where, field) + "'");
        }
        return node;
    }

    private static JsonValue array(JsonValue parent, String field, String where) throws InputException {
        JsonValue node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new InputException(FILE, "no array '" + path(where, field) + "'");
        }
        return node;
    }

    private static String text(JsonValue parent, String field, String where) throws InputException {
        JsonValue node = parent.get(field);
        if (node == null || !node.isValueNode() || node.isNull() || node.asText().isEmpty()) {
            throw new InputException(FILE, "no value for '" + path(where, field) + "'");
        }
        return node.asText();
    }

    private static int number(JsonValue parent, String field, String where) throws InputException {
        JsonValue node = parent.get(field);
        if (node == null || !node.canConvertToInt() || node.asInt() < 0) {
            throw new InputException(FILE, "no count for '" + path(where, field) + "'");
        }
        return node.asInt();
    }

    private static String optional(JsonValue parent, String field) {
        JsonValue node = parent == null ? null : parent.get(field);
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static String path(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }
}
