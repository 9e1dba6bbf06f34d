package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;

/** The output folder is replaced whole or not at all, and what a stopped run left is repaired and named. */
class OutputSetTest {
    /** No process has this id (Linux caps ids far below it), so its folders are a stopped run's. */
    private static final long STOPPED = 2_000_000_000L;
    private static final RunManifest MANIFEST = new RunManifest("test", "codebook.yaml", "0", "context.yaml", "0", List.of());

    @TempDir
    Path temp;

    /** Every file under a folder with its bytes, by relative path. */
    static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** The names beside an output folder: only the folder itself when nothing is left over. */
    private List<String> besideOut() throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> !name.equals("in")).sorted().toList();
        }
    }

    private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "the same files");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    @Test
    void aCommittedSetReplacesTheFolderWholeAndAnUncommittedOneLeavesNoTrace() throws Exception {
        Path out = temp.resolve("out");
        try (OutputSet first = OutputSet.replace(out)) {
            Files.writeString(first.folder().resolve("concept-map.json"), "first");
            Files.createDirectories(first.folder().resolve("sources"));
            Files.writeString(first.folder().resolve("sources/old.txt"), "stale after the next run");
            assertFalse(Files.exists(out), "nothing in place before the commit");
            first.commit();
        }
        try (OutputSet second = OutputSet.replace(out)) {
            Files.writeString(second.folder().resolve("concept-map.json"), "second, unfinished");
        }
        assertEquals(Map.of("concept-map.json", "first", "sources/old.txt", "stale after the next run"), asText(contents(out)));
        try (OutputSet third = OutputSet.replace(out)) {
            Files.writeString(third.folder().resolve("concept-map.json"), "third");
            third.commit();
        }
        assertEquals(Map.of("concept-map.json", "third"), asText(contents(out)), "files of earlier runs do not linger");
        assertEquals(List.of("out"), besideOut(), "no staging folder or old set left beside the output");
    }

    private static Map<String, String> asText(Map<String, byte[]> files) {
        Map<String, String> text = new TreeMap<>();
        files.forEach((name, bytes) -> text.put(name.replace('\\', '/'), new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        return text;
    }

    @Test
    void aDiskFillingWhileTheReportIsWrittenLeavesThePreviousSet() throws Exception {
        Path input = Files.createDirectories(temp.resolve("in")).resolve(TestSupport.SEED);
        Files.copy(TestSupport.seed(), input);
        Path out = temp.resolve("out");
        Pipeline pipeline = TestSupport.pipeline();
        List<Pipeline.Input> inputs = List.of(new Pipeline.Input(input, TestSupport.SEED));
        pipeline.run(inputs, List.of(), out, MANIFEST);
        Map<String, byte[]> previous = contents(out);
        Files.writeString(input, Files.readString(input).replace("working alliance", "therapeutic bond"));
        // a report writer that fills the disk half way: the new dataset is complete, the report is not
        Pipeline.Finisher full = folder -> {
            Files.writeString(folder.resolve("report.html"), "<!doctype html><html><body>half a rep");
            throw new IOException("No space left on device");
        };
        IOException failure = assertThrows(IOException.class,
                () -> pipeline.run(inputs, List.of(), out, MANIFEST, new Pipeline.RunOptions(false, 1, false, full)));
        assertEquals("No space left on device", failure.getMessage());
        assertSame(previous, contents(out));
        assertEquals(List.of("out"), besideOut(), "no temporary file or folder left");
    }

    @Test
    void aDatasetWriteThatFailsLeavesThePreviousSetAndNoTemporaryFile() throws Exception {
        Path out = temp.resolve("out");
        try (OutputSet set = OutputSet.replace(out)) {
            Files.writeString(set.folder().resolve("concept-map.json"), "{}");
            set.commit();
        }
        Map<String, byte[]> previous = contents(out);
        try (OutputSet set = OutputSet.replace(out);
             DatasetWriter writer = new DatasetWriter(set.folder(), TestSupport.codebook(), false)) {
            assertTrue(Files.exists(set.folder().resolve(".sentences.csv.tmp")), "rows go to a temporary file in the staging folder");
            throw new IOException("No space left on device");
        } catch (IOException expected) {
            assertEquals("No space left on device", expected.getMessage());
        }
        assertSame(previous, contents(out));
        assertEquals(List.of("out"), besideOut());
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path mine = Files.createDirectories(temp.resolve("thesis"));
        Files.writeString(mine.resolve("chapter1.docx"), "months of work");
        InputException refused = assertThrows(InputException.class, () -> OutputSet.replace(mine));
        assertTrue(refused.reason().startsWith("holds files that threadcoder did not write"), refused.reason());
        assertEquals(List.of("chapter1.docx"), Files.list(mine).map(file -> file.getFileName().toString()).toList());
        CommandRun run = CommandRun.of("run", TestSupport.seed().toString(), "--out", mine.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith(mine + ": holds files that threadcoder did not write"), run.err());
    }

    @Test
    void aCheckoutsOutFolderHoldingOnlyAPlaceholderIsUsedAndKeepsIt() throws Exception {
        // a fresh clone's out/ holds the empty .gitkeep that keeps the folder in git: the README's first command must run there
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.createFile(out.resolve(".gitkeep"));
        CommandRun run = CommandRun.of("run", TestSupport.seed().toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("concept-map.json")));
        assertEquals(0, Files.size(out.resolve(".gitkeep")), "the placeholder stays, so the checkout shows no change");
        // a hidden file with content is a user's file like any other
        Path notes = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(notes.resolve(".todo"), "read chapter 2");
        assertEquals(1, CommandRun.of("run", TestSupport.seed().toString(), "--out", notes.toString()).exitCode());
    }

    @Test
    void whatAStoppedRunLeftIsRepairedAndNamed() throws Exception {
        Path out = temp.resolve("out");
        // stopped while writing: only its staging folder
        Path staging = Files.createDirectories(temp.resolve(".out.staging-" + STOPPED + "-1"));
        Files.writeString(staging.resolve("sentences.csv"), "half");
        // stopped between moving the previous set aside and moving the new one in
        Path old = Files.createDirectories(temp.resolve(".out.old-" + STOPPED + "-2"));
        Files.writeString(old.resolve("concept-map.json"), "previous");
        Path ready = Files.createDirectories(temp.resolve(".out.ready-" + STOPPED + "-2"));
        Files.writeString(ready.resolve("concept-map.json"), "new and complete");
        try (OutputSet set = OutputSet.replace(out)) {
            assertEquals(List.of("removed .out.staging-" + STOPPED + "-1, the unfinished outputs of a run that was stopped",
                    "completed the replacement of out that a stopped run had begun (.out.ready-" + STOPPED + "-2)",
                    "removed .out.old-" + STOPPED + "-2, the previous outputs a stopped run was deleting"), set.repairs());
            assertEquals(Map.of("concept-map.json", "new and complete"), asText(contents(out)));
        }
        // stopped after moving the previous set aside, before the new one was complete
        Files.move(out, temp.resolve(".out.old-" + STOPPED + "-3"));
        Files.createDirectories(temp.resolve(".out.staging-" + STOPPED + "-3"));
        try (OutputSet set = OutputSet.replace(out)) {
            assertTrue(set.repairs().contains("put back the previous out (.out.old-" + STOPPED + "-3) that a stopped run had moved aside"),
                    set.repairs().toString());
        }
        assertEquals(Map.of("concept-map.json", "new and complete"), asText(contents(out)));
        // an earlier version's temporary files inside the folder
        Files.writeString(out.resolve(".sentences.csv.tmp"), "partial");
        try (OutputSet set = OutputSet.replace(out)) {
            assertEquals(List.of("removed 1 temporary file left in out by an earlier run"), set.repairs());
        }
        assertEquals(List.of("out"), besideOut());
    }

    @Test
    void aRunningProcessesFoldersAreLeftAlone() throws Exception {
        Path out = temp.resolve("out");
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path busy = Files.createDirectories(temp.resolve(".out.staging-" + parent + "-1"));
        Files.setLastModifiedTime(busy, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        try (OutputSet set = OutputSet.replace(out)) {
            assertEquals(List.of(), set.repairs());
        }
        assertTrue(Files.isDirectory(busy), "another run's staging folder, which may still be writing");
    }

    @Test
    void theReportCommandRewritesTheReportAtomicallyAndKeepsTheRest() throws Exception {
        Path out = temp.resolve("out");
        assertEquals(0, CommandRun.of("run", TestSupport.seed().toString(), "--out", out.toString(), "--no-report").exitCode());
        Map<String, byte[]> dataset = contents(out);
        CommandRun report = CommandRun.of("report", out.toString());
        assertEquals(0, report.exitCode(), report.err());
        Map<String, byte[]> after = contents(out);
        assertTrue(after.containsKey("report.html"));
        after.remove("report.html");
        assertSame(dataset, after);
        assertEquals(List.of("out"), besideOut());
    }
}
