package org.threadcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.cli.CommandRun;

/** Which files a run reads, under which names, and what it says about those it cannot read. */
class InputsTest {
    @TempDir
    Path temp;

    private static List<String> tree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.map(path -> folder.relativize(path).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(csv))) {
            return parser.getRecords();
        }
    }

    @Test
    void twoFilesOfOneNameGetRelativeUniqueNamesAndEverythingStaysInsideOut() throws IOException {
        Path a = Files.createDirectories(temp.resolve("study/clinic-a"));
        Path b = Files.createDirectories(temp.resolve("study/clinic-b"));
        Files.copy(TestSupport.seed(), a.resolve("page.txt"));
        Files.copy(TestSupport.resource("layouts/01-header-2018.txt"), b.resolve("page.txt"));
        Files.copy(TestSupport.resource("layouts/08-thread-page.html"), a.resolve("page.html"));
        Files.copy(TestSupport.resource("layouts/08-thread-page.html"), b.resolve("page.html"));
        List<String> inputsBefore = tree(temp.resolve("study"));
        Path out = temp.resolve("out");
        CommandRun run = CommandRun.of("run", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(inputsBefore, tree(temp.resolve("study")), "nothing written into the input folders");
        List<String> sources = rows(out.resolve("threads.csv")).stream().map(row -> row.get("source")).distinct().sorted().toList();
        assertEquals(List.of("clinic-a/page.html", "clinic-a/page.txt", "clinic-b/page.html", "clinic-b/page.txt"), sources,
                "names relative to the folder the inputs share");
        assertTrue(tree(out).containsAll(List.of("sources/clinic-a/page.html.txt", "sources/clinic-b/page.html.txt")), tree(out).toString());
        for (String file : List.of("sentences.csv", "mentions.csv", "threads.csv", "concept-map.json", "report.html")) {
            String text = Files.readString(out.resolve(file));
            assertFalse(text.contains(temp.toString()), file + " holds a path of this machine");
        }
        String manifest = Files.readString(out.resolve("concept-map.json"));
        assertTrue(manifest.contains("\"codebook_file\" : \"codebook.yaml\""), "the codebook by name (and SHA-256), not by path");
    }

    @Test
    void namesClashWhateverTheirLettersAndOnlyTheClashingOnesAreQualified() throws IOException {
        // names outside Latin-1 are kept apart from the packed bytes: a clash between them must still be found
        Path a = Files.createDirectories(temp.resolve("walks/a"));
        Path b = Files.createDirectories(temp.resolve("walks/b"));
        for (String name : List.of("页面.txt", "café.txt")) {
            Files.writeString(a.resolve(name), "one");
            Files.writeString(b.resolve(name), "two");
        }
        Files.writeString(a.resolve("only-a.txt"), "three");
        Files.writeString(b.resolve("页面-b.txt"), "four");
        List<String> sources = Inputs.expand(List.of(a, b)).inputs().stream().map(Pipeline.Input::source).toList();
        assertEquals(List.of("a/café.txt", "only-a.txt", "a/页面.txt", "b/café.txt", "页面-b.txt", "b/页面.txt"), sources);
        assertEquals(List.of("café.txt", "only-a.txt", "页面.txt"),
                Inputs.expand(List.of(a)).inputs().stream().map(Pipeline.Input::source).toList(), "one folder: names as found");
    }

    @Test
    void anOutputFolderInsideTheInputFolderIsNotReadBack() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("threads"));
        Files.copy(TestSupport.seed(), folder.resolve("seed.txt"));
        Path out = folder.resolve("out");
        CommandRun first = CommandRun.of("run", folder.toString(), "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        CommandRun second = CommandRun.of("run", folder.toString(), "--out", out.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().startsWith("threadcoder: 1 page,"), "its own outputs are not inputs: " + second.out());
        assertTrue(second.err().contains("warning: " + out + ": the output folder, not read as input"), second.err());
    }

    @Test
    void linksThatLoopOrLeadNowhereAreNamedAndTheRunGoesOn() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("threads"));
        Files.copy(TestSupport.seed(), folder.resolve("seed.txt"));
        Files.createSymbolicLink(folder.resolve("again"), folder);
        Files.createSymbolicLink(folder.resolve("gone.txt"), temp.resolve("deleted.txt"));
        Path linked = Files.createDirectories(temp.resolve("elsewhere"));
        Files.copy(TestSupport.resource("layouts/01-header-2018.txt"), linked.resolve("other.txt"));
        Files.createSymbolicLink(folder.resolve("linked"), linked);
        Inputs.Expansion expansion = Inputs.expand(List.of(folder));
        assertEquals(List.of("linked/other.txt", "seed.txt"), expansion.inputs().stream().map(Pipeline.Input::source).sorted().toList(),
                "a linked folder is read");
        List<String> failures = expansion.failures().stream().map(failure -> failure.file() + ": " + failure.reason()).toList();
        assertEquals(List.of(folder.resolve("again") + ": symbolic link loop (it leads back to a folder above it), not followed",
                folder.resolve("gone.txt") + ": dangling symbolic link (its target " + temp.resolve("deleted.txt") + " does not exist)"),
                failures.stream().sorted().toList());
        CommandRun run = CommandRun.of("run", folder.toString(), "--out", temp.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("threadcoder: 2 pages,"), run.out());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aWalkGivesEveryFileInPathOrderWithItsNameWhateverItsName() throws IOException {
        Path root = Files.createDirectories(temp.resolve("walk"));
        List<String> files = List.of("b.txt", "a.txt", "é.txt", "Z.txt", "🧵.txt", "a-b.txt", "ab.txt", "sub/c.txt", "sub/ß/d.txt", "sub-x/e.txt",
                "ﬁ/f.txt", "a/b.txt");
        for (String file : files) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), file);
        }
        List<Path> expected;
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            expected = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Inputs.Expansion expansion = Inputs.expand(List.of(root, root.resolve("a.txt")));
        assertEquals(expected, expansion.inputs().stream().map(Pipeline.Input::path).toList());
        assertEquals(expected.stream().map(path -> root.relativize(path).toString()).toList(),
                expansion.inputs().stream().map(Pipeline.Input::source).toList());
        assertEquals(List.of(root.resolve("a.txt") + ": given twice, read once"), expansion.warnings());
    }

    @Test
    void aFolderThatCannotBeReadIsNamedAndTheWalkGoesOn() {
        // root reads every folder, so the refusal is handed to the walk as the file system would
        List<Pipeline.Failure> failures = new ArrayList<>();
        Path locked = temp.resolve("locked");
        Inputs.Visitor visitor = new Inputs.Visitor(temp, null, new PackedFiles(), failures, new ArrayList<>());
        assertEquals(FileVisitResult.CONTINUE, visitor.visitFileFailed(locked, new AccessDeniedException(locked.toString())));
        assertEquals(FileVisitResult.CONTINUE, visitor.postVisitDirectory(temp.resolve("half"), new IOException("Input/output error")));
        assertEquals(List.of(new Pipeline.Failure(locked.toString(), "cannot read: permission denied"),
                new Pipeline.Failure(temp.resolve("half").toString(), "cannot read folder: Input/output error")), failures);
    }

    @Test
    void aLockedFolderIsNamedWhenTheFileSystemRefusesIt() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads folders whatever their permissions");
        Path folder = Files.createDirectories(temp.resolve("threads"));
        Files.copy(TestSupport.seed(), folder.resolve("seed.txt"));
        Path locked = Files.createDirectories(folder.resolve("private"));
        Files.copy(TestSupport.seed(), locked.resolve("hidden-from-us.txt"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            CommandRun run = CommandRun.of("run", folder.toString(), "--out", temp.resolve("out").toString());
            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains(locked + ": cannot read: permission denied"), run.err());
            assertTrue(run.out().startsWith("threadcoder: 1 page,"), run.out());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
