package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through chromedriver: loads a report from disk and checks that
 * it made no network request and logged no error. Downloads go to {@link #downloads()}. Skipped
 * without Chromium, except under CI=true, where it must run.
 */
final class BrowserSession implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path downloads;

    /** A page load: the wall time of {@code driver.get} and the page's own "ready" mark, both in milliseconds. */
    record Load(long wallMillis, double readyMillis) {
    }

    private BrowserSession(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** Starts the browser with a fresh profile under {@code temp}; skips the test class when Chromium is missing. */
    static BrowserSession start(Path temp) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(installed, "CI=true but no Chromium: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "no Chromium: apt-get install chromium chromium-driver");
        // never let Selenium Manager look for (or download) a driver or a browser
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(temp, "profile"), "--window-size=1400,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return new BrowserSession(driver, downloads);
    }

    ChromeDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * Loads a report and checks the logs: no SEVERE console entry (a CSP violation is one), no request but file:,
     * data: and blob:, and the page script finished (data-ready).
     */
    Load load(Path report) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        long started = System.nanoTime();
        driver.get(report.toUri().toString());
        long wall = (System.nanoTime() - started) / 1_000_000;
        assertEquals("complete", script("return document.readyState"));
        assertEquals("true", script("return document.documentElement.getAttribute('data-ready')"), "the page script ran to its end");
        double ready = ((Number) script("return performance.getEntriesByName('report-ready')[0].startTime")).doubleValue();
        assertQuiet();
        return new Load(wall, ready);
    }

    /** No console error since the last check, no request but the page's own, no alert. */
    void assertQuiet() {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() || message.contains("Content Security Policy")
                    || message.contains("Content-Security-Policy")) {
                problems.add(entry.getLevel() + " " + message);
            }
        }
        assertEquals(List.of(), problems, "console errors");
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = parse(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                String url = message.path("params").path("request").path("url").asText().toLowerCase(Locale.ROOT);
                if (url.startsWith("chrome:") || url.startsWith("chrome-untrusted:")) {
                    continue; // the browser's own pages (a new tab opening at start), never the report's
                }
                assertTrue(url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:"), "network request " + url);
            }
        }
        assertNoAlert();
    }

    void assertNoAlert() {
        try {
            String alert = driver.switchTo().alert().getText();
            throw new AssertionError("a script ran: alert " + alert);
        } catch (NoAlertPresentException none) {
            // what we want
        }
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks an element after scrolling it to the middle of the window (sticky headers cover the edges). */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        element.click();
    }

    /** Waits for the debounced filter: until the map's status line changes from {@code before}. */
    void awaitStatusChange(String before) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(unused -> !find("#map-status").getText().equals(before));
    }

    /** The window as it is, saved as a PNG. */
    Path screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return target;
    }

    /** Waits for one finished download and returns it. */
    Path awaitDownload() {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(unused -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(file -> file.getFileName().toString().endsWith(".csv")).toList();
                return done.size() == 1 ? done.get(0) : null;
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException malformed) {
            throw new AssertionError("performance log entry is not JSON: " + json, malformed);
        }
    }
}
