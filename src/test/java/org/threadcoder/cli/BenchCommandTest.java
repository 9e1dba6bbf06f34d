package org.threadcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench} and {@code bench --scaling} run and report every row; their figures are for reading, not asserting. */
class BenchCommandTest {
    @TempDir
    Path temp;

    @Test
    void benchTimesTheDetectorEveryStageAndTheRunAndSkipsABadInput() throws Exception {
        Path inputs = Files.createDirectories(temp.resolve("inputs"));
        Files.copy(Path.of("src/test/resources/layouts/01-header-2018.txt"), inputs.resolve("page.txt"));
        Files.writeString(inputs.resolve("empty.txt"), "");
        CommandRun run = CommandRun.of("bench", inputs.toString(), "--passes", "1", "--seconds", "0", "--threads", "2");
        assertEquals(1, run.exitCode(), "an input skipped is exit code 1, as for run: " + run.err());
        assertEquals(List.of("empty.txt: empty file"), run.err().lines().toList());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("1 inputs, 0.0 MB, 1 skipped; median of 1 passes"), run.out());
        List<String> stages = lines.stream().skip(2).map(line -> line.substring(0, 38).strip()).toList();
        assertEquals(List.of("OpenNLP sentence detector alone", "parse", "split sentences", "tag (tokenize, key, match, context)",
                "write rows and aggregate", "end to end, 1 worker", "end to end, 2 workers"), stages, run.out());
        for (String line : lines.subList(2, lines.size())) {
            String[] figures = line.substring(38).strip().split("\\s+");
            assertEquals(5, figures.length, line);
            for (String figure : figures) {
                assertTrue(Double.parseDouble(figure) >= 0, line);
            }
        }
        assertTrue(lines.get(2).contains(" 1.000 "), "the detector is the yardstick, 1.000 times itself: " + lines.get(2));
    }

    @Test
    void benchWithNoInputItCanProcessSaysSoAndMeasuresNothing() throws Exception {
        Files.writeString(temp.resolve("empty.txt"), "");
        CommandRun run = CommandRun.of("bench", temp.resolve("empty.txt").toString(), "--passes", "1", "--seconds", "0");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("empty.txt: empty file", "threadcoder: no input could be processed; nothing measured"), run.err().lines().toList());
        assertEquals("", run.out());
        assertEquals(2, CommandRun.of("bench", "--passes", "0").exitCode(), "no pass is a usage error");
    }

    @Test
    void scalingReportsEveryShapeAtEverySizeAndKeepsTheInputsWhenAsked() throws Exception {
        Path inputs = temp.resolve("shapes");
        CommandRun run = CommandRun.of("bench", "--scaling", "--sizes", "3k,6k", "--seconds", "0.01", "--keep-inputs", inputs.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = run.out().lines().skip(1).toList();
        assertEquals(6, rows.size(), run.out());
        for (String shape : List.of("line", "sentence", "thread")) {
            assertTrue(rows.stream().filter(row -> row.startsWith(shape + " ")).count() == 2, shape + " in:\n" + run.out());
            long size = Files.size(inputs.resolve(shape + "-6000.txt"));
            assertTrue(size >= 6000 && size < 6300, shape + " input of about the size asked: " + size);
        }
        assertEquals(2, CommandRun.of("bench", "--scaling", "--sizes", "ten").exitCode(), "a size that is no size is a usage error");
    }
}
