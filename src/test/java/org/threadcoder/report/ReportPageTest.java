package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the seed run, read back with jsoup: the data block the page script draws from equals
 * the files it was made from, the static frame (concept table, controls, run inputs) is complete, and
 * the page is self-contained under a strict policy.
 */
class ReportPageTest {
    @TempDir
    static Path folder;
    static Path report;
    static Document page;
    static JsonNode data;
    static JsonNode conceptMap;
    static List<Map<String, String>> sentences;
    static List<Map<String, String>> mentions;
    static List<Map<String, String>> threads;
    static List<String> conceptIds = new ArrayList<>();

    @BeforeAll
    static void writeReport() throws IOException {
        report = ReportFixtures.seedReport(folder);
        page = ReportFixtures.html(report);
        data = new ObjectMapper().readTree(page.getElementById("report-data").data());
        conceptMap = ReportFixtures.json(folder.resolve("concept-map.json"));
        sentences = ReportFixtures.csv(folder.resolve("sentences.csv"));
        mentions = ReportFixtures.csv(folder.resolve("mentions.csv"));
        threads = ReportFixtures.csv(folder.resolve("threads.csv"));
        data.path("concepts").forEach(concept -> conceptIds.add(concept.path("id").asText()));
    }

    private static Map<String, Integer> columns(String field) {
        Map<String, Integer> columns = new HashMap<>();
        data.path(field).forEach(name -> columns.put(name.asText(), columns.size()));
        return columns;
    }

    @Test
    void threadsAndCountsEqualThreadsCsvAndTheConceptMap() {
        assertEquals("threadcoder.report-data/1", data.path("schema").asText());
        assertEquals(conceptMap.path("codebook").path("concepts").findValuesAsText("id"), conceptIds, "codebook order");
        Map<String, Integer> column = columns("thread_columns");
        assertEquals(threads.size(), data.path("threads").size());
        Map<String, Map<String, Integer>> mentioned = new HashMap<>();
        for (JsonNode concept : conceptMap.path("concepts")) {
            for (JsonNode cell : concept.path("by_thread")) {
                mentioned.computeIfAbsent(cell.path("thread_id").asText(), unused -> new HashMap<>())
                        .put(concept.path("id").asText(), cell.path("mentions").asInt());
            }
        }
        int compared = 0;
        for (int index = 0; index < threads.size(); index++) {
            Map<String, String> expected = threads.get(index);
            JsonNode thread = data.path("threads").get(index);
            for (String field : List.of("source", "author", "handle", "date_text", "date", "tweet_count", "tweets_shown", "complete",
                    "sentences")) {
                JsonNode value = thread.get(column.get(field));
                assertEquals(expected.get(field), value.isNull() ? "" : value.asText(), field + " of " + expected.get("thread_id"));
            }
            assertEquals(expected.get("thread_id"), thread.get(column.get("id")).asText());
            for (int concept = 0; concept < conceptIds.size(); concept++) {
                String id = conceptIds.get(concept);
                assertEquals(Integer.parseInt(expected.get(id)), data.path("tagged").get(index).get(concept).asInt(), id);
                assertEquals(mentioned.getOrDefault(expected.get("thread_id"), Map.of()).getOrDefault(id, 0),
                        data.path("mentioned").get(index).get(concept).asInt(), id);
                compared += 2;
            }
        }
        for (JsonNode concept : data.path("concepts")) {
            JsonNode run = conceptMap.path("concepts").get(conceptIds.indexOf(concept.path("id").asText()));
            assertEquals(run.path("sentences").asInt(), concept.path("sentences").asInt());
            assertEquals(run.path("mentions").asInt(), concept.path("mentions").asInt());
            assertEquals(run.path("threads").asInt(), concept.path("threads").asInt());
        }
        System.out.printf("report: %d per-thread counts in the data block equal threads.csv and concept-map.json%n", compared);
    }

    @Test
    void sentencesAndMentionsEqualTheirTables() {
        Map<String, Integer> sentence = columns("sentence_columns");
        Map<String, Integer> mention = columns("mention_columns");
        assertEquals(sentences.size(), data.path("sentences").size());
        for (int index = 0; index < sentences.size(); index++) {
            Map<String, String> expected = sentences.get(index);
            JsonNode row = data.path("sentences").get(index);
            assertEquals(expected.get("sentence_id"), row.get(sentence.get("id")).asText());
            assertEquals(expected.get("text"), row.get(sentence.get("text")).asText());
            assertEquals(expected.get("start"), row.get(sentence.get("start")).asText());
            assertEquals(expected.get("end"), row.get(sentence.get("end")).asText());
            List<String> concepts = new ArrayList<>();
            row.get(sentence.get("concepts")).forEach(concept -> concepts.add(conceptIds.get(concept.asInt())));
            assertEquals(expected.get("concepts"), String.join(";", concepts));
        }
        assertEquals(mentions.size(), data.path("mentions").size());
        for (int index = 0; index < mentions.size(); index++) {
            Map<String, String> expected = mentions.get(index);
            JsonNode row = data.path("mentions").get(index);
            assertEquals(expected.get("mention_id"), row.get(mention.get("id")).asText());
            assertEquals(expected.get("concept_id"), conceptIds.get(row.get(mention.get("concept")).asInt()));
            String text = data.path("sentences").get(row.get(mention.get("sentence")).asInt()).get(sentence.get("text")).asText();
            // from/to are UTF-16 offsets into the sentence: the browser's slice gives the matched text
            assertEquals(expected.get("matched_text"), text.substring(row.get(mention.get("from")).asInt(), row.get(mention.get("to")).asInt()),
                    expected.get("mention_id"));
        }
        assertTrue(page.select(".sentence, mark").size() <= page.select(".legend mark").size(), "no sentence in the static page");
    }

