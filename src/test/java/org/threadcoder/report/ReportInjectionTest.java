package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * come out as text that runs nothing.
 */
class ReportInjectionTest {
    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "[link](javascript:alert(1))", "</svg><script>alert(2)</script>");

    @TempDir
    static Path folder;
    static Document page;
    static String raw;

    @BeforeAll
    static void writeReport() throws IOException {
        prepare(folder);
        raw = Files.readString(ReportFixtures.writeReport(folder), StandardCharsets.UTF_8);
        page = ReportFixtures.html(folder.resolve(ReportWriter.FILE));
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
        ReportFixtures.rewrite(out.resolve("sentences.csv"), List.of("tweet_url", "thread_url"), sentence -> {
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
    void onlyTheReportsOwnScript() throws IOException {
        assertEquals(1, page.select("script").size(), page.select("script").outerHtml());
        try (InputStream stream = ReportPage.class.getResourceAsStream("/report/report.js")) {
            assertEquals(new String(stream.readAllBytes(), StandardCharsets.UTF_8), page.selectFirst("script").data());
        }
        assertTrue(page.select("img, iframe, object, embed, base, form[action], [src]").isEmpty());
        for (Element svg : page.select("svg")) {
            assertNotNull(svg.closest("#heatmap, #cooccurrence"), "an svg only where the report draws one");
        }
        assertFalse(raw.contains("<script>alert") || raw.contains("<img") || raw.contains("</svg><script>"), "no live markup");
    }

    @Test
    void noEventHandlersAndNoScriptAddresses() {
        int links = 0;
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), "event handler " + element.outerHtml());
                if (name.equals("href")) {
                    links++;
                    assertFalse(value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text"),
                            "script address " + element.outerHtml());
                }
            }
        }
        assertTrue(links > 0);
        // the good addresses are links, the hostile ones are not
        assertEquals(Set.of("https://x.com/mallory/status/2"), new HashSet<>(page.select("a.tweet-ref").eachAttr("href")));
        assertEquals(1, page.select("#concepts a.tweet-ref").size(), "the one sentence with a good address links to its tweet");
        assertEquals("https://x.com/mallory/status/1", page.selectFirst("#threads a.thread-link").attr("href"));
        assertEquals("noopener noreferrer external", page.selectFirst("a.tweet-ref").attr("rel"));
    }

    @Test
    void hostileTextShowsAsText() {
        String threadText = page.selectFirst("#threads article.thread").text();
        String conceptText = page.selectFirst("#concepts").text();
        for (String text : HOSTILE) {
            assertTrue(threadText.contains(text), text + " in the thread view: " + threadText);
        }
        assertTrue(conceptText.contains("<script>alert(1)</script>"), conceptText);
        String author = "Mallory </svg><script>alert(3)</script>";
        assertTrue(page.selectFirst("#heatmap-svg .thread-label").text().startsWith("T1 " + author));
        assertTrue(page.selectFirst("#threads article.thread h3").text().startsWith("T1 " + author));
        assertTrue(page.selectFirst("#filter-thread option[value=injection.txt#t1]").text().startsWith("T1 " + author));
        // the marks still cover exactly the tagged words
        for (Element mark : page.select("#threads mark[data-concept=confidentiality]")) {
            assertTrue(List.of("Confidentiality", "privacy", "confidentiality").contains(ReportPageTest.ownText(mark)), mark.outerHtml());
        }
    }

    @Test
    void contextAttributesBecomeBadgesAndFilters() {
        Element negated = page.selectFirst("#threads mark[data-negated]");
        assertNotNull(negated);
        assertEquals("injection.txt#t1.s1.m2", negated.attr("data-mention-id"));
        assertEquals("negated", negated.selectFirst(".context-badge").text());
        Element reported = page.selectFirst("#threads mark[data-reported]");
        assertEquals("injection.txt#t1.s3.m1", reported.attr("data-mention-id"));
        assertEquals(2, page.select("#threads mark[data-negated], #threads mark[data-reported]").size());
        assertFalse(page.getElementById("hide-negated").hasAttr("disabled"), "usable when mentions.csv has the column");
        assertEquals(5, page.select(".legend .context-badge").size(), "the legend explains every badge");
    }
}
