package org.threadcoder.report;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;

/**
 * Thread text is untrusted: a page whose tweets (and author name) carry script tags, an onerror
 * image, a javascript: link and a closing svg tag, plus hostile tweet and thread addresses, must
 * come out as data that no parser reads as markup, and as text in the browser ({@link ReportBrowserTest}).
 */
class ReportInjectionTest {
    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "[link](javascript:alert(1))", "</svg><script>alert(2)</script>");

    @TempDir
    static Path folder;
    static Document page;
    static String raw;
    static JsonNode data;

    @BeforeAll
    static void writeReport() throws IOException {
        prepare(folder);
        raw = Files.readString(ReportFixtures.writeReport(folder), StandardCharsets.UTF_8);
        page = ReportFixtures.html(folder.resolve(ReportWriter.FILE));
        data = new ObjectMapper().readTree(page.getElementById("report-data").data());
    }

    /**
     * Runs the pipeline on {@code report/injection.txt} into {@code out}, then gives the tables the
     * optional columns a later run writes: hostile and good tweet/thread addresses, and context attributes.
     */
    static void prepare(Path out) {
        ReportFixtures.runPipeline(TestSupport.resource("report/injection.txt"), out);
        List<String> tweetUrls = List.of("javascript:alert(1)", "https://x.com/mallory/status/2",
                "data:text/html,<script>alert(4)</script>", " JaVaScRiPt:alert(5)");
        int[] row = {0};
        // "words": a column the report does not know, as a later run may add; columns are read by name
        ReportFixtures.rewrite(out.resolve("sentences.csv"), List.of("tweet_url", "thread_url", "words"), sentence -> {
            sentence.put("words", "7");
            sentence.put("tweet_url", tweetUrls.get(row[0] % tweetUrls.size()));
            sentence.put("thread_url", row[0] == 0 ? "vbscript:msgbox(1)" : "https://x.com/mallory/status/1");
            row[0]++;
        });
        ReportFixtures.rewrite(out.resolve("mentions.csv"), List.of("negated", "hypothetical", "uncertain", "reported", "question"),
                mention -> {
                    ReportData.ATTRIBUTES.forEach(attribute -> mention.put(attribute, "false"));
                    if (mention.get("mention_id").endsWith("s1.m2")) {
                        mention.put("negated", "true");
                    }
                    if (mention.get("mention_id").endsWith("s3.m1")) {
                        mention.put("reported", "TRUE");
                    }
                });
    }

    @Test
    void noLiveMarkupAnywhere() {
        assertEquals(2, page.select("script").size(), "the data block and the page's own script");
        assertEquals("application/json", page.getElementById("report-data").attr("type"));
        assertTrue(page.select("img, iframe, object, embed, base, form[action], [src]").isEmpty());
        for (Element svg : page.select("svg")) {
            assertNotNull(svg.closest("#cooccurrence"), "an svg only where the report draws one");
        }
        assertFalse(raw.contains("<script>alert") || raw.contains("<img") || raw.contains("</svg><script>"), "no live markup");
        // the data block holds no raw <, > or &: thread text cannot close it
        String block = page.getElementById("report-data").data();
        assertFalse(block.contains("<") || block.contains(">") || block.contains("&"), "escaped data block");
        assertTrue(block.contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E"), "hostile text kept as data");
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on"), "event handler " + element.outerHtml());
            }
        }
    }

    @Test
    void hostileTextIsDataAsWritten() {
        List<String> texts = new ArrayList<>();
        data.path("sentences").forEach(sentence -> texts.add(sentence.get(7).asText()));
        String all = String.join(" ", texts);
        for (String hostile : HOSTILE) {
            assertTrue(all.contains(hostile), hostile + " in " + all);
        }
        assertEquals("Mallory </svg><script>alert(3)</script>", data.path("threads").get(0).get(2).asText());
    }

    @Test
    void onlyWebAddressesReachThePage() {
        List<String> tweetUrls = new ArrayList<>();
        data.path("sentences").forEach(sentence -> tweetUrls.add(sentence.get(9).isNull() ? null : sentence.get(9).asText()));
        assertTrue(tweetUrls.contains("https://x.com/mallory/status/2"));
        for (String url : tweetUrls) {
            assertTrue(url == null || url.equals("https://x.com/mallory/status/2"), "only the good address: " + url);
        }
        assertEquals("https://x.com/mallory/status/1", data.path("threads").get(0).get(10).asText(), "the good thread address");
        for (Element link : page.select("[href]")) {
            String href = link.attr("href");
            assertTrue(href.startsWith("#") || href.equals("data:,"), "the static page links only inside itself: " + href);
        }
    }

    @Test
    void contextAttributesAreCarried() {
        List<String> attributes = new ArrayList<>();
        data.path("attributes").forEach(attribute -> attributes.add(attribute.asText()));
        assertEquals(ReportData.ATTRIBUTES, attributes);
        int negated = attributes.indexOf("negated");
        int reported = attributes.indexOf("reported");
        List<String> flagged = new ArrayList<>();
        for (JsonNode mention : data.path("mentions")) {
            for (JsonNode attribute : mention.get(5)) {
                flagged.add(mention.get(0).asText() + " " + (attribute.asInt() == negated ? "negated" : attribute.asInt() == reported
                        ? "reported" : "other"));
            }
        }
        assertEquals(List.of("injection.txt#t1.s1.m2 negated", "injection.txt#t1.s3.m1 reported"), flagged);
        assertFalse(page.getElementById("hide-negated").hasAttr("disabled"), "usable when mentions.csv has the column");
        assertEquals(5, page.select(".legend .context-badge").size(), "the legend explains every badge");
    }
}
