package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.threadcoder.Pipeline;

/**
 * The line a long run keeps up to date on a terminal: {@code 12,345 of 679,671 pages (1.8%), 3.2 MB/s, 4 min 12 s left},
 * rewritten in place (a carriage return) at most a few times a second and cleared when the run ends. Only for a
 * terminal: a log or a pipe gets none of it.
 */
final class ProgressLine implements Pipeline.Progress {
    /** Nanoseconds between two updates of the line. */
    private static final long INTERVAL = 250_000_000L;

    private final PrintWriter err;
    private final int total;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastShown;
    private int done;
    private long bytes;
    private int shownWidth;

    ProgressLine(PrintWriter err, int total, LongSupplier nanoTime) {
        this.err = err;
        this.total = total;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastShown = started;
    }

    /** Whether standard error is a terminal: its file descriptor links to a tty (Linux), else whether there is a console. */
    static boolean standardErrorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
            return System.console() != null;
        }
    }

    @Override
    public void done(Pipeline.Input input) {
        done++;
        try {
            bytes += Files.size(input.path());
        } catch (IOException gone) {
            // a file that went away counts as a page done, with no bytes
        }
        long now = nanoTime.getAsLong();
        if (now - lastShown >= INTERVAL || done == total) {
            lastShown = now;
            show(line(done, total, bytes, now - started));
        }
    }

    /** Clears the line, so what is printed next starts on an empty line. */
    void finish() {
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }

    private void show(String line) {
        err.print("\r" + line + (line.length() < shownWidth ? " ".repeat(shownWidth - line.length()) : ""));
        err.flush();
        shownWidth = Math.max(shownWidth, line.length());
    }

    /** The progress line: pages done of total, MB/s so far, and the time left at that pace. */
    static String line(int done, int total, long bytes, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        String rate = seconds > 0 ? String.format(Locale.ROOT, "%.1f MB/s", bytes / 1e6 / seconds) : "- MB/s";
        String left = done > 0 && seconds > 0 ? duration(seconds / done * (total - done)) + " left" : "time left not known yet";
        return String.format(Locale.ROOT, "threadcoder: %,d of %,d pages (%.1f%%), %s, %s", done, total, total == 0 ? 100.0 : 100.0 * done / total,
                rate, left);
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        return whole / 3600 + " h " + whole % 3600 / 60 + " min";
    }
}
