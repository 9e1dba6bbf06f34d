package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.Main;

/**
 * The report of a generated run of 1,000 threads (500 pages in our own words, {@link GeneratedRun}) in
 * headless Chromium: it loads from disk fast and small, opens on the author map with readable labels,
 * every view's numbers equal the run's files, sorting and filters work, and a reviewer's two decisions,
 * exported, give {@code threadcoder eval} the precision and recall they imply. Screenshot:
 * {@code target/report-1000-threads.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportScaleTest {
    private static final int PAGES = 500;
    private static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final long MAX_LOAD_MILLIS = 3000;

    @TempDir
    static Path temp;
    static Path pages;
    static Path out;
    static Path report;
    static BrowserSession browser;
    static List<Map<String, String>> sentences;
    static List<Map<String, String>> mentions;

    @BeforeAll
    static void generate() throws IOException {
        pages = temp.resolve("pages");
        GeneratedRun.write(pages, PAGES);
        out = ReportFixtures.runPipeline(pages, temp.resolve("out"));
        report = out.resolve(ReportWriter.FILE);
        sentences = ReportFixtures.csv(out.resolve("sentences.csv"));
        mentions = ReportFixtures.csv(out.resolve("mentions.csv"));
        assertEquals(1000, ReportFixtures.csv(out.resolve("threads.csv")).size(), "the generated run has 1,000 threads");
        browser = BrowserSession.start(temp);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void loadsFastSmallAndOpensOnAReadableMap() throws IOException {
        long bytes = Files.size(report);
        BrowserSession.Load load = browser.load(report);
        System.out.printf(Locale.ROOT, "report: 1,000 threads, %d sentences: report.html %.2f MB, load %d ms (driver.get), "
                + "script ready at %.0f ms%n", sentences.size(), bytes / 1048576.0, load.wallMillis(), load.readyMillis());
        assertTrue(bytes < MAX_BYTES, "report.html is " + bytes + " bytes");
        assertTrue(load.wallMillis() < MAX_LOAD_MILLIS, "load took " + load.wallMillis() + " ms");
        assertTrue(load.readyMillis() < MAX_LOAD_MILLIS, "ready at " + load.readyMillis() + " ms");
        assertEquals("author", browser.find("#map-table").getAttribute("data-view"), "a large run opens on the author view");
        assertTrue(browser.find("#view-author").isSelected());
        assertEquals(0, browser.findAll("#threads article.thread").size(), "thread texts wait until asked for");
        assertEquals(0, browser.findAll(".sentence").size(), "no sentence is drawn before it is asked for");
        long nodes = (Long) browser.script("return document.getElementsByTagName('*').length");
        System.out.printf(Locale.ROOT, "report: %,d elements on the page at load for %,d sentences and %,d mentions%n", nodes,
                sentences.size(), mentions.size());
        assertTrue(nodes < sentences.size(), "the page holds data, not a node per sentence: " + nodes);
        assertEquals(browser.findAll(".legend mark").size(), browser.findAll("mark").size(), "no mention drawn but the legend's");
        // the first screen shows the map: labels at least 11 px high, the table scrolls in its frame instead of shrinking
        @SuppressWarnings("unchecked")
        Map<String, Object> labels = (Map<String, Object>) browser.script("const tops = [];"
                + "const inView = r => r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;"
                + "const sizes = [];"
                + "for (const node of document.querySelectorAll('#map-table thead .column-abbr, #map-table thead .column-label,"
                + " #map-table thead button.sort, #map-table tbody th button, #map-table tbody td.cell')) {"
                + "  const r = node.getBoundingClientRect(); if (!inView(r)) continue;"
                + "  const style = getComputedStyle(node); const vertical = style.writingMode.startsWith('vertical');"
                + "  sizes.push({size: parseFloat(style.fontSize), thickness: vertical ? r.width : r.height, rowHead: node.matches('tbody th button')}); }"
                + "const frame = document.getElementById('map-frame').getBoundingClientRect();"
                + "return {count: sizes.length, smallestFont: Math.min(...sizes.map(s => s.size)),"
                + " thinnest: Math.min(...sizes.map(s => s.thickness)), rowHeads: sizes.filter(s => s.rowHead).length,"
                + " frameTop: frame.top, innerHeight: innerHeight}");
        System.out.printf(Locale.ROOT, "report: first screen: %s labels and numbers, smallest font %.1f px, thinnest line %.1f px, "
                + "%s author rows, map frame at %.0f px of %s%n", labels.get("count"), number(labels, "smallestFont"),
                number(labels, "thinnest"), labels.get("rowHeads"), number(labels, "frameTop"), labels.get("innerHeight"));
        assertTrue(number(labels, "frameTop") < number(labels, "innerHeight") / 2, "the map starts in the top half of the first screen");
        assertTrue(number(labels, "rowHeads") >= 8, "author rows on the first screen: " + labels.get("rowHeads"));
        assertTrue(number(labels, "smallestFont") >= 11, "font " + labels.get("smallestFont"));
        assertTrue(number(labels, "thinnest") >= 11, "label height " + labels.get("thinnest"));
        Path shot = browser.screenshot("report-1000-threads.png");
        System.out.println("report: screenshot " + shot.toAbsolutePath());
        assertTrue(Files.size(shot) > 50_000);
    }

    @Test
    @Order(2)
    void everyViewEqualsTheRunFiles() {
        browser.load(report);
        MapCheck check = new MapCheck(out);
        int compared = check.assertEveryViewMatches(browser);
        System.out.printf(Locale.ROOT, "report: 1,000 threads: %,d numbers in 3 views × 2 counts equal threads.csv / concept-map.json%n",
                compared);
        assertTrue(compared > 40_000, "compared " + compared);
        // unknown tweet counts: written as unknown, never 0
        long unknown = check.unknownTweetCounts();
        browser.click(browser.find("#view-thread"));
        browser.click(browser.find("#map-pager .pager-all"));
        long shownUnknown = (Long) browser.script("return Array.from(document.querySelectorAll('#map-table td.tweets'))"
                + ".filter(td => td.textContent === 'unknown').length");
        System.out.printf("report: %d threads without a tweet count, %d shown as unknown%n", unknown, shownUnknown);
        assertTrue(unknown >= 100, "the fixture has unknown counts: " + unknown);
        assertEquals(unknown, shownUnknown);
        assertEquals(0L, browser.script("return Array.from(document.querySelectorAll('#map-table td.tweets'))"
                + ".filter(td => td.textContent === '0').length"), "no thread shows 0 tweets");
        WebElement unknownRow = browser.findAll("#map-table tr.thread-row").stream()
                .filter(row -> row.findElement(org.openqa.selenium.By.cssSelector("td.tweets")).getText().equals("unknown"))
                .findFirst().orElseThrow();
        browser.click(unknownRow.findElement(org.openqa.selenium.By.cssSelector("button.open-thread")));
        String meta = browser.find("#detail .thread-meta").getText();
        assertTrue(meta.startsWith("unknown number of tweets"), meta);
        browser.findAll("#detail .tweet-ref").forEach(reference -> assertFalse(reference.getText().contains("/0"), reference.getText()));
        // the header stays in view while the rows scroll under it
        @SuppressWarnings("unchecked")
        Map<String, Object> sticky = (Map<String, Object>) browser.script("const frame = document.getElementById('map-frame');"
                + "frame.scrollTop = 5000; const head = document.querySelector('#map-table thead').getBoundingClientRect();"
                + "return {scrolled: frame.scrollTop, frameTop: frame.getBoundingClientRect().top, headTop: head.top,"
                + " scrolls: frame.scrollHeight > frame.clientHeight}");
        assertEquals(Boolean.TRUE, sticky.get("scrolls"));
        assertTrue(number(sticky, "scrolled") > 1000);
        assertTrue(Math.abs(number(sticky, "headTop") - number(sticky, "frameTop")) <= 2, "sticky header: " + sticky);
    }

    @Test
    @Order(3)
    void sortsAndFilters() {
        browser.load(report);
        // sort the author rows by a concept: descending, then ascending
        WebElement heading = browser.find("#map-table th[data-concept='research-evidence'] button.sort");
        browser.click(heading);
        assertEquals("descending", browser.find("#map-table th[data-concept='research-evidence']").getAttribute("aria-sort"));
        List<Integer> down = column("research-evidence");
        assertTrue(down.size() >= 20);
        assertEquals(down.stream().sorted((a, b) -> b - a).toList(), down, "largest first");
        assertTrue(down.get(0) > down.get(down.size() - 1), "the column varies");
        browser.click(browser.find("#map-table th[data-concept='research-evidence'] button.sort"));
        assertEquals("ascending", browser.find("#map-table th[data-concept='research-evidence']").getAttribute("aria-sort"));
        assertEquals(down.stream().sorted().toList(), column("research-evidence"), "smallest first");
        // thread rows sorted by the total
        browser.click(browser.find("#view-thread"));
        browser.click(browser.find("#map-table th.total-col button.sort"));
        List<Integer> totals = column("");
        assertEquals(totals.stream().sorted((a, b) -> b - a).toList(), totals);
        assertEquals("total", new Select(browser.find("#sort-by")).getFirstSelectedOption().getAttribute("value"), "the select follows");
        // filter by a handle: one author row with that author's threads
        String handle = ReportFixtures.csv(out.resolve("threads.csv")).get(0).get("handle");
        long ofAuthor = ReportFixtures.csv(out.resolve("threads.csv")).stream().filter(row -> row.get("handle").equals(handle)).count();
        browser.click(browser.find("#view-author"));
        filter("@" + handle);
        List<WebElement> rows = browser.findAll("#map-table tbody tr[data-row]");
        assertEquals(1, rows.size(), "one author row for @" + handle);
        assertEquals(Long.toString(ofAuthor), rows.get(0).findElement(org.openqa.selenium.By.cssSelector("td.number")).getText());
        assertTrue(browser.find("#map-status").getText().startsWith("The filters keep " + ofAuthor + " of 1,000 threads"),
                browser.find("#map-status").getText());
        // filter by words: exactly the threads with a sentence holding them
        Set<String> withWords = new LinkedHashSet<>();
        sentences.stream().filter(row -> row.get("text").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).contains("kettle"))
                .forEach(row -> withWords.add("thread:" + row.get("thread_id")));
        browser.click(browser.find("#view-thread"));
        filter("kettle");
        if (!browser.findAll("#map-pager .pager-all").isEmpty()) {
            browser.click(browser.find("#map-pager .pager-all"));
        }
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.script("return Array.from(document.querySelectorAll('#map-table tbody tr[data-row]'),"
                + " tr => tr.getAttribute('data-row'))");
        System.out.printf("report: filter 'kettle' keeps %d threads, sentences.csv has it in %d%n", shown.size(), withWords.size());
        assertTrue(withWords.size() > 20 && withWords.size() < 900, "a word in some threads: " + withWords.size());
        assertEquals(withWords, new LinkedHashSet<>(shown));
        // clearing brings all back
        String before = browser.find("#map-status").getText();
        browser.click(browser.find("#map-reset"));
        browser.awaitStatusChange(before);
        assertTrue(browser.find("#map-status").getText().startsWith("All 1,000 threads"), browser.find("#map-status").getText());
        browser.assertQuiet();
    }

    @Test
    @Order(4)
    void keyboardOpensACell() {
        browser.load(report);
        WebElement first = browser.find("#map-table tbody td.cell[tabindex='0']");
        browser.script("arguments[0].focus()", first);
        first.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertEquals("td", focused.getTagName());
        assertEquals("0", focused.getAttribute("tabindex"), "the tab stop moves with the arrow keys");
        while (focused.getAttribute("data-count").equals("0")) {
            focused.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
            focused = browser.driver().switchTo().activeElement();
        }
        int count = Integer.parseInt(focused.getAttribute("data-count"));
        focused.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals(count, browser.findAll("#detail li.sentence").size() + pendingInDetail(), "the cell's sentences listed");
        assertEquals("detail", browser.driver().switchTo().activeElement().getAttribute("id"), "focus moves to the list");
    }

    /** Sentences of the detail list not drawn yet (it shows 100 at a time). */
    private static int pendingInDetail() {
        List<WebElement> status = browser.findAll("#detail-pager .pager-status");
        if (status.isEmpty()) {
            return 0;
        }
        String[] words = status.get(0).getText().replace(",", "").split(" ");
        return Integer.parseInt(words[3]) - Integer.parseInt(words[1]);
    }

    @Test
    @Order(5)
    void reviewDecisionsExportToAnEvalGold() throws IOException {
        browser.load(report);
        Map<String, List<Map<String, String>>> mentionsBySentence = new HashMap<>();
        mentions.forEach(mention -> mentionsBySentence.computeIfAbsent(mention.get("sentence_id"), unused -> new ArrayList<>()).add(mention));
        // a sentence with two concepts, one of them from a single mention, in a thread that also has an untagged sentence
        Map<String, String> wrongIn = null;
        Map<String, String> wrongMention = null;
        Map<String, String> missedIn = null;
        for (Map<String, String> sentence : sentences) {
            List<String> concepts = List.of(sentence.get("concepts").split(";"));
            List<Map<String, String>> own = mentionsBySentence.getOrDefault(sentence.get("sentence_id"), List.of());
            if (concepts.size() != 2) {
                continue;
            }
            for (Map<String, String> mention : own) {
                long same = own.stream().filter(other -> other.get("concept_id").equals(mention.get("concept_id"))).count();
                Map<String, String> untagged = sentences.stream().filter(other -> other.get("thread_id").equals(sentence.get("thread_id"))
                        && other.get("concepts").isEmpty()).findFirst().orElse(null);
                if (same == 1 && untagged != null) {
                    wrongIn = sentence;
                    wrongMention = mention;
                    missedIn = untagged;
                }
            }
            if (wrongIn != null) {
                break;
            }
        }
        assertTrue(wrongIn != null, "the fixture has such a sentence");
        String thread = wrongIn.get("thread_id");
        // open the thread from the map (thread view, filtered by its source), then decide
        browser.click(browser.find("#view-thread"));
        filter(wrongIn.get("source"));
        browser.click(browser.find("#map-table tr[data-thread='" + thread + "'] button.open-thread"));
        assertEquals(thread, browser.find("#detail").getAttribute("data-thread"));
        browser.click(browser.find("#detail mark[data-mention-id='" + wrongMention.get("mention_id") + "'] button.mark-wrong"));
        String added = "disclosure";
        browser.click(browser.find("#detail .sentence[data-sentence-id='" + missedIn.get("sentence_id") + "'] button.add-concept"));
        WebElement chooser = browser.find("#detail .sentence[data-sentence-id='" + missedIn.get("sentence_id") + "'] select.concept-chooser");
        assertEquals(chooser, browser.driver().switchTo().activeElement(), "the list takes the focus");
        chooser.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertEquals("0", browser.find("#review-added").getText(), "arrowing through the list adds nothing");
        new Select(chooser).selectByValue(added);
        browser.click(browser.find("#detail .sentence[data-sentence-id='" + missedIn.get("sentence_id") + "'] button.concept-add"));
        assertEquals("true", browser.find("#detail mark[data-mention-id='" + wrongMention.get("mention_id") + "'] button.mark-wrong")
                .getAttribute("aria-pressed"));
        assertEquals(1, browser.findAll("#detail .sentence[data-sentence-id='" + missedIn.get("sentence_id") + "'] "
                + ".added-concept[data-concept='" + added + "']").size());
        // the two decisions: one tool tag dropped (a false positive), one added (a false negative)
        int kept = 1;
        double expected = kept / (kept + 1.0);
        assertEquals("2", browser.find("#review-sentences").getText());
        assertEquals(expected, Double.parseDouble(browser.find("#review-precision").getAttribute("data-value")), 1e-12);
        assertEquals(expected, Double.parseDouble(browser.find("#review-recall").getAttribute("data-value")), 1e-12);
        // kept in the browser: a reload shows the same decisions
        browser.load(report);
        assertEquals("2", browser.find("#review-sentences").getText(), "decisions survive a reload");
        browser.click(browser.find("#review-export"));
        Path csv = browser.awaitDownload();
        browser.assertQuiet();
        List<Map<String, String>> rows = ReportFixtures.csv(csv);
        System.out.println("report: exported " + csv.getFileName() + ":\n" + Files.readString(csv).strip());
        assertEquals(List.of("source", "start", "end", "concept", "negated", "hypothetical", "uncertain", "reported", "question", "text",
                "note"), ReportFixtures.header(csv));
        Set<String> keptConcepts = new LinkedHashSet<>(List.of(wrongIn.get("concepts").split(";")));
        keptConcepts.remove(wrongMention.get("concept_id"));
        Map<String, List<String>> bySpan = new LinkedHashMap<>();
        rows.forEach(row -> bySpan.computeIfAbsent(row.get("start") + "-" + row.get("end"), unused -> new ArrayList<>()).add(row.get("concept")));
        assertEquals(Map.of(wrongIn.get("start") + "-" + wrongIn.get("end"), List.copyOf(keptConcepts),
                missedIn.get("start") + "-" + missedIn.get("end"), List.of(added)), bySpan, "every reviewed sentence, its accepted concepts");
        // eval on the exported CSV gives the same figures
        Path evalOut = temp.resolve("eval");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new String[] {"eval", "--gold", csv.toString(), pages.toString(), "--out", evalOut.toString(),
            "--codebook", TestSupport.codebookFile().toString()}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(Main.OK, code, stdout + "\n" + stderr);
        System.out.println("report: eval on the exported CSV:\n" + stdout.toString().strip());
        JsonNode evaluation = ReportFixtures.json(evalOut.resolve("eval.json"));
        JsonNode micro = evaluation.path("concepts").path("micro");
        assertEquals(2, evaluation.path("sentences").path("reproduced").asInt(), "both reviewed sentences found");
        assertEquals(kept, micro.path("tp").asInt());
        assertEquals(1, micro.path("fp").asInt());
        assertEquals(1, micro.path("fn").asInt());
        assertEquals(expected, micro.path("precision").asDouble(), 1e-12);
        assertEquals(expected, micro.path("recall").asDouble(), 1e-12);
        // withdrawing one sentence takes it out of the figures
        browser.load(report);
        browser.click(browser.find("#review-list"));
        browser.click(browser.find("#detail .sentence[data-sentence-id='" + missedIn.get("sentence_id") + "'] button.sentence-check"));
        assertEquals("1", browser.find("#review-sentences").getText());
        assertFalse(browser.find("#review-recall").getText().isEmpty());
    }

    private static void filter(String words) {
        WebElement box = browser.find("#map-filter");
        String before = browser.find("#map-status").getText();
        box.clear();
        box.sendKeys(words);
        browser.awaitStatusChange(before);
    }

    /** A column's numbers over the body rows (concept id, or "" for the total). */
    @SuppressWarnings("unchecked")
    private static List<Integer> column(String concept) {
        List<Object> values = (List<Object>) browser.script("return Array.from(document.querySelectorAll("
                + "'#map-table tbody tr[data-row] td.cell[data-concept=\"' + arguments[0] + '\"]'), td => Number(td.getAttribute('data-count')))",
                concept);
        return values.stream().map(value -> ((Number) value).intValue()).toList();
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }
}
