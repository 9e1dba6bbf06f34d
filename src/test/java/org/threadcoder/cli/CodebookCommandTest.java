package org.threadcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;

/** {@code threadcoder codebook check} and {@code codebook stats}, as a user runs them. */
class CodebookCommandTest {
    @TempDir
    Path temp;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void acceptsOurCodebook() {
        CommandRun result = run("codebook", "check", TestSupport.codebookFile().toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("0 errors, 1 warnings"), result.out());
        // the one warning is a word the coders' rules put in two concepts on purpose
        assertTrue(result.out().contains("term 'placebo' of 'treatment-outcome' matches the same words as 'placebo' of 'research-evidence'"),
                result.out());
    }

    @Test
    void rejectsABrokenCodebookNamingTheLines() {
        String file = TestSupport.resource("codebook/broken.yaml").toString();
        CommandRun result = run("codebook", "check", file);
        System.out.print(result.err());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains(file + ":10: error: concept 'goals' has unknown parent 'aliance'"), result.err());
        assertTrue(result.err().contains(file + ":11: error: term '!!!' of 'goals' can never match"), result.err());
        assertTrue(result.err().contains(file + ":12: error: duplicate concept id 'alliance' (first on line 5)"), result.err());
        assertTrue(result.out().contains(file + ":11: warning: term 'alliances' of 'goals' matches the same words as 'alliance' of 'alliance'"
                + " (line 7): a match tags both concepts"), result.out());
        assertTrue(result.out().contains(file + ":14: warning: term 'bonds' of 'alliance' matches the same words as 'bond'"), result.out());
    }

    @Test
    void findsTermsThatMatchNothingInACorpus() {
        CommandRun result = run("codebook", "check", TestSupport.codebookFile().toString(), "--corpus", TestSupport.seed().toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("warning: term 'malpractice' of 'professional-ethics' matches nothing in the corpus"), result.out());
    }

    @Test
    void statsCountMentionsPerTermOfTheLastRun() {
        Path out = temp.resolve("out");
        assertEquals(0, run("run", TestSupport.seed().toString(), "--out", out.toString()).exitCode());
        CommandRun stats = run("codebook", "stats", "--out", out.toString());
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().lines().anyMatch(line -> line.matches("working-alliance\\s+working alliance\\s+1\\s.*")), stats.out());
        assertTrue(stats.out().lines().anyMatch(line -> line.matches("professional-ethics\\s+malpractice\\s+0\\s.*dead")), stats.out());
    }

    @Test
    void statsReadTheCodebookTheRunsManifestNames() throws Exception {
        Path codebook = temp.resolve("small.yaml");
        java.nio.file.Files.copy(TestSupport.resource("eval/small-codebook.yaml"), codebook);
        Path out = temp.resolve("out");
        assertEquals(0, run("run", TestSupport.resource("context/ctx_01_alliance.txt").toString(), "--out", out.toString(),
                "--codebook", codebook.toString(), "--no-report").exitCode());
        CommandRun stats = run("codebook", "stats", "--out", out.toString());
        System.out.print(stats.out() + stats.err());
        assertEquals(0, stats.exitCode(), stats.err());
        // the manifest names the rule file by its name alone; the note says where it was found
        assertTrue(stats.out().startsWith("using the run's codebook " + codebook + " (SHA-256 "), stats.out());
        assertFalse(Files.readString(out.resolve("concept-map.json")).contains(temp.toString()), "no path of this machine in an output");
        assertTrue(stats.out().lines().anyMatch(line -> line.matches("alliance-bond\\s+trust\\s+2\\s.*")), stats.out());
        assertTrue(stats.out().contains("12 mentions; 0 terms and rules matched nothing on this run"), "the run's five terms, none dead");
        assertEquals("", stats.err());

        java.nio.file.Files.delete(codebook);
        CommandRun gone = run("codebook", "stats", "--out", out.toString());
        System.out.print(gone.err());
        assertEquals(0, gone.exitCode());
        assertTrue(gone.err().startsWith("warning: using codebook models/codebook.yaml (SHA-256 "), gone.err());
        assertTrue(gone.err().contains("NOT the run's: its " + codebook.getFileName() + " (SHA-256 "), gone.err());
        assertEquals(1, gone.err().lines().count(), "one line says which codebook and why");

        CommandRun other = run("codebook", "stats", "--out", out.toString(), "--codebook", TestSupport.codebookFile().toString());
        assertTrue(other.err().startsWith("warning: using codebook " + TestSupport.codebookFile() + " (given), which is NOT the run's "
                + codebook.getFileName()), other.err());
    }
}
