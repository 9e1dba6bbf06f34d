package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the seed run, read back with jsoup and checked against the files it was made from. */
class ReportPageTest {
    @TempDir
    static Path folder;
    static Path report;
    static Document page;
    static JsonNode conceptMap;
    static List<Map<String, String>> sentences;
    static List<Map<String, String>> mentions;

    @BeforeAll
    static void writeReport() {
        report = ReportFixtures.seedReport(folder);
        page = ReportFixtures.html(report);
        conceptMap = ReportFixtures.json(folder.resolve("concept-map.json"));
        sentences = ReportFixtures.csv(folder.resolve("sentences.csv"));
        mentions = ReportFixtures.csv(folder.resolve("mentions.csv"));
    }

    @Test
    void oneSectionPerConceptWithMentions() {
        Set<String> expected = new TreeSet<>();
        conceptMap.path("concepts").forEach(concept -> {
            if (concept.path("mentions").asInt() > 0) {
                expected.add(concept.path("id").asText());
            }
        });
        Elements sections = page.select("#concepts section.concept-section");
        Set<String> shown = new TreeSet<>(sections.eachAttr("data-concept"));
        System.out.printf("report: %d concept sections for %d concepts with mentions%n", sections.size(), expected.size());
        assertEquals(expected, shown);
        assertEquals(expected.size(), sections.size(), "one section each");
        assertTrue(expected.size() >= 15, "the seed mentions most concepts: " + expected.size());
        // every sentence that carries a concept is listed in its section, under its thread
        for (JsonNode concept : conceptMap.path("concepts")) {
            for (JsonNode cell : concept.path("by_thread")) {
                Element group = group(concept.path("id").asText(), cell.path("thread_id").asText());
                assertNotNull(group, concept + " in " + cell);
                List<String> ids = group.select("li.sentence").eachAttr("data-sentence-id");
                List<String> expectedIds = new java.util.ArrayList<>();
                cell.path("sentence_ids").forEach(id -> expectedIds.add(id.asText()));
                assertEquals(expectedIds, ids, concept.path("id").asText());
            }
        }
    }

    @Test
    void threadViewHighlightsEveryMentionOnce() {
        Elements marks = page.select("#threads mark[data-mention-id]");
        Set<String> ids = new HashSet<>(marks.eachAttr("data-mention-id"));
        Set<String> expected = new HashSet<>();
        mentions.forEach(row -> expected.add(row.get("mention_id")));
        System.out.printf("report: %d distinct highlighted mentions in the thread view, mentions.csv has %d rows%n",
                ids.size(), mentions.size());
        assertEquals(mentions.size(), ids.size());
        assertEquals(expected, ids);
        assertEquals(conceptMap.path("totals").path("mentions").asInt(), ids.size());
        // each highlight covers exactly the mention's code points of its sentence, and carries its concept's class
        Map<String, Map<String, String>> sentenceById = new HashMap<>();
        sentences.forEach(row -> sentenceById.put(row.get("sentence_id"), row));
        Map<String, StringBuilder> highlighted = new LinkedHashMap<>();
        for (Element mark : marks) {
            highlighted.computeIfAbsent(mark.attr("data-mention-id"), id -> new StringBuilder()).append(ownText(mark));
            assertTrue(mark.className().matches("mention concept-\\d+"), mark.className());
        }
        for (Map<String, String> mention : mentions) {
            Map<String, String> sentence = sentenceById.get(mention.get("sentence_id"));
            int base = Integer.parseInt(sentence.get("start"));
            String expectedText = ReportFixtures.codePoints(sentence.get("text"), Integer.parseInt(mention.get("start")) - base,
                    Integer.parseInt(mention.get("end")) - base);
            assertEquals(expectedText, highlighted.get(mention.get("mention_id")).toString(), mention.get("mention_id"));
        }
        // the thread view holds every sentence, in order, as text
        List<String> shown = page.select("#threads span.sentence").eachAttr("data-sentence-id");
        assertEquals(sentences.stream().map(row -> row.get("sentence_id")).toList(), shown);
    }

