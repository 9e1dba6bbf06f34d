package org.threadcoder.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.cli.Main;

/**
 * The job in Spark local mode ({@code local[2]}) against {@code threadcoder run} on the same inputs (copies of the
 * seed and of the layout fixtures, rejected files included): every file byte for byte, the same messages, the same
 * exit code, whatever the number of partitions.
 */
class SparkRunTest {
    private static final Path ROOT = Path.of(System.getProperty("threadcoder.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    static Path temp;
    private static Path seed;
    private static Path layouts;

    /** What a command did. */
    private record Ran(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void copyInputs() throws IOException {
        seed = temp.resolve("seed");
        layouts = temp.resolve("layouts");
        copy(ROOT.resolve("seeds"), seed);
        copy(ROOT.resolve("src/test/resources/layouts"), layouts);
    }

    @Test
    void writesTheBytesRunWritesAndRecordsBadInputsAsRunDoes() throws IOException {
        Path runOut = temp.resolve("run-out");
        Path jobOut = temp.resolve("job-out");
        Ran run = run("run", seed.toString(), layouts.toString(), "--out", runOut.toString(), "--no-report", "--threads", "2");
        Ran job = job("--master", "local[2]", seed.toString(), layouts.toString(), "--out", jobOut.toString(), "--partitions", "4");
        System.out.println(job.out().strip());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(run.exitCode(), job.exitCode(), job.err());
        assertSameFiles(runOut, jobOut);
        assertEquals(messages(run.err()), messages(job.err()));

        // the rejected fixtures inside the input folder: in failures.csv with run's reasons, the other pages written
        Map<String, String> failures = new LinkedHashMap<>();
        rows(jobOut.resolve("failures.csv")).forEach(row -> failures.put(row.get("source"), row.get("reason")));
        assertEquals("binary file (75 control bytes such as NUL, the first at offset 6), not a text page", failures.get("10-binary.dat"));
        assertEquals("empty file", failures.get("10-empty.txt"));
        assertEquals("a PDF file; save the thread as text or HTML instead", failures.get("10-fake.pdf"));
        assertEquals("an HTML page with no Thread Reader tweets (no div.content-tweet)", failures.get("08-not-a-thread.html"));
        assertEquals(inputCount() - failures.size(), rows(jobOut.resolve("pages.csv")).size());
        assertTrue(rows(jobOut.resolve("sentences.csv")).size() > 300, "sentences written");
    }

    @Test
    void oneInputAPartitionAndRollUpChangeNoByte() throws IOException {
        Path missing = temp.resolve("no-such-folder");
        Path runOut = temp.resolve("run-roll-up");
        Path jobOut = temp.resolve("job-roll-up");
        // a previous run's files are replaced
        Files.createDirectories(jobOut);
        Files.writeString(jobOut.resolve("sentences.csv"), "an earlier run\r\n");
        Ran run = run("run", missing.toString(), seed.toString(), layouts.toString(), "--out", runOut.toString(), "--no-report",
                "--roll-up");
        Ran job = job("--master", "local[2]", missing.toString(), seed.toString(), layouts.toString(), "--out", jobOut.toString(),
                "--roll-up", "--partitions", "1000");
        System.out.println(job.out().strip());

        assertEquals(run.exitCode(), job.exitCode(), job.err());
        assertTrue(job.out().contains(inputCount() + " partitions"), job.out());
        assertSameFiles(runOut, jobOut);
        assertEquals(messages(run.err()), messages(job.err()));
        CSVRecord first = rows(jobOut.resolve("failures.csv")).get(0);
        assertEquals(List.of(missing.toString(), "no such file or folder"), first.toList());
    }

    @Test
    void writesNothingWhenNoInputCanBeProcessed() throws IOException {
        Path jobOut = temp.resolve("job-nothing");
        Ran job = job("--master", "local[2]", layouts.resolve("10-empty.txt").toString(), "--out", jobOut.toString());
        assertEquals(Main.INPUT_FAILED, job.exitCode());
        assertTrue(job.err().contains("10-empty.txt: empty file"), job.err());
        assertTrue(job.err().contains("nothing written"), job.err());
        assertEquals(List.of(), Files.exists(jobOut) ? files(jobOut) : List.of());
    }

    private static Ran run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(exitCode, out.toString(), err.toString());
    }

    private static Ran job(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SparkRun.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(exitCode, out.toString(), err.toString());
    }

    /** Every file of both folders, hidden ones included, byte for byte. */
    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names = files(expected);
        assertEquals(names, files(actual), "the files written");
        assertTrue(names.containsAll(List.of("sentences.csv", "mentions.csv", "threads.csv", "concepts.csv", "pages.csv", "failures.csv",
                "concept-map.json", "datapackage.json")), names.toString());
        assertTrue(names.stream().anyMatch(name -> name.startsWith("sources/")), "extracted texts written: " + names);
        long bytes = 0;
        for (String name : names) {
            byte[] want = Files.readAllBytes(expected.resolve(name));
            byte[] got = Files.readAllBytes(actual.resolve(name));
            assertArrayEquals(want, got, () -> name + " differs from run's at byte " + Arrays.mismatch(want, got));
            bytes += got.length;
        }
        System.out.printf("%d files, %d bytes: identical to run's%n", names.size(), bytes);
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** The warning and failure lines, the summary line aside. */
    private static List<String> messages(String err) {
        return err.lines().filter(line -> !line.startsWith("threadcoder")).toList();
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static int inputCount() throws IOException {
        return files(seed).size() + files(layouts).size();
    }

    /** Copies a fixture folder's inputs: its golden files and README are not inputs. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(from)) {
            files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return !name.endsWith(".expected.json") && !name.startsWith("README") && !name.startsWith(".");
            }).forEach(inputs::add);
        }
        for (Path input : inputs) {
            Files.copy(input, to.resolve(input.getFileName()));
        }
    }
}
