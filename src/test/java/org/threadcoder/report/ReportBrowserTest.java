package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.threadcoder.TestSupport;

/**
 * The seed's report in a real browser (Debian's Chromium, headless, through chromedriver): it loads from
 * disk with no network request and no console error, every mention is highlighted on exactly its words,
 * every view's numbers equal the run's files, a map cell lists its sentences (by mouse and keyboard), the
 * filters choose what is shown, and hostile text runs nothing. Leaves a full-page screenshot in
 * {@code target/report-screenshot.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportBrowserTest {
    @TempDir
    static Path temp;
    static BrowserSession browser;
    static Path seedReport;
    static Path injectionReport;
    static JsonNode conceptMap;

    @BeforeAll
    static void startBrowser() throws IOException {
        seedReport = ReportFixtures.seedReport(temp.resolve("seed"));
        conceptMap = ReportFixtures.json(temp.resolve("seed/concept-map.json"));
        ReportInjectionTest.prepare(temp.resolve("injection"));
        injectionReport = ReportFixtures.writeReport(temp.resolve("injection"));
        browser = BrowserSession.start(temp);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void loadsOfflineAndHighlightsEveryMention() {
        browser.load(seedReport);
        assertEquals("thread", browser.find("#map-table").getAttribute("data-view"), "a small run opens on its threads");
        assertEquals(conceptMap.path("threads").size(), browser.findAll("#threads article.thread").size(), "every thread as text");
        // every mention of mentions.csv highlighted once, on exactly its words
        @SuppressWarnings("unchecked")
        List<String> highlighted = (List<String>) browser.script("return Array.from(new Set(Array.from("
                + "document.querySelectorAll('#threads mark[data-mention-id]'), mark => mark.getAttribute('data-mention-id'))))");
        List<Map<String, String>> mentions = ReportFixtures.csv(temp.resolve("seed/mentions.csv"));
        Map<String, Map<String, String>> sentences = new HashMap<>();
        ReportFixtures.csv(temp.resolve("seed/sentences.csv")).forEach(row -> sentences.put(row.get("sentence_id"), row));
        assertEquals(conceptMap.path("totals").path("mentions").asInt(), highlighted.size());
        for (Map<String, String> mention : mentions) {
            Map<String, String> sentence = sentences.get(mention.get("sentence_id"));
            int base = Integer.parseInt(sentence.get("start"));
            String words = ReportFixtures.codePoints(sentence.get("text"), Integer.parseInt(mention.get("start")) - base,
                    Integer.parseInt(mention.get("end")) - base);
            assertEquals(mention.get("matched_text"), words);
            String shown = nestedText(mention.get("mention_id"));
            assertEquals(words, shown, mention.get("mention_id"));
        }
        System.out.printf("report: %d mentions highlighted on exactly their words%n", highlighted.size());
        // the thread view lists every sentence in order
        @SuppressWarnings("unchecked")
        List<String> shownSentences = (List<String>) browser.script("return Array.from(document.querySelectorAll('#threads .sentence'),"
                + " node => node.getAttribute('data-sentence-id'))");
        assertEquals(ReportFixtures.csv(temp.resolve("seed/sentences.csv")).stream().map(row -> row.get("sentence_id")).toList(),
                shownSentences);
    }

    /** A mention's words: the text of its marks (one a piece), nested marks included, without labels and buttons. */
    private static String nestedText(String mentionId) {
        return (String) browser.script("let text = '';"
                + "for (const mark of document.querySelectorAll('#threads mark[data-mention-id=\"' + arguments[0] + '\"]')) {"
                + "  const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT, {acceptNode: node =>"
                + "    node.parentNode.closest('.concept-tag, .context-badge, .verdict') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});"
                + "  while (walker.nextNode()) { text += walker.currentNode.nodeValue; } }"
                + "return text;", mentionId);
    }

    @Test
    @Order(2)
    void everyViewEqualsTheRunFiles() {
        browser.load(seedReport);
        int compared = new MapCheck(temp.resolve("seed")).assertEveryViewMatches(browser);
        System.out.printf("report: seed: %d numbers in 3 views × 2 counts equal threads.csv / concept-map.json%n", compared);
        assertTrue(compared > 300, "compared " + compared);
        // the concept table gives the run's totals
        for (JsonNode concept : conceptMap.path("concepts")) {
            String id = concept.path("id").asText();
            assertEquals(concept.path("sentences").asText(), browser.find("#concepts tr[data-concept='" + id + "'] td[data-measure='tagged']")
                    .getAttribute("textContent"), id);
        }
    }

    @Test
    @Order(3)
    void mapCellShowsItsSentences() {
        browser.load(seedReport);
        List<WebElement> cells = cellsWithSentences();
        assertTrue(cells.size() > 10, "cells: " + cells.size());
        WebElement first = cells.get(0);
        WebElement last = cells.get(cells.size() - 1);
        assertNotEquals(key(first), key(last));
        String firstKey = key(first);
        browser.click(first);
        assertDetailShows(firstKey);
        String lastKey = key(last);
        browser.click(last);
        assertDetailShows(lastKey);
        // keyboard: the tab stop, Enter and Space
        WebElement byEnter = cellsWithSentences().get(cells.size() / 2);
        String enterKey = key(byEnter);
        browser.script("arguments[0].focus()", byEnter);
        byEnter.sendKeys(Keys.ENTER);
        assertDetailShows(enterKey);
        WebElement bySpace = cellsWithSentences().get(1);
        String spaceKey = key(bySpace);
        browser.script("arguments[0].focus()", bySpace);
        bySpace.sendKeys(Keys.SPACE);
        assertDetailShows(spaceKey);
        assertEquals("true", bySpace.getAttribute("aria-current"));
        assertEquals(1, browser.findAll("#map-table td[aria-current='true']").size(), "one chosen cell");
    }

    private static List<WebElement> cellsWithSentences() {
        return browser.findAll("#map-table tr.thread-row td.cell[data-concept]:not([data-concept='']):not(.zero)");
    }

    private static String key(WebElement cell) {
        return cell.findElement(org.openqa.selenium.By.xpath("..")).getAttribute("data-thread") + "\n" + cell.getAttribute("data-concept");
    }

    private static void assertDetailShows(String cellKey) {
        String thread = cellKey.split("\n")[0];
        String concept = cellKey.split("\n")[1];
        WebElement detail = browser.find("#detail");
        assertEquals(concept, detail.getAttribute("data-concept"));
        assertEquals(thread, detail.getAttribute("data-thread"));
        List<String> shown = new ArrayList<>();
        for (WebElement item : browser.findAll("#detail li.sentence")) {
            assertTrue(item.isDisplayed());
            shown.add(item.getAttribute("data-sentence-id"));
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode entry : conceptMap.path("concepts")) {
            if (entry.path("id").asText().equals(concept)) {
                for (JsonNode byThread : entry.path("by_thread")) {
                    if (byThread.path("thread_id").asText().equals(thread)) {
                        byThread.path("sentence_ids").forEach(id -> expected.add(id.asText()));
                    }
                }
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, shown, concept + " in " + thread);
        for (WebElement item : browser.findAll("#detail li.sentence")) {
            assertFalse(item.findElements(org.openqa.selenium.By.cssSelector("mark[data-concept='" + concept + "']")).isEmpty(),
                    "the concept is highlighted in " + item.getAttribute("data-sentence-id"));
        }
        assertTrue(browser.find("#detail-title").getText().contains(" in T"), browser.find("#detail-title").getText());
    }

    @Test
    @Order(8)
    void rolledUpCountsListTheSubConceptSentences() {
        Path rolled = ReportFixtures.runPipeline(TestSupport.seed(), temp.resolve("rolled"), "--roll-up");
        browser.load(rolled.resolve(ReportWriter.FILE));
        int compared = new MapCheck(rolled).assertEveryViewMatches(browser);
        assertTrue(browser.find("#measure-note").getText().contains("rolls up"), browser.find("#measure-note").getText());
        // a parent's cell lists its own sentences and its children's, as concept-map.json's sentence ids say
        JsonNode map = ReportFixtures.json(rolled.resolve("concept-map.json"));
        String thread = map.path("threads").get(0).path("thread_id").asText();
        browser.click(browser.find("#view-thread"));
        WebElement cell = browser.find("#map-table tr[data-thread='" + thread + "'] td.cell[data-concept='working-alliance']");
        browser.click(cell);
        List<String> expected = new ArrayList<>();
        for (JsonNode concept : map.path("concepts")) {
            if (concept.path("id").asText().equals("working-alliance")) {
                concept.path("by_thread").get(0).path("sentence_ids").forEach(id -> expected.add(id.asText()));
            }
        }
        List<String> shown = browser.findAll("#detail li.sentence").stream().map(item -> item.getAttribute("data-sentence-id")).toList();
        System.out.printf("report: rolled-up seed: %d numbers match; working alliance in T1 lists %d sentences%n", compared, shown.size());
        assertTrue(expected.size() > 1, "the children add sentences: " + expected);
        assertEquals(expected, shown);
    }

    @Test
    @Order(4)
    void filtersChooseTheThreads() {
        browser.load(seedReport);
        List<Map<String, String>> threadRows = ReportFixtures.csv(temp.resolve("seed/threads.csv"));
        new Select(browser.find("#filter-concept")).selectByValue("research-evidence");
        Set<String> withConcept = new LinkedHashSet<>();
        threadRows.stream().filter(row -> !row.get("research-evidence").equals("0")).forEach(row -> withConcept.add(row.get("thread_id")));
        assertEquals(withConcept, shownThreads("#map-table tr.thread-row"));
        assertEquals(withConcept, shownThreads("#threads article.thread"));
        assertTrue(browser.find("#map-status").getText().startsWith("The filters keep " + withConcept.size() + " of 7"));
        for (WebElement sentence : browser.findAll("#threads .sentence")) {
            boolean tagged = List.of(sentence.getAttribute("data-concepts").split(" ")).contains("research-evidence");
            assertEquals(!tagged, sentence.getAttribute("class").contains("faded"), sentence.getAttribute("data-sentence-id"));
        }
        // words: the threads with a sentence holding them; their other sentences faded
        browser.click(browser.find("#map-reset"));
        String before = browser.find("#map-status").getText();
        browser.find("#map-filter").sendKeys("privacy");
        browser.awaitStatusChange(before);
        Set<String> withWord = new LinkedHashSet<>();
        ReportFixtures.csv(temp.resolve("seed/sentences.csv")).stream()
                .filter(row -> row.get("text").toLowerCase(Locale.ROOT).contains("privacy")).forEach(row -> withWord.add(row.get("thread_id")));
        assertFalse(withWord.isEmpty());
        assertEquals(withWord, shownThreads("#map-table tr.thread-row"));
        for (WebElement sentence : browser.findAll("#threads .sentence:not(.faded)")) {
            assertTrue(sentence.getText().toLowerCase(Locale.ROOT).contains("privacy"), sentence.getText());
        }
        browser.click(browser.find("#map-reset"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(unused -> browser.findAll("#map-table tr.thread-row").size() == 7);
        assertTrue(browser.find("#map-status").getText().startsWith("All 7 threads"));
        assertEquals(7, browser.findAll("#threads article.thread").size());
        // previews only off: the complete thread alone
        browser.click(browser.find("#complete-only"));
        assertEquals(Set.of(threadRows.get(0).get("thread_id")), shownThreads("#map-table tr.thread-row"));
    }

    private static Set<String> shownThreads(String selector) {
        Set<String> shown = new LinkedHashSet<>();
        browser.findAll(selector).forEach(node -> shown.add(node.getAttribute("data-thread")));
        return shown;
    }

    @Test
    @Order(5)
    void hostileTextRunsNothing() {
        browser.load(injectionReport);
        assertEquals(1L, browser.script("return Array.from(document.scripts).filter(s => s.type !== 'application/json').length"));
        assertEquals(0L, browser.script("return document.querySelectorAll('img, iframe, [onerror], [onclick]').length"));
        String text = browser.find("#threads").getText();
        for (String hostile : ReportInjectionTest.HOSTILE) {
            assertTrue(text.contains(hostile), hostile + " shown as text in " + text);
        }
        assertTrue(browser.find("#map-table tr.thread-row th").getText().startsWith("T1 Mallory </svg><script>alert(3)</script>"));
        // only the good addresses are links
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) browser.script("return Array.from(document.querySelectorAll('#threads a[href]'), a => a.href)");
        assertFalse(links.isEmpty());
        links.forEach(link -> assertTrue(link.startsWith("https://x.com/mallory/status/"), link));
        // context badges; hiding negated mentions takes the highlight off the negated one
        WebElement negated = browser.find("#threads mark[data-negated]");
        assertEquals("negated", negated.findElement(org.openqa.selenium.By.cssSelector(".context-badge")).getText());
        assertTrue(negated.findElement(org.openqa.selenium.By.cssSelector(".concept-tag")).isDisplayed());
        browser.click(browser.find("#hide-negated"));
        assertFalse(negated.findElement(org.openqa.selenium.By.cssSelector(".concept-tag")).isDisplayed());
        browser.assertQuiet();
    }

    @Test
    @Order(6)
    void printStyleSheetDropsControlsAndUnrollsTheMap() {
        browser.load(seedReport);
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> printed = (Map<String, Object>) browser.script("const css = s => getComputedStyle(document.querySelector(s));"
                    + "return {controls: css('#map-controls').display, buttons: css('#threads .verdict button').display,"
                    + " overflow: css('#map-frame').overflowY, maxHeight: css('#map-frame').maxHeight,"
                    + " names: css('#map-table button.open-thread').display, threads: document.querySelectorAll('#threads article.thread').length}");
            assertEquals("none", printed.get("controls"), "no controls on paper");
            assertEquals("none", printed.get("buttons"), "no review buttons on paper");
            assertEquals("visible", printed.get("overflow"), "the map is not cut to its frame");
            assertEquals("none", printed.get("maxHeight"));
            assertNotEquals("none", printed.get("names"), "thread names stay");
            assertEquals(7L, printed.get("threads"));
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    @Order(7)
    void fullPageScreenshot() throws IOException {
        browser.load(seedReport);
        WebElement cell = browser.find("#map-table tr.thread-row td.cell[data-concept='research-evidence']:not(.zero)");
        browser.click(cell);
        browser.click(browser.find("#detail mark.mention button.mark-wrong"));
        browser.script("window.scrollTo(0, 0)");
        long height = ((Number) browser.script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        browser.driver().manage().window().setSize(new Dimension(1400, (int) Math.min(height, 16000)));
        long inner = ((Number) browser.script("return window.innerHeight")).longValue();
        browser.driver().manage().window().setSize(new Dimension(1400, (int) Math.min(height + (height - inner), 16000)));
        Path target = browser.screenshot("report-screenshot.png");
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        System.out.printf("report: screenshot %s (page %d px tall)%n", target.toAbsolutePath(), height);
        assertTrue(Files.size(target) > 50_000);
    }
}