    @Test
    void selfContainedWithAStrictPolicy() throws IOException {
        Element policy = page.selectFirst("head meta[http-equiv=Content-Security-Policy]");
        assertNotNull(policy, "CSP meta");
        String content = policy.attr("content");
        assertTrue(content.startsWith("default-src 'none';"), content);
        Elements scripts = page.select("script:not([type=application/json])");
        assertEquals(1, scripts.size(), "the page's own script only");
        assertTrue(content.contains("script-src '" + sha256(scripts.first().data()) + "'"), "the script is allowed by hash: " + content);
        assertTrue(page.select("[src]").isEmpty(), "nothing loads from a src");
        assertTrue(page.select("link[rel=stylesheet], iframe, object, embed, img, base").isEmpty());
        String style = page.select("style").html().toLowerCase(java.util.Locale.ROOT);
        assertFalse(style.contains("@import") || style.contains("url("), "the style sheet loads nothing");
        assertFalse(Files.readString(report).contains("http://"), "no http address anywhere");
        assertFalse(scripts.first().data().contains("innerHTML"), "the script never parses markup");
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertTrue(style.contains("@media print"), "a print style sheet");
    }

    @Test
    void conceptTableControlsAndMatrix() {
        Elements rows = page.select("#concepts table.concept-table tbody tr");
        assertEquals(conceptIds, rows.eachAttr("data-concept"));
        for (Element row : rows) {
            JsonNode run = conceptMap.path("concepts").get(conceptIds.indexOf(row.attr("data-concept")));
            assertEquals(run.path("sentences").asText(), row.selectFirst("td[data-measure=tagged]").text());
            assertEquals(run.path("mentions").asText(), row.selectFirst("td[data-measure=mentioned]").text());
            assertEquals(run.path("sentences").asInt() > 0, row.selectFirst("button.show-concept") != null);
        }
        for (String control : List.of("sort-by", "sort-direction", "map-filter", "filter-concept", "complete-only", "hide-negated",
                "hide-reported", "view-author", "view-month", "view-thread", "measure-tagged", "measure-mentioned")) {
            assertNotNull(page.selectFirst("label[for=" + control + "]"), "a label for " + control);
            assertNotNull(page.getElementById(control), control);
        }
        long withSentences = conceptMap.path("concepts").findValues("sentences").stream().filter(count -> count.asInt() > 0).count();
        assertEquals(withSentences + 1, page.select("#filter-concept option").size());
        assertEquals(conceptIds.size() + 5, page.select("#sort-by option").size());
        assertNotNull(page.selectFirst("svg.cooccurrence"), "the co-occurrence matrix");
        assertEquals(conceptMap.path("cooccurrence").size() * 2, page.select("svg.cooccurrence g.matrix-cell").size(), "both halves");
        long tagged = sentences.stream().filter(row -> !row.get("concepts").isEmpty()).count();
        assertTrue(page.getElementById("lead").text().contains(sentences.size() + " sentences, " + tagged + " of them tagged"),
                page.getElementById("lead").text());
    }

    @Test
    void runInputsFoldedAtTheEnd() {
        Element last = page.select("main > section").last();
        assertEquals("run", last.id(), "the inputs come last");
        Element details = last.selectFirst("details#run-details");
        assertNotNull(details);
        assertFalse(details.hasAttr("open"), "folded");
        String text = details.text();
        JsonNode manifest = conceptMap.path("manifest");
        for (String expected : List.of("therapy-concepts v2", manifest.path("codebook_sha256").asText(),
                manifest.path("inputs").get(0).path("sha256").asText(), "opennlp-en-ud-ewt-sentence", data.path("manifest_sha256").asText())) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertTrue(data.path("manifest_sha256").asText().matches("[0-9a-f]{64}"));
        assertTrue(page.select("#map ~ section").stream().noneMatch(section -> section.select("td.hash").size() > 0 && !section.id().equals("run")),
                "hashes only in the run section");
    }

    @Test
    void sameInputsSameBytes() throws IOException {
        byte[] first = Files.readAllBytes(report);
        byte[] second = Files.readAllBytes(ReportFixtures.writeReport(folder));
        assertArrayEquals(first, second);
        assertFalse(Files.exists(folder.resolve(".report.html.tmp")), "no temporary file left");
    }

    static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
