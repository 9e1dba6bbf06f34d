package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;

/**
 * The README's pandas and readr snippets, run as they stand on a run over a twarc2 fixture: they load
 * the 19-digit tweet ids exactly and give booleans, integers and dates their types. Skipped, saying
 * why, where python3 with pandas or Rscript with readr and jsonlite is not installed (Debian:
 * {@code apt-get install python3-pandas r-cran-readr r-cran-jsonlite}).
 */
class ReadmeSnippetsTest {
    @TempDir
    static Path temp;
    private static List<String> tweetIds;

    @BeforeAll
    static void run() throws Exception {
        CommandRun result = CommandRun.of("run", TestSupport.resource("layouts/09-twarc2-responses.jsonl").toString(), TestSupport.seed().toString(),
                "--out", temp.resolve("out").toString(), "--no-report");
        assertEquals(0, result.exitCode(), result.err());
        tweetIds = TestSupport.csvRows(temp.resolve("out/sentences.csv")).stream().map(row -> row.get("tweet_id"))
                .filter(id -> !id.isEmpty()).toList();
        assertTrue(tweetIds.stream().allMatch(id -> id.length() == 19), tweetIds.toString());
    }

    @Test
    void pandasLoadsTweetIdsExactly() throws Exception {
        String python = List.of("python3", "/usr/bin/python3").stream().filter(command -> works(command, "-c", "import pandas"))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(python != null, "python3 with pandas is not installed: the pandas snippet is not run");
        String script = snippet("pandas", "python") + """
                print("ids", ";".join(sentences["tweet_id"].dropna()))
                threads = read_table("out", "threads")
                print("types", sentences["start"].dtype, sentences["tweets_inferred"].dtype, threads["date"].dtype, threads["complete"].dtype)
                """;
        List<String> lines = execute(script, "snippet.py", python);
        assertEquals("1635790011223344551", lines.get(0), "the snippet's own print");
        assertEquals("ids " + String.join(";", tweetIds), lines.get(1));
        assertEquals("types Int64 boolean datetime64[ns] boolean", lines.get(2));
    }

    @Test
    void readrLoadsTweetIdsExactly() throws Exception {
        Assumptions.assumeTrue(works("Rscript", "-e", "library(readr); library(jsonlite)"),
                "Rscript with readr and jsonlite is not installed: the R snippet is not run");
        String script = snippet("readr", "r") + """
                cat("ids", paste(na.omit(sentences$tweet_id), collapse = ";"), "\\n")
                threads <- read_table("out", "threads")
                cat("types", class(sentences$start), class(sentences$tweets_inferred), class(threads$date), class(threads$complete), "\\n")
                """;
        List<String> lines = execute(script, "snippet.R", "Rscript");
        assertEquals("[1] \"1635790011223344551\"", lines.get(0), "the snippet's own print");
        assertEquals("ids " + String.join(";", tweetIds), lines.get(1).strip());
        assertEquals("types integer logical Date logical", lines.get(2).strip());
    }

    /** The code block after {@code <!-- snippet: NAME -->} in the README. */
    private static String snippet(String name, String language) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int marker = readme.indexOf("<!-- snippet: " + name + " -->");
        assertTrue(marker >= 0, "README has the " + name + " snippet");
        int start = readme.indexOf("```" + language + "\n", marker) + language.length() + 4;
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static List<String> execute(String script, String fileName, String command) throws Exception {
        Path file = temp.resolve(fileName);
        Files.writeString(file, script);
        Process process = new ProcessBuilder(command, file.toString()).directory(temp.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the snippet finished");
        System.out.print(fileName + " printed:\n" + output);
        assertEquals(0, process.exitValue(), output);
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static boolean works(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException missing) {
            return false;
        }
    }
}
