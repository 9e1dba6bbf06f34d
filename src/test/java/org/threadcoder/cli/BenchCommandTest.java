package org.threadcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --scaling} runs and reports each shape at each size; its figures are for reading, not asserting. */
class BenchCommandTest {
    @TempDir
    Path temp;

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
