package org.threadcoder.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;

/** The command line as a user meets it: exit codes, messages, files written. */
class MainTest {
    @TempDir
    Path temp;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path seedCopy(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.copy(TestSupport.seed(), folder.resolve(TestSupport.SEED));
    }

    @Test
    void helpAndVersion() {
        CommandRun help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("run") && help.out().contains("bench"), help.out());
        CommandRun version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("threadcoder "), version.out());
        assertEquals(0, run("run", "--help").exitCode());
    }

    @Test
    void usageErrorExitsTwo() {
        CommandRun wrong = run("run", "--no-such-option");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("--no-such-option"), wrong.err());
    }

    @Test
    void runWritesAllFilesAndASummary() throws IOException {
        Path input = seedCopy(temp.resolve("in"));
        Path out = temp.resolve("out");
        CommandRun result = run("run", input.toString(), "--out", out.toString(), "--codebook", TestSupport.codebookFile().toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().matches("(?s)threadcoder: 1 page, 7 threads, \\d+ sentences, \\d+ mentions, 80\\.8% of the text kept as tweets, in .*"),
                result.out());
        for (String file : List.of("sentences.csv", "mentions.csv", "threads.csv", "pages.csv", "concept-map.json")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        List<CSVRecord> threads = records(out.resolve("threads.csv"));
        assertEquals(7, threads.size());
        assertEquals("2021-06-11", threads.get(0).get("date"));
        assertEquals("", threads.get(1).get("date"), "no year on the page: no ISO date");
        assertEquals("Apr 13", threads.get(1).get("date_text"));
        assertEquals("false", threads.get(1).get("complete"));
        assertTrue(threads.get(0).isMapped("working-alliance"), "one column per concept");
    }

    @Test
    void badInputsAreNamedAndTheGoodOneIsStillWritten() throws IOException {
        Path folder = temp.resolve("mixed");
        seedCopy(folder);
        Files.writeString(folder.resolve("empty.txt"), "");
        Files.write(folder.resolve("image.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, 3});
        // only site text: a Thread Reader footer with no tweet above it
        Files.writeString(folder.resolve("notes.txt"), "• • •\nMissing some Tweet in this thread? You can try to force a refresh\nRead all threads\n");
        Path missing = temp.resolve("missing.txt");
        Path out = temp.resolve("out");
        CommandRun result = run("run", folder.toString(), missing.toString(), "--out", out.toString(),
                "--codebook", TestSupport.codebookFile().toString());
        assertEquals(1, result.exitCode());
        List<String> errors = result.err().lines().toList();
        assertEquals(4, errors.size(), result.err());
        assertTrue(errors.contains("empty.txt: empty file"), result.err());
        assertTrue(errors.stream().anyMatch(line -> line.startsWith("image.bin: binary file")), result.err());
        assertTrue(errors.stream().anyMatch(line -> line.startsWith("notes.txt: no tweet text: every line is site text or noise")), result.err());
        assertTrue(errors.contains(missing + ": no such file or folder"), result.err());
        assertFalse(result.err().contains("Exception"), "no stack traces: " + result.err());
        assertEquals(7, records(out.resolve("threads.csv")).size(), "the good page is written");
        List<CSVRecord> failures = records(out.resolve("failures.csv"));
        assertEquals(4, failures.size(), "every rejected input has its row");
        assertTrue(failures.stream().anyMatch(row -> row.get("source").equals("notes.txt") && row.get("reason").startsWith("no tweet text")));
        List<CSVRecord> pages = records(out.resolve("pages.csv"));
        assertEquals(1, pages.size());
        assertEquals("threadreader-text", pages.get(0).get("format"));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("concept-map.json", "concepts.csv", "datapackage.json", "failures.csv", "mentions.csv", "pages.csv",
                            "report.html", "sentences.csv", "threads.csv"),
                    files.map(file -> file.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void twoWorkersWriteTheSameBytesAsOne() throws IOException {
        Path layouts = TestSupport.resource("layouts");
        Path one = temp.resolve("one");
        Path two = temp.resolve("two");
        assertEquals(1, run("run", layouts.toString(), TestSupport.seed().toString(), "--out", one.toString(), "--threads", "1").exitCode());
        assertEquals(1, run("run", layouts.toString(), TestSupport.seed().toString(), "--out", two.toString(), "--threads", "2").exitCode());
        for (String file : List.of("sentences.csv", "mentions.csv", "threads.csv", "concept-map.json", "report.html")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
        assertEquals(2, run("run", "--threads", "0", "--out", temp.resolve("zero").toString()).exitCode(), "--threads 0 is a usage error");
    }

    @Test
    void noUsableInputLeavesEarlierOutputsAlone() throws IOException {
        Path out = temp.resolve("out");
        assertEquals(0, run("run", seedCopy(temp.resolve("in")).toString(), "--out", out.toString()).exitCode());
        byte[] before = Files.readAllBytes(out.resolve("sentences.csv"));
        Path empty = temp.resolve("empty.txt");
        Files.writeString(empty, "");
        CommandRun result = run("run", empty.toString(), "--out", out.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("empty.txt: empty file"), result.err());
        assertTrue(result.err().contains("no input could be processed; nothing written"), result.err());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("sentences.csv")), "the earlier run's outputs stay");
    }

    @Test
    void brokenCodebookIsReportedWithItsLine() throws IOException {
        Path codebook = temp.resolve("broken.yaml");
        Files.writeString(codebook, "name: x\nconcepts:\n  - id: a\n    label: A\n    termz: [x]\n");
        CommandRun result = run("run", seedCopy(temp.resolve("in")).toString(), "--out", temp.resolve("out").toString(), "--codebook", codebook.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("broken.yaml: line 5"), result.err());
        assertFalse(Files.exists(temp.resolve("out").resolve("sentences.csv")));
    }

    @Test
    void twoRunsWriteIdenticalBytes() throws IOException {
        Path input = seedCopy(temp.resolve("in"));
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        assertEquals(0, run("run", input.toString(), "--out", first.toString(), "--codebook", TestSupport.codebookFile().toString()).exitCode());
        assertEquals(0, run("run", input.toString(), "--out", second.toString(), "--codebook", TestSupport.codebookFile().toString()).exitCode());
        for (String file : List.of("sentences.csv", "mentions.csv", "threads.csv", "concept-map.json")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    @Test
    void rollUpCountsChildrenUnderTheirParentOnlyInTheMap() throws IOException {
        Path input = seedCopy(temp.resolve("in"));
        Path direct = temp.resolve("direct");
        Path rolled = temp.resolve("rolled");
        assertEquals(0, run("run", input.toString(), "--out", direct.toString()).exitCode());
        assertEquals(0, run("run", input.toString(), "--out", rolled.toString(), "--roll-up").exitCode());
        com.fasterxml.jackson.databind.JsonNode directMap = new com.fasterxml.jackson.databind.ObjectMapper().readTree(direct.resolve("concept-map.json").toFile());
        com.fasterxml.jackson.databind.JsonNode rolledMap = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rolled.resolve("concept-map.json").toFile());
        assertEquals(false, directMap.get("roll_up").asBoolean());
        assertEquals(true, rolledMap.get("roll_up").asBoolean());
        int children = 0;
        for (com.fasterxml.jackson.databind.JsonNode concept : directMap.get("concepts")) {
            if (concept.get("id").asText().startsWith("alliance-")) {
                children += concept.get("mentions").asInt();
            }
        }
        int parentDirect = directMap.get("concepts").get(0).get("mentions").asInt();
        assertEquals("working-alliance", rolledMap.get("concepts").get(0).get("id").asText());
        assertEquals(parentDirect + children, rolledMap.get("concepts").get(0).get("mentions").asInt(), "parent counts its children's mentions");
        assertArrayEquals(Files.readAllBytes(direct.resolve("mentions.csv")), Files.readAllBytes(rolled.resolve("mentions.csv")),
                "mentions keep their direct tags");
        int rolledSentences = Integer.parseInt(records(rolled.resolve("threads.csv")).get(0).get("working-alliance"));
        int directSentences = Integer.parseInt(records(direct.resolve("threads.csv")).get(0).get("working-alliance"));
        assertTrue(rolledSentences > directSentences, rolledSentences + " > " + directSentences);
    }

    @Test
    void extractedInputsWriteTheTextTheirOffsetsReferTo() throws IOException {
        Path folder = temp.resolve("html");
        Files.createDirectories(folder);
        Files.copy(TestSupport.resource("layouts/08-thread-page.html"), folder.resolve("page.html"));
        Path out = temp.resolve("out");
        assertEquals(0, run("run", folder.toString(), "--out", out.toString()).exitCode());
        int[] extracted = Files.readString(out.resolve("sources/page.html.txt")).codePoints().toArray();
        List<CSVRecord> sentences = records(out.resolve("sentences.csv"));
        assertFalse(sentences.isEmpty());
        for (CSVRecord sentence : sentences) {
            int start = Integer.parseInt(sentence.get("start"));
            int end = Integer.parseInt(sentence.get("end"));
            assertEquals(sentence.get("text"), new String(extracted, start, end - start), sentence.get("sentence_id"));
            assertTrue(sentence.get("tweet_url").startsWith("https://x.com/") && !sentence.get("tweet_id").isEmpty(), sentence.toString());
            assertEquals("false", sentence.get("tweets_inferred"));
            assertEquals("sources/page.html.txt", sentence.get("offsets_file"));
        }
    }

    @Test
    void aFolderMixingEveryFormatRunsInOneCommandNamingEachRejectedFile() throws IOException {
        // the layout fixtures without their expectations and README: every input a researcher could hold
        Path inputs = temp.resolve("inputs");
        Files.createDirectories(inputs);
        int expectedThreads = 0;
        int expectedPages = 0;
        try (var files = Files.list(TestSupport.resource("layouts"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".expected.json")) {
                    com.fasterxml.jackson.databind.JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
                    expectedThreads += expected.has("knownIssue") ? threadsAsRead(file) : expected.get("threads").size();
                    expectedPages += expected.get("rejected").asBoolean() ? 0 : 1;
                } else if (!name.equals("README.md")) {
                    Files.copy(file, inputs.resolve(name));
                }
            }
        }
        Path out = temp.resolve("out");
        CommandRun result = run("run", inputs.toString(), "--out", out.toString());
        assertEquals(1, result.exitCode());
        List<String> rejected = result.err().lines().filter(line -> !line.startsWith("warning: ")).toList();
        System.out.println("mixed folder: " + result.out().strip());
        rejected.forEach(line -> System.out.println("  rejected " + line));
        assertTrue(rejected.stream().anyMatch(line -> line.startsWith("10-empty.txt: empty file")), result.err());
        assertTrue(rejected.stream().anyMatch(line -> line.startsWith("10-binary.dat: binary file")), result.err());
        assertTrue(rejected.stream().anyMatch(line -> line.startsWith("10-fake.pdf: a PDF file")), result.err());
        assertTrue(rejected.stream().anyMatch(line -> line.startsWith("08-not-a-thread.html: an HTML page with no Thread Reader tweets")), result.err());
        assertTrue(result.out().startsWith("threadcoder: " + expectedPages + " pages, " + expectedThreads + " threads"), "no thread lost: " + result.out());
    }

    /**
     * The threads the parser reads from a fixture marked with a known parser issue (LayoutsTest reports how
     * they differ from the expectation): the run must still lose none of them.
     */
    private static int threadsAsRead(Path expectedFile) throws IOException {
        String base = expectedFile.getFileName().toString().replace(".expected.json", "");
        try (Stream<Path> files = Files.list(expectedFile.getParent())) {
            Path input = files.filter(file -> file.getFileName().toString().startsWith(base + ".") && !file.equals(expectedFile))
                    .findFirst().orElseThrow();
            return TestSupport.pipeline().parse(new org.threadcoder.Pipeline.Input(input, input.getFileName().toString())).threads().size();
        } catch (org.threadcoder.InputException rejected) {
            return 0;
        }
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(csv))) {
            return parser.getRecords();
        }
    }
}
