package org.threadcoder.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.threadcoder.InputException;
import org.threadcoder.output.CsvTable;
import org.threadcoder.report.ReportData.MentionRow;
import org.threadcoder.report.ReportData.SentenceRow;
import org.threadcoder.report.ReportData.ThreadInfo;

/**
 * Reads {@code sentences.csv} and {@code mentions.csv} for the report and checks that every
 * mention lies inside its sentence. Columns the report does not use are ignored; the optional
 * ones ({@code tweet_url}, {@code thread_url}, the context attributes, {@code context_trigger},
 * {@code fuzzy}) are used when present.
 */
final class TableReader {
    static final String SENTENCES = "sentences.csv";
    static final String MENTIONS = "mentions.csv";
    private static final List<String> SENTENCE_COLUMNS = List.of("sentence_id", "thread_id", "tweet_index", "tweet_end",
            "sentence_index", "start", "end", "text", "concepts");
    private static final List<String> MENTION_COLUMNS = List.of("mention_id", "sentence_id", "thread_id", "concept_id",
            "start", "end", "matched_text", "term");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private TableReader() {
    }

    /** The rows the report shows. */
    record Result(List<SentenceRow> sentences, Map<String, List<MentionRow>> mentions, List<String> attributeColumns) {
    }

    static Result read(Path sentencesFile, Path mentionsFile, List<ThreadInfo> threads) throws IOException, InputException {
        Set<String> threadIds = new HashSet<>();
        threads.forEach(thread -> threadIds.add(thread.id()));
        List<SentenceRow> sentences = sentences(sentencesFile, threadIds);
        Map<String, SentenceRow> byId = new HashMap<>();
        for (SentenceRow sentence : sentences) {
            if (byId.put(sentence.id(), sentence) != null) {
                throw new InputException(SENTENCES, "sentence '" + sentence.id() + "' appears twice");
            }
        }
        List<String> attributeColumns = new ArrayList<>();
        Map<String, List<MentionRow>> mentions = mentions(mentionsFile, byId, attributeColumns);
        return new Result(sentences, mentions, attributeColumns);
    }

    private static List<SentenceRow> sentences(Path file, Set<String> threadIds) throws IOException, InputException {
        List<SentenceRow> rows = new ArrayList<>();
        try (Reader reader = open(file, SENTENCES); CSVParser parser = FORMAT.parse(reader)) {
            requireColumns(parser, SENTENCE_COLUMNS, SENTENCES);
            boolean tweetUrls = parser.getHeaderMap().containsKey("tweet_url");
            boolean threadUrls = parser.getHeaderMap().containsKey("thread_url");
            for (CSVRecord record : records(parser, SENTENCES)) {
                // cells of a --spreadsheet-safe run may carry a leading ' before a formula character
                String threadId = known(record.get("thread_id"), threadIds);
                if (!threadIds.contains(threadId)) {
                    throw new InputException(SENTENCES, "row " + line(record) + ": thread '" + threadId
                            + "' is not in " + ConceptMapReader.FILE + " (files from different runs?)");
                }
                int start = integer(record, "start", SENTENCES);
                int end = integer(record, "end", SENTENCES);
                String text = CsvTable.unprotect(record.get("text"), end - start);
                if (end < start || text.codePointCount(0, text.length()) != end - start) {
                    throw new InputException(SENTENCES, "row " + line(record) + ": text has "
                            + text.codePointCount(0, text.length()) + " code points but start..end is " + start + ".." + end);
                }
                String concepts = record.get("concepts");
                rows.add(new SentenceRow(CsvTable.unprotect(record.get("sentence_id")), threadId, integer(record, "tweet_index", SENTENCES),
                        integer(record, "tweet_end", SENTENCES), integer(record, "sentence_index", SENTENCES), start, end, text,
                        concepts.isBlank() ? List.of() : Arrays.asList(concepts.split(";")),
                        tweetUrls ? webAddress(record.get("tweet_url")) : null,
                        threadUrls ? webAddress(record.get("thread_url")) : null));
            }
        }
        return rows;
    }

    /** An id as the other file knows it: as written, or without the leading ' a spreadsheet-safe run adds. */
    private static String known(String id, Set<String> known) {
        return known.contains(id) ? id : CsvTable.unprotect(id);
    }

