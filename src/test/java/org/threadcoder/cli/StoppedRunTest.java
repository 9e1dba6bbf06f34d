package org.threadcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;

/**
 * A run stopped at any moment, by SIGTERM or SIGKILL, in a separate JVM: the output folder then
 * holds the previous complete set or the new one, never a mix. SIGTERM leaves no temporary file
 * (the shutdown hook removes it); after SIGKILL the next command removes what is left and says so.
 */
class StoppedRunTest {
    private static final int COPIES = 15;

    @TempDir
    Path temp;

    @Test
    void aRunStoppedAtAnyMomentLeavesTheOldSetOrTheNewOne() throws Exception {
        Path inputs = Files.createDirectories(temp.resolve("in"));
        for (int i = 0; i < COPIES; i++) {
            Files.copy(TestSupport.seed(), inputs.resolve(String.format("page-%03d.txt", i)));
        }
        Files.copy(TestSupport.resource("layouts/08-thread-page.html"), inputs.resolve("page.html"));
        Path out = temp.resolve("out");
        Path previousRun = temp.resolve("previous");
        assertEquals(0, CommandRun.of("run", inputs.resolve("page-000.txt").toString(), "--out", previousRun.toString()).exitCode());
        Map<String, String> previous = contents(previousRun);
        Path completeRun = temp.resolve("complete");
        assertEquals(0, CommandRun.of("run", inputs.toString(), "--out", completeRun.toString(), "--threads", "1").exitCode());
        Map<String, String> complete = contents(completeRun);

        long started = System.nanoTime();
        Process whole = child(inputs, out);
        assertEquals(0, whole.waitFor(), "an undisturbed child run succeeds");
        double duration = (System.nanoTime() - started) / 1e9;
        assertEquals(complete, contents(out), "a child JVM writes what the test JVM writes");

        List<String> outcomes = new ArrayList<>();
        double[] moments = {0.4, 0.8, 0.6, 0.9};
        for (int k = 0; k < moments.length; k++) {
            boolean kill = k >= 2;
            replaceWith(out, previousRun);
            Process run = child(inputs, out);
            Thread.sleep((long) (moments[k] * duration * 1000));
            if (kill) {
                run.destroyForcibly();
            } else {
                run.destroy();
            }
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the stopped run ends");
            Map<String, String> left = contents(out);
            boolean old = left.equals(previous);
            assertTrue(old || left.equals(complete), (kill ? "SIGKILL" : "SIGTERM") + " at " + moments[k] + ": a mix of sets: " + left.keySet());
            outcomes.add((kill ? "KILL" : "TERM") + "@" + moments[k] + "=" + (old ? "previous" : "new"));
            if (kill) {
                // the next command on the folder removes the leftovers and says so
                CommandRun report = CommandRun.of("report", out.toString());
                assertEquals(0, report.exitCode(), report.err());
                assertTrue(besideOut().equals(List.of("out")), "leftovers removed: " + besideOut());
            } else {
                assertEquals(List.of("out"), besideOut(), "SIGTERM at " + moments[k] + " leaves no temporary folder");
                assertTrue(noTemporaryFile(out), "no temporary file inside the output");
            }
        }
        System.out.println("stopped runs (" + String.format("%.1f", duration) + " s each): " + String.join(", ", outcomes));
    }

    /** {@code threadcoder run} in its own JVM, as a user starts it. */
    private Process child(Path inputs, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", inputs.toString(),
                "--out", out.toString(), "--threads", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(temp.resolve("child.err").toFile()).start();
    }

    private List<String> besideOut() throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !Arrays.asList("in", "previous", "complete", "child.err").contains(name)).sorted().toList();
        }
    }

    private static boolean noTemporaryFile(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.noneMatch(file -> file.getFileName().toString().endsWith(".tmp"));
        }
    }

    private static void replaceWith(Path out, Path set) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path file : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(set)) {
            for (Path file : walk.toList()) {
                Files.copy(file, out.resolve(set.relativize(file).toString()));
            }
        }
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
