package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;

/**
 * {@code datapackage.json} on a run over text, HTML and twarc2 inputs: every CSV of the folder is a
 * resource, every column of every CSV is described in file order, every value fits its declared
 * type, primary keys are unique and foreign keys resolve.
 */
class DataPackageTest {
    @TempDir
    static Path temp;
    private static Path out;
    private static JsonNode resources;

    @BeforeAll
    static void run() throws Exception {
        out = temp.resolve("out");
        CommandRun result = CommandRun.of("run", TestSupport.seed().toString(), TestSupport.resource("layouts/08-thread-page.html").toString(),
                TestSupport.resource("layouts/09-twarc2-flat.jsonl").toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, result.exitCode(), result.err());
        resources = new ObjectMapper().readTree(out.resolve("datapackage.json").toFile()).path("resources");
    }

    @Test
    void everyCsvIsAResourceAndEveryColumnIsDescribedInOrder() throws Exception {
        Set<String> described = new HashSet<>();
        for (JsonNode resource : resources) {
            described.add(resource.path("path").asText());
            List<String> header = header(out.resolve(resource.path("path").asText()));
            List<String> fields = new ArrayList<>();
            resource.path("schema").path("fields").forEach(field -> {
                fields.add(field.path("name").asText());
                assertFalse(field.path("description").asText().isBlank(), field.toString());
            });
            assertEquals(header, fields, resource.path("name").asText());
        }
        try (Stream<Path> files = Files.list(out)) {
            List<String> csvs = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted().toList();
            assertEquals(List.of("concepts.csv", "failures.csv", "mentions.csv", "pages.csv", "sentences.csv", "threads.csv"), csvs);
            assertTrue(described.containsAll(csvs), "described " + described);
        }
    }

    @Test
    void idsAreStringsAndTheOtherColumnsTyped() {
        Map<String, String> sentences = types("sentences");
        assertEquals("string", sentences.get("tweet_id"));
        assertEquals("string", sentences.get("sentence_id"));
        assertEquals("integer", sentences.get("start"));
        assertEquals("integer", sentences.get("words"));
        assertEquals("date", sentences.get("thread_date"));
        assertEquals("boolean", sentences.get("tweets_inferred"));
        assertEquals("boolean", types("threads").get("complete"));
        assertEquals("integer", types("threads").get("alliance-goals"));
        assertEquals("number", types("concepts").get("alliance-goals_words_pct"));
        assertEquals("integer", types("concepts").get("WC"));
    }

    @Test
    void everyValueFitsItsTypeAndKeysHold() throws Exception {
        Map<String, Set<String>> keys = new HashMap<>();
        int values = 0;
        for (JsonNode resource : resources) {
            String name = resource.path("name").asText();
            Map<String, String> types = types(name);
            String primaryKey = resource.path("schema").path("primaryKey").asText();
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : records(out.resolve(resource.path("path").asText()))) {
                for (Map.Entry<String, String> column : types.entrySet()) {
                    String value = record.get(column.getKey());
                    assertTrue(fits(column.getValue(), value), name + " row " + record.getRecordNumber() + " " + column.getKey() + " = '" + value + "'");
                    values++;
                }
                assertTrue(seen.add(record.get(primaryKey)) && !record.get(primaryKey).isEmpty(), name + " key " + record.get(primaryKey));
            }
            keys.put(name, seen);
        }
        for (JsonNode resource : resources) {
            for (JsonNode key : resource.path("schema").path("foreignKeys")) {
                Set<String> targets = keys.get(key.path("reference").path("resource").asText());
                for (CSVRecord record : records(out.resolve(resource.path("path").asText()))) {
                    assertTrue(targets.contains(record.get(key.path("fields").asText())), resource.path("name").asText() + " " + key);
                }
            }
        }
        assertTrue(keys.get("sentences").stream().anyMatch(id -> id.startsWith("09-twarc2-flat.jsonl")), "the twarc2 input is in the run");
        System.out.println("datapackage.json: " + resources.size() + " tables, " + values + " values checked against their types");
    }

    @Test
    void theTweetIdsAreNineteenDigitStrings() throws Exception {
        List<String> ids = records(out.resolve("sentences.csv")).stream().map(record -> record.get("tweet_id")).filter(id -> !id.isEmpty()).toList();
        assertFalse(ids.isEmpty());
        assertTrue(ids.stream().allMatch(id -> id.matches("\\d{19}")), ids.toString());
        // a double cannot hold them: what a reader guessing "number" would get differs from the id
        assertTrue(ids.stream().anyMatch(id -> !String.format("%.0f", Double.parseDouble(id)).equals(id)), ids.toString());
    }

    private static boolean fits(String type, String value) {
        if (value.isEmpty()) {
            return true;
        }
        try {
            switch (type) {
                case "integer" -> Long.parseLong(value);
                case "number" -> Double.parseDouble(value);
                case "boolean" -> {
                    return value.equals("true") || value.equals("false");
                }
                case "date" -> LocalDate.parse(value);
                case "string" -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException notOfTheType) {
            return false;
        }
    }

    private static Map<String, String> types(String resourceName) {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        for (JsonNode resource : resources) {
            if (resource.path("name").asText().equals(resourceName)) {
                resource.path("schema").path("fields").forEach(field -> types.put(field.path("name").asText(), field.path("type").asText()));
            }
        }
        return types;
    }

    private static List<String> header(Path file) throws Exception {
        try (var reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getHeaderNames();
        }
    }

    private static List<CSVRecord> records(Path file) throws Exception {
        return TestSupport.csvRows(file);
    }
}