    private static Map<String, List<MentionRow>> mentions(Path file, Map<String, SentenceRow> sentences,
            List<String> attributeColumns) throws IOException, InputException {
        Map<String, List<MentionRow>> bySentence = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        try (Reader reader = open(file, MENTIONS); CSVParser parser = FORMAT.parse(reader)) {
            requireColumns(parser, MENTION_COLUMNS, MENTIONS);
            for (String attribute : ReportData.ATTRIBUTES) {
                if (parser.getHeaderMap().containsKey(attribute)) {
                    attributeColumns.add(attribute);
                }
            }
            boolean triggers = parser.getHeaderMap().containsKey("context_trigger");
            boolean fuzzyColumn = parser.getHeaderMap().containsKey("fuzzy");
            for (CSVRecord record : records(parser, MENTIONS)) {
                String id = CsvTable.unprotect(record.get("mention_id"));
                if (!ids.add(id)) {
                    throw new InputException(MENTIONS, "row " + line(record) + ": mention '" + id + "' appears twice");
                }
                SentenceRow sentence = sentences.get(known(record.get("sentence_id"), sentences.keySet()));
                if (sentence == null) {
                    throw new InputException(MENTIONS, "row " + line(record) + ": sentence '" + record.get("sentence_id")
                            + "' is not in " + SENTENCES);
                }
                int start = integer(record, "start", MENTIONS);
                int end = integer(record, "end", MENTIONS);
                if (start < sentence.start() || end < start || end > sentence.end()) {
                    throw new InputException(MENTIONS, "row " + line(record) + ": mention " + start + ".." + end
                            + " lies outside its sentence " + sentence.start() + ".." + sentence.end());
                }
                List<String> attributes = new ArrayList<>();
                for (String attribute : attributeColumns) {
                    if ("true".equals(record.get(attribute).strip().toLowerCase(Locale.ROOT))) {
                        attributes.add(attribute);
                    }
                }
                String trigger = triggers ? record.get("context_trigger").strip() : "";
                boolean fuzzy = fuzzyColumn && "true".equals(record.get("fuzzy").strip().toLowerCase(Locale.ROOT));
                bySentence.computeIfAbsent(sentence.id(), key -> new ArrayList<>()).add(new MentionRow(id, sentence.id(),
                        sentence.threadId(), record.get("concept_id"), start, end, CsvTable.unprotect(record.get("matched_text"), end - start),
                        CsvTable.unprotect(record.get("term")), attributes, trigger.isEmpty() ? null : CsvTable.unprotect(trigger), fuzzy));
            }
        }
        bySentence.replaceAll((sentence, list) -> List.copyOf(list));
        return bySentence;
    }

    /** An http(s) address with a host, as given; anything else (javascript:, data:, relative) is dropped. */
    static String webAddress(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toASCIIString() : null;
        } catch (URISyntaxException notAnAddress) {
            return null;
        }
    }

    private static Reader open(Path file, String name) throws IOException, InputException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new InputException(name, "missing in " + file.toAbsolutePath().getParent() + " (run `threadcoder run` first)");
        }
    }

    private static void requireColumns(CSVParser parser, List<String> columns, String name) throws InputException {
        Map<String, Integer> header = parser.getHeaderMap();
        if (header == null || header.isEmpty()) {
            throw new InputException(name, "no header row");
        }
        if (header.size() != parser.getHeaderNames().size()) {
            throw new InputException(name, "a column name appears twice in the header " + parser.getHeaderNames());
        }
        for (String column : columns) {
            if (!header.containsKey(column)) {
                throw new InputException(name, "no column '" + column + "'");
            }
        }
    }

    /** All records, with a malformed file (bad quoting, short rows, bad bytes) reported as bad input. */
    private static List<CSVRecord> records(CSVParser parser, String name) throws InputException {
        try {
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord record : records) {
                if (!record.isConsistent()) {
                    throw new InputException(name, "row " + line(record) + ": " + record.size() + " fields, the header has "
                            + parser.getHeaderMap().size());
                }
            }
            return records;
        } catch (UncheckedIOException | IllegalStateException malformed) {
            Throwable cause = malformed.getCause() == null ? malformed : malformed.getCause();
            throw new InputException(name, "not valid CSV: " + cause.getMessage(), malformed);
        }
    }

    private static int integer(CSVRecord record, String column, String name) throws InputException {
        try {
            int value = Integer.parseInt(record.get(column).strip());
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new InputException(name, "row " + line(record) + ": " + column + " is '" + record.get(column)
                    + "', not a count");
        }
    }

    /** The data row's number (1 for the first row after the header). */
    private static long line(CSVRecord record) {
        return record.getRecordNumber();
    }
}
