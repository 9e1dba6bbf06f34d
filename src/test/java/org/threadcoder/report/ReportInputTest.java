package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.InputException;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.Main;
import org.threadcoder.cli.ReportCommand;
import picocli.CommandLine;

/** {@code threadcoder report}: missing and malformed inputs are named; a good folder gives its report. */
class ReportInputTest {
    @TempDir
    static Path good;
    @TempDir
    Path temp;

    @BeforeAll
    static void run() {
        ReportFixtures.runPipeline(TestSupport.resource("report/injection.txt"), good);
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result report(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ReportCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A copy of the good folder with one file replaced (null content: removed). */
    private Path copyWith(String file, String content) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("out"));
        for (String name : List.of("concept-map.json", "sentences.csv", "mentions.csv")) {
            Files.copy(good.resolve(name), folder.resolve(name));
        }
        if (content == null) {
            Files.delete(folder.resolve(file));
        } else {
            Files.writeString(folder.resolve(file), content);
        }
        return folder;
    }

    @Test
    void commandWritesTheReport() throws IOException {
        Path folder = copyWith("concept-map.json", Files.readString(good.resolve("concept-map.json")));
        Result result = report(folder.toString());
        assertEquals(Main.OK, result.exitCode(), result.err());
        assertEquals("threadcoder: report written to " + folder.resolve("report.html") + System.lineSeparator(), result.out());
        assertTrue(Files.size(folder.resolve("report.html")) > 10_000);
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        for (String file : List.of("concept-map.json", "sentences.csv", "mentions.csv")) {
            Path folder = copyWith(file, null);
            InputException missing = assertThrows(InputException.class, () -> ReportWriter.write(folder));
            assertEquals(file, missing.file());
            assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
            Result result = report(folder.toString());
            assertEquals(Main.INPUT_FAILED, result.exitCode());
            assertTrue(result.err().startsWith(file + ": missing"), result.err());
            assertFalse(Files.exists(folder.resolve("report.html")), "no report from broken inputs");
            deleteFolder(folder);
        }
    }

    @Test
    void malformedFilesAreNamed() throws IOException {
        String sentences = Files.readString(good.resolve("sentences.csv"));
        String conceptMap = Files.readString(good.resolve("concept-map.json"));
        String[][] cases = {
            {"concept-map.json", conceptMap.replaceFirst("\"tweet_count\" : \\d+", "\"tweet_count\" : \"three\""),
                "has tweet_count \"three\", not a count or null"},
            {"concept-map.json", conceptMap.replaceFirst("\"source\" : \"injection.txt\",\\s*\"author\"", "\"author\""),
                "no value for 'threads.source'"},
            {"concept-map.json", "{\"schema\": \"threadcoder.concept-map/1\", \"codebook\": ", "not valid JSON"},
            {"concept-map.json", "[1, 2]", "not a JSON object"},
            {"concept-map.json", "{\"schema\": \"something-else/1\"}", "schema is 'something-else/1'"},
            {"sentences.csv", sentences.replace("sentence_index,", "index,"), "no column 'sentence_index'"},
            {"sentences.csv", sentences + "\"unterminated,quote\n", "not valid CSV"},
        };
        for (String[] bad : cases) {
            assertNamed(copyWith(bad[0], bad[1]), bad[0], bad[2]);
        }
        // mentions: one bad value in the first row
        Map<String, Consumer<Map<String, String>>> mentionCases = new LinkedHashMap<>();
        mentionCases.put("lies outside its sentence", row -> row.put("start", "0"));
        mentionCases.put("concept 'no-such-concept'", row -> row.put("concept_id", "no-such-concept"));
        mentionCases.put("start is 'x', not a count", row -> row.put("start", "x"));
        mentionCases.put("sentence 'nowhere' is not in sentences.csv", row -> row.put("sentence_id", "nowhere"));
        for (Map.Entry<String, Consumer<Map<String, String>>> bad : mentionCases.entrySet()) {
            Path folder = copyWith("concept-map.json", Files.readString(good.resolve("concept-map.json")));
            boolean[] first = {true};
            ReportFixtures.rewrite(folder.resolve("mentions.csv"), List.of(), row -> {
                if (first[0]) {
                    bad.getValue().accept(row);
                    first[0] = false;
                }
            });
            assertNamed(folder, "mentions.csv", bad.getKey());
        }
    }

    private void assertNamed(Path folder, String file, String reason) throws IOException {
        InputException failure = assertThrows(InputException.class, () -> ReportWriter.write(folder), reason);
        assertEquals(file, failure.file(), failure.getMessage());
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
        System.out.println("report: bad input reported as: " + failure.getMessage());
        deleteFolder(folder);
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertEquals("https://x.com/a/status/1", TableReader.webAddress(" https://x.com/a/status/1 "));
        assertEquals("http://example.org/t", TableReader.webAddress("http://example.org/t"));
        for (String bad : new String[] {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//x.com/a",
            "/relative", "https:///nohost", "not an address", "", " "}) {
            assertNull(TableReader.webAddress(bad), bad);
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }
}
