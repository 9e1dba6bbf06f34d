package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The report in a real browser (Debian's Chromium, headless, through chromedriver): it loads from
 * disk with no network request and no console error, a heatmap cell shows its sentences (by mouse
 * and keyboard), the filters hide what they should, and hostile text runs nothing. Leaves a
 * full-page screenshot in {@code target/report-screenshot.png}. Skipped without Chromium, except
 * under CI=true, where it must run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static ChromeDriver driver;
    static Path seedReport;
    static Path injectionReport;
    static JsonNode conceptMap;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(installed, "CI=true but no Chromium: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "no Chromium: apt-get install chromium chromium-driver");
        seedReport = ReportFixtures.seedReport(temp.resolve("seed"));
        conceptMap = ReportFixtures.json(temp.resolve("seed/concept-map.json"));
        ReportInjectionTest.prepare(temp.resolve("injection"));
        injectionReport = ReportFixtures.writeReport(temp.resolve("injection"));

        // never let Selenium Manager look for (or download) a driver or a browser
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(temp, "profile"), "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Loads a report and checks the logs: no SEVERE console entry (a CSP violation is one), no request but file: and data:. */
    private static void loadCleanly(Path report) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(report.toUri().toString());
        assertEquals("complete", script("return document.readyState"));
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() || message.contains("Content Security Policy")
                    || message.contains("Content-Security-Policy")) {
                problems.add(entry.getLevel() + " " + message);
            }
        }
        assertEquals(List.of(), problems, "console errors");
        List<String> requests = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = parse(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                requests.add(message.path("params").path("request").path("url").asText());
            }
        }
        assertTrue(requests.stream().anyMatch(url -> url.startsWith("file:") && url.endsWith("/" + ReportWriter.FILE)),
                "the log sees the page itself: " + requests);
        for (String url : requests) {
            String scheme = url.toLowerCase(Locale.ROOT);
            if (scheme.startsWith("chrome:") || scheme.startsWith("chrome-untrusted:")) {
                continue; // the browser's own pages (a new tab opening at start), never the report's
            }
            assertTrue(scheme.startsWith("file:") || scheme.startsWith("data:"), "network request " + url);
        }
        assertNoAlert();
    }

    @Test
    @Order(1)
    void loadsOfflineWithoutErrors() {
        loadCleanly(seedReport);
        assertEquals(conceptMap.path("totals").path("mentions").asInt(),
                ((Number) script("return new Set(Array.from(document.querySelectorAll('#threads mark[data-mention-id]'),"
                        + " m => m.dataset.mentionId)).size")).intValue());
        assertTrue(driver.findElement(By.id("filter-status")).getText().startsWith("No filter"), "the script ran");
    }

    @Test
    @Order(2)
    void heatmapCellShowsItsSentences() {
        loadCleanly(seedReport);
        List<WebElement> cells = driver.findElements(By.cssSelector("#heatmap-svg g.cell"));
        assertTrue(cells.size() > 10, "cells: " + cells.size());
        WebElement first = cells.get(0);
        WebElement last = cells.get(cells.size() - 1);
        assertNotEquals(first.getAttribute("data-thread") + first.getAttribute("data-concept"),
                last.getAttribute("data-thread") + last.getAttribute("data-concept"));
        scrollTo(first);
        first.click();
        assertSelectionShows(first);
        scrollTo(last);
        last.click();
        assertSelectionShows(last);
        // keyboard: Tab focus, Enter and Space
        WebElement byEnter = cells.get(cells.size() / 2);
        scrollTo(byEnter);
        script("arguments[0].focus()", byEnter);
        byEnter.sendKeys(Keys.ENTER);
        assertSelectionShows(byEnter);
        WebElement bySpace = cells.get(1);
        scrollTo(bySpace);
        script("arguments[0].focus()", bySpace);
        bySpace.sendKeys(Keys.SPACE);
        assertSelectionShows(bySpace);
        assertEquals("true", bySpace.getAttribute("aria-pressed"));
        assertEquals("false", byEnter.getAttribute("aria-pressed"));
    }

    private static void assertSelectionShows(WebElement cell) {
        String concept = cell.getAttribute("data-concept");
        String thread = cell.getAttribute("data-thread");
        WebElement selection = driver.findElement(By.id("selection"));
        assertEquals(concept, selection.getAttribute("data-concept"));
        assertEquals(thread, selection.getAttribute("data-thread"));
        List<String> shown = new ArrayList<>();
        for (WebElement item : selection.findElements(By.cssSelector("li.sentence"))) {
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
        for (WebElement mark : selection.findElements(By.cssSelector("mark.mention"))) {
            assertEquals(concept, mark.getAttribute("data-concept"));
        }
        assertTrue(driver.findElement(By.id("selection-title")).getText().contains(" in T"));
    }

    @Test
    @Order(3)
    void filtersHideAndShow() {
        loadCleanly(seedReport);
        List<WebElement> sections = driver.findElements(By.cssSelector("#concepts section.concept-section"));
        new Select(driver.findElement(By.id("filter-concept"))).selectByValue("research-evidence");
        int shown = 0;
        for (WebElement section : sections) {
            boolean chosen = section.getAttribute("data-concept").equals("research-evidence");
            assertEquals(chosen, section.isDisplayed(), section.getAttribute("data-concept"));
            shown += chosen ? 1 : 0;
        }
        assertEquals(1, shown);
        assertTrue(driver.findElement(By.id("filter-status")).getText().startsWith("Filtered"));
        // thread filter on top: only that thread's group and thread article remain
        String thread = conceptMap.path("threads").get(3).path("thread_id").asText();
        new Select(driver.findElement(By.id("filter-thread"))).selectByValue(thread);
        for (WebElement group : driver.findElements(By.cssSelector("#concepts .concept-thread"))) {
            assertEquals(group.getAttribute("data-concept").equals("research-evidence") && group.getAttribute("data-thread").equals(thread),
                    group.isDisplayed());
        }
        for (WebElement article : driver.findElements(By.cssSelector("#threads article.thread"))) {
            assertEquals(article.getAttribute("data-thread").equals(thread), article.isDisplayed());
        }
        // search: every visible sentence has the words; clearing brings all back
        driver.findElement(By.id("filter-reset")).click();
        WebElement search = driver.findElement(By.id("filter-search"));
        search.sendKeys("privacy");
        List<WebElement> visible = driver.findElements(By.cssSelector("#concepts li.sentence")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertFalse(visible.isEmpty());
        visible.forEach(item -> assertTrue(item.getText().toLowerCase(Locale.ROOT).contains("privacy"), item.getText()));
        driver.findElement(By.id("filter-reset")).click();
        for (WebElement section : driver.findElements(By.cssSelector("#concepts section.concept-section"))) {
            assertTrue(section.isDisplayed());
        }
        assertTrue(driver.findElement(By.id("filter-status")).getText().startsWith("No filter"));
    }

    @Test
    @Order(4)
    void hostileTextRunsNothing() {
        loadCleanly(injectionReport);
        assertEquals(1L, script("return document.scripts.length"));
        assertEquals(0L, script("return document.querySelectorAll('img, iframe, [onerror], [onclick]').length"));
        String text = driver.findElement(By.id("threads")).getText();
        for (String hostile : ReportInjectionTest.HOSTILE) {
            assertTrue(text.contains(hostile), hostile + " shown as text in " + text);
        }
        // hiding negated mentions takes the highlight off the negated one
        WebElement negated = driver.findElement(By.cssSelector("#threads mark[data-negated]"));
        assertFalse(negated.getAttribute("class").contains("suppressed"));
        driver.findElement(By.id("hide-negated")).click();
        assertTrue(negated.getAttribute("class").contains("suppressed"));
        assertNoAlert();
    }

    @Test
    @Order(5)
    void fullPageScreenshot() throws IOException {
        loadCleanly(seedReport);
        WebElement cell = driver.findElement(By.cssSelector("#heatmap-svg g.cell[data-concept='research-evidence']"));
        scrollTo(cell);
        cell.click();
        script("window.scrollTo(0, 0)");
        long width = 1400;
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension((int) width, (int) Math.min(height, 16000)));
        long inner = ((Number) script("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension((int) width, (int) Math.min(height + (height - inner), 16000)));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "report-screenshot.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("report: screenshot %s (page %d px tall)%n", target.toAbsolutePath(), height);
        assertTrue(Files.size(target) > 50_000);
    }

    private static void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    private static void assertNoAlert() {
        try {
            String alert = driver.switchTo().alert().getText();
            throw new AssertionError("a script ran: alert " + alert);
        } catch (NoAlertPresentException none) {
            // what we want
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException malformed) {
            throw new AssertionError("performance log entry is not JSON: " + json, malformed);
        }
    }
}
