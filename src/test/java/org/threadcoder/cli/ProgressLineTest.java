package org.threadcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.Pipeline;

/** The progress line says pages done of total, MB/s and time left, rewrites itself in place, and never reaches a log. */
class ProgressLineTest {
    @TempDir
    Path temp;

    @Test
    void theLineSaysPagesRateAndTimeLeft() {
        assertEquals("threadcoder: 1,000 of 4,000 pages (25.0%), 2.5 MB/s, 30 s left", ProgressLine.line(1000, 4000, 25_000_000, 10_000_000_000L));
        assertEquals("threadcoder: 0 of 10 pages (0.0%), - MB/s, time left not known yet", ProgressLine.line(0, 10, 0, 0));
        assertEquals("2 min 5 s", ProgressLine.duration(125));
        assertEquals("1 h 1 min", ProgressLine.duration(3660));
    }

    @Test
    void itRewritesItselfAtMostFourTimesASecondAndClearsAtTheEnd() throws Exception {
        Path page = Files.writeString(temp.resolve("page.txt"), "x".repeat(1000));
        AtomicLong clock = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text), 3, clock::get);
        Pipeline.Input input = new Pipeline.Input(page, "page.txt");
        clock.set(100_000_000L);
        line.done(input);
        assertEquals("", text.toString(), "a tenth of a second in: not yet");
        clock.set(1_000_000_000L);
        line.done(input);
        assertTrue(text.toString().startsWith("\rthreadcoder: 2 of 3 pages (66.7%), 0.0 MB/s, 1 s left"), text.toString());
        clock.set(1_100_000_000L);
        line.done(input);
        assertTrue(text.toString().contains("\rthreadcoder: 3 of 3 pages (100.0%)"), "the last page is always shown: " + text);
        line.finish();
        assertTrue(text.toString().endsWith("\r"), "cleared: " + text);
        assertFalse(text.toString().contains("\n"), "never a line of its own");
    }

    @Test
    void aRunWhoseStandardErrorIsNoTerminalPrintsNoProgress() {
        CommandRun run = CommandRun.of("run", "seeds", "--out", temp.resolve("out").toString(), "--no-report");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("\r") || run.err().contains("pages ("), run.err());
        assertEquals(0, CommandRun.of("run", "seeds", "--out", temp.resolve("out").toString(), "--no-report", "--quiet").exitCode());
    }
}