    @Test
    void heatmapCellsGiveTheConceptMapCounts() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (JsonNode concept : conceptMap.path("concepts")) {
            for (JsonNode cell : concept.path("by_thread")) {
                expected.put(concept.path("id").asText() + " @ " + cell.path("thread_id").asText(), cell.path("mentions").asInt());
            }
        }
        Elements cells = page.select("#heatmap-svg g.cell");
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (Element cell : cells) {
            shown.put(cell.attr("data-concept") + " @ " + cell.attr("data-thread"), Integer.parseInt(cell.selectFirst("text").text()));
            assertEquals("0", cell.attr("tabindex"));
            assertEquals("button", cell.attr("role"));
        }
        System.out.printf("report: %d heatmap cells with counts, concept-map.json has %d (concept, thread) entries%n",
                shown.size(), expected.size());
        assertEquals(expected, shown);
        int rows = conceptMap.path("codebook").path("concepts").size();
        int threads = conceptMap.path("threads").size();
        assertEquals(rows, page.select("#heatmap-svg g.heatmap-row").size(), "a row for every codebook concept");
        assertEquals(rows * threads, cells.size() + page.select("#heatmap-svg rect.cell-empty").size(), "every cell drawn");
        // rows in codebook order, children marked
        assertEquals(conceptMap.path("codebook").path("concepts").findValuesAsText("id"),
                page.select("#heatmap-svg g.heatmap-row").eachAttr("data-concept"));
        assertEquals(page.select("#heatmap-svg g.child-row").size(),
                conceptMap.path("codebook").path("concepts").findValues("parent").stream().filter(node -> !node.isNull()).count());
    }

    @Test
    void selfContainedWithAStrictPolicy() throws IOException {
        Element policy = page.selectFirst("head meta[http-equiv=Content-Security-Policy]");
        assertNotNull(policy, "CSP meta");
        String content = policy.attr("content");
        assertTrue(content.startsWith("default-src 'none';"), content);
        Elements scripts = page.select("script");
        assertEquals(1, scripts.size(), "the page's own script only");
        assertTrue(content.contains("script-src '" + sha256(scripts.first().data()) + "'"), "the script is allowed by hash: " + content);
        assertTrue(page.select("[src]").isEmpty(), "nothing loads from a src");
        assertTrue(page.select("link[rel=stylesheet], iframe, object, embed, img, base").isEmpty());
        for (Element link : page.select("[href]")) {
            String href = link.attr("href");
            boolean internal = href.startsWith("#") || href.equals("data:,");
            boolean tweetLink = href.startsWith("https://") && (link.hasClass("tweet-ref") || link.hasClass("thread-link"));
            assertTrue(internal || tweetLink, "unexpected address " + link.outerHtml());
        }
        String style = page.select("style").html().toLowerCase(java.util.Locale.ROOT);
        assertFalse(style.contains("@import") || style.contains("url("), "the style sheet loads nothing");
        assertFalse(Files.readString(report).contains("http://"), "no http address anywhere");
        assertEquals("en", page.selectFirst("html").attr("lang"));
    }

    @Test
    void overviewFiltersAndPreviews() {
        String overview = page.selectFirst("#overview").text();
        for (String expected : List.of("Pages 1", "Threads 7", "Sentences " + sentences.size(), "Mentions " + mentions.size(),
                "therapy-concepts v1", conceptMap.path("manifest").path("codebook_sha256").asText(),
                conceptMap.path("manifest").path("inputs").get(0).path("sha256").asText(), "opennlp-en-ud-ewt-sentence")) {
            assertTrue(overview.contains(expected), expected + " in " + overview);
        }
        for (String control : List.of("filter-concept", "filter-thread", "hide-negated", "hide-reported", "filter-search")) {
            assertNotNull(page.selectFirst("label[for=" + control + "]"), "a label for " + control);
            assertNotNull(page.getElementById(control), control);
        }
        assertEquals(page.select("#concepts section.concept-section").size() + 1, page.select("#filter-concept option").size());
        assertEquals(8, page.select("#filter-thread option").size());
        Element preview = page.selectFirst("#threads article.thread.preview .preview-badge");
        assertNotNull(preview);
        assertEquals("preview — 3 of 12 tweets shown", preview.text());
        assertEquals(6, page.select("#threads article.thread.preview").size());
        assertNotNull(page.selectFirst("#threads .legend"), "the thread view has a legend");
        assertNotNull(page.selectFirst("svg.cooccurrence"), "the co-occurrence matrix");
        assertEquals(conceptMap.path("cooccurrence").size() * 2, page.select("svg.cooccurrence g.matrix-cell").size(), "both halves");
        assertTrue(page.select("style").html().contains("@media print"), "a print style sheet");
    }

    @Test
    void sameInputsSameBytes() throws IOException {
        byte[] first = Files.readAllBytes(report);
        byte[] second = Files.readAllBytes(ReportFixtures.writeReport(folder));
        assertArrayEquals(first, second);
        assertFalse(Files.exists(folder.resolve(".report.html.tmp")), "no temporary file left");
    }

    private static Element group(String concept, String thread) {
        for (Element group : page.select("#concepts div.concept-thread")) {
            if (group.attr("data-concept").equals(concept) && group.attr("data-thread").equals(thread)) {
                return group;
            }
        }
        return null;
    }

    /** A highlight's own text and that of marks nested in it, without abbreviations and badges. */
    static String ownText(Element mark) {
        StringBuilder text = new StringBuilder();
        mark.traverse((node, depth) -> {
            if (node instanceof TextNode textNode && textNode.parent() != null
                    && !textNode.parent().hasClass("concept-tag") && !textNode.parent().hasClass("context-badge")) {
                text.append(textNode.getWholeText());
            }
        });
        return text.toString();
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
