package org.threadcoder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;

/**
 * {@code eval --gold A --against B}: the context pages' gold (coder A) against a second coder's CSV in our own
 * words ({@code context/context.coder-b.csv}, see the README there): B coded only the first two pages, gave one
 * unit another span, and differs on four judgements.
 */
class CoderAgreementTest {
    @TempDir
    Path temp;

    private static String coder(String name) {
        return TestSupport.resource("context/" + name).toString();
    }

    private static CSVRecord row(List<CSVRecord> rows, String concept) {
        return rows.stream().filter(row -> row.get("concept").equals(concept)).findFirst().orElseThrow();
    }

    @Test
    void twoCodersCsvWithoutThePipeline() throws Exception {
        CommandRun run = CommandRun.of("eval", "--gold", coder("context.gold.csv"), "--against", coder("context.coder-b.csv"),
                "--out", temp.toString());
        System.out.print(run.out());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("52 units), coder B context.coder-b.csv (CSV, 32 units): 31 units coded by both are compared; "
                + "21 only A and 1 only B coded are not scored"), run.out());
        List<CSVRecord> rows = TestSupport.csvRows(temp.resolve(CoderAgreement.CSV_FILE));
        CSVRecord bond = row(rows, "alliance-bond");
        // B adds the bond in one unit A coded with no concept: 31 units, both 4, B only 1, neither 26.
        // kappa: po = 30/31, pe = (4*5 + 27*26)/31^2 -> 0.8703; alpha: n_yes 9, n_no 53, N 62 -> 1 - 61/(9*53) = 0.8721
        assertEquals(List.of("4", "1", "0", "26"), List.of(bond.get("tp"), bond.get("fp"), bond.get("fn"), bond.get("tn")));
        assertEquals(0.8703, Double.parseDouble(bond.get("kappa")), 1e-4);
        assertEquals(0.8721, Double.parseDouble(bond.get("alpha")), 1e-4);
        assertEquals("1", row(rows, "authenticity").get("fn"), "B does not count 'an honest therapist' as authenticity");
        assertEquals("1", row(rows, "treatment-outcome").get("fn"));
        CSVRecord micro = rows.stream().filter(row -> row.get("scope").equals("micro")).findFirst().orElseThrow();
        assertEquals(List.of("44", "1", "2"), List.of(micro.get("tp"), micro.get("fp"), micro.get("fn")));
        assertTrue(run.out().matches("(?s).*\nuncertain +6 +44 +5 +0 +1 +38 .*"), "B reads the hedge as covering the rupture only");
    }

    @Test
    void aProjectIsReadOntoTheOtherCodersUnits() throws Exception {
        // the tool's own coding exported as a REFI-QDA project, compared as a second coder: the same counts as eval
        Path run = temp.resolve("run");
        Path pages = temp.resolve("pages");
        Files.createDirectories(pages);
        for (String page : List.of("ctx_01_alliance.txt", "ctx_02_evidence.txt", "ctx_03_privacy.txt")) {
            Files.copy(TestSupport.resource("context/" + page), pages.resolve(page));
        }
        assertEquals(0, CommandRun.of("run", pages.toString(), "--out", run.toString(), "--no-report").exitCode());
        CommandRun export = CommandRun.of("export", "qdpx", run.toString(), "--inputs", pages.toString());
        assertEquals(0, export.exitCode(), export.err());
        CommandRun eval = CommandRun.of("eval", "--gold", coder("context.gold.csv"), "--out", temp.resolve("eval").toString(), pages.toString());
        CommandRun against = CommandRun.of("eval", "--gold", coder("context.gold.csv"), "--against", run.resolve("project.qdpx").toString(),
                "--out", temp.resolve("against").toString(), pages.toString());
        System.out.print(against.out());
        assertEquals(0, against.exitCode(), against.err());
        assertTrue(against.out().contains("(QDPX, 52 units): 52 units coded by both are compared"), against.out());
        CSVRecord tool = TestSupport.csvRows(temp.resolve("eval/eval.csv")).stream().filter(row -> row.get("scope").equals("micro")).findFirst().orElseThrow();
        CSVRecord coder = TestSupport.csvRows(temp.resolve("against/agreement.csv")).stream().filter(row -> row.get("scope").equals("micro"))
                .findFirst().orElseThrow();
        assertEquals(0, eval.exitCode(), eval.err());
        for (String column : List.of("tp", "fp", "fn", "tn", "kappa", "alpha")) {
            assertEquals(tool.get(column), coder.get(column), column + ": the exported tags read as a coder agree as the tool does");
        }
    }
}
