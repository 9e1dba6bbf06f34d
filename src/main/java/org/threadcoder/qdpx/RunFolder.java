package org.threadcoder.qdpx;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.Span;
import org.threadcoder.output.ConceptMap;
import org.threadcoder.output.JsonValue;

/**
 * What an export needs from a run's output folder: the codebook, input hashes and threads from
 * {@code concept-map.json}, and the rows of {@code sentences.csv} and {@code mentions.csv}.
 */
record RunFolder(Path folder, Codebook codebook, String toolVersion, Map<String, String> inputHashes, List<ThreadRow> threads,
                 List<SentenceRow> sentences, List<MentionRow> mentions) {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** A thread's metadata ({@code date} ISO or null). */
    record ThreadRow(String id, String source, String author, String handle, String dateText, String date, Integer tweetCount,
                     boolean complete) {
    }

    /** A sentence row: {@code row} is its 1-based data row in the file. */
    record SentenceRow(String id, String source, String threadId, Span span, String text, List<String> concepts, String threadUrl,
                       int row) {
    }

    /** A mention row, with the context attributes that are true for it. */
    record MentionRow(String id, String sentenceId, String conceptId, Span span, String matchedText, String term,
                      List<String> attributes, String trigger, int row) {
    }

    RunFolder {
        inputHashes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputHashes));
        threads = List.copyOf(threads);
        sentences = List.copyOf(sentences);
        mentions = List.copyOf(mentions);
    }

    /** Reads the folder's files; a file that is missing, malformed or lacks a column is reported by name. */
    static RunFolder read(Path folder) throws InputException {
        try {
            return readFiles(folder);
        } catch (IllegalArgumentException missingColumnOrBadValue) {
            throw new InputException(folder.toString(), "not the output of this threadcoder version: " + missingColumnOrBadValue.getMessage());
        }
    }

    private static RunFolder readFiles(Path folder) throws InputException {
        Path mapFile = folder.resolve("concept-map.json");
        JsonValue map;
        try {
            map = JsonValue.read(mapFile);
        } catch (IOException unreadable) {
            throw new InputException(mapFile.toString(), Files.exists(mapFile) ? "not readable JSON: " + unreadable.getMessage()
                    : "missing (run `threadcoder run` first)");
        }
        List<Concept> concepts = new ArrayList<>();
        for (JsonValue concept : map.path("codebook").path("concepts")) {
            List<String> terms = new ArrayList<>();
            concept.path("terms").forEach(term -> terms.add(term.asText()));
            concepts.add(new Concept(concept.path("id").asText(), concept.path("label").asText(),
                    concept.path("parent").isTextual() ? concept.path("parent").asText() : null, concept.path("definition").asText(""), terms));
        }
        Codebook codebook = new Codebook(map.path("codebook").path("name").asText("codebook"),
                map.path("codebook").path("version").asText(""), concepts);
        Map<String, String> hashes = new LinkedHashMap<>();
        map.path("manifest").path("inputs").forEach(input -> hashes.put(input.path("source").asText(), input.path("sha256").asText()));
        List<ThreadRow> threads = new ArrayList<>();
        for (JsonValue thread : map.path("threads")) {
            threads.add(new ThreadRow(thread.path("thread_id").asText(), thread.path("source").asText(), text(thread, "author"),
                    text(thread, "handle"), text(thread, "date_text"), text(thread, "date"),
                    thread.path("tweet_count").isInt() ? thread.path("tweet_count").asInt() : null, thread.path("complete").asBoolean()));
        }
        List<SentenceRow> sentences = new ArrayList<>();
        for (CSVRecord record : records(folder.resolve("sentences.csv"))) {
            String tagged = record.get("concepts");
            sentences.add(new SentenceRow(record.get("sentence_id"), record.get("source"), record.get("thread_id"),
                    span(record, "sentences.csv"), record.get("text"), tagged.isBlank() ? List.of() : List.of(tagged.split(";")),
                    record.get("thread_url").isBlank() ? null : record.get("thread_url"), (int) record.getRecordNumber()));
        }
        List<MentionRow> mentions = new ArrayList<>();
        for (CSVRecord record : records(folder.resolve("mentions.csv"))) {
            List<String> attributes = ConceptMap.ATTRIBUTES.stream().filter(name -> "true".equals(record.get(name))).toList();
            mentions.add(new MentionRow(record.get("mention_id"), record.get("sentence_id"), record.get("concept_id"),
                    span(record, "mentions.csv"), record.get("matched_text"), record.get("term"), attributes,
                    record.get("context_trigger"), (int) record.getRecordNumber()));
        }
        return new RunFolder(folder, codebook, map.path("manifest").path("tool_version").asText(""), hashes, threads, sentences, mentions);
    }

    private static String text(JsonValue node, String field) {
        JsonValue value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Span span(CSVRecord record, String file) throws InputException {
        try {
            return new Span(Integer.parseInt(record.get("start")), Integer.parseInt(record.get("end")));
        } catch (IllegalArgumentException notASpan) {
            throw new InputException(file, "row " + record.getRecordNumber() + ": start and end are not a span: '" + record.get("start")
                    + "', '" + record.get("end") + "'");
        }
    }

    private static List<CSVRecord> records(Path file) throws InputException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = FORMAT.parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord record : records) {
                if (!record.isConsistent()) {
                    throw new InputException(file.toString(), "row " + record.getRecordNumber() + " has " + record.size()
                            + " fields, the header has " + parser.getHeaderNames().size());
                }
            }
            return records;
        } catch (NoSuchFileException missing) {
            throw new InputException(file.toString(), "missing (run `threadcoder run` first)");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException malformed) {
            throw new InputException(file.toString(), "not readable CSV with the expected columns: " + malformed.getMessage());
        }
    }
}
