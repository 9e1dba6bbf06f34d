package org.threadcoder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;

/**
 * The CSV gold rules and {@code eval --errors} on our own page {@code context/ctx_01_alliance.txt}, tagged with the
 * small test codebook and context rules of {@code eval/}, so every expected count follows from those two files:
 * a unit listed with an empty concept is coded and counts its false positives; text in no listed unit is not
 * scored; a unit is scored by the mentions inside its span.
 */
class EvalGoldRulesTest {
    private static final String HEADER = "source,start,end,concept,negated\n";
    private static final String PAGE = "ctx_01_alliance.txt";
    /**
     * Nine units of the page, {@code eval/units.gold.csv} (the README there says what the small codebook finds in each):
     * header, then rows 2-12.
     */
    static final String UNITS = TestSupport.read(TestSupport.resource("eval/units.gold.csv")).lines().skip(1)
            .collect(Collectors.joining("\n", "", "\n"));

    @TempDir
    Path temp;

    static String[] args(Path gold, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--gold", gold.toString(), "--out", out.toString(),
                "--codebook", TestSupport.resource("eval/small-codebook.yaml").toString(),
                "--context", TestSupport.resource("eval/small-context.yaml").toString(),
                TestSupport.resource("context/" + PAGE).toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private JsonNode eval(String rows, String... more) throws IOException {
        Path gold = temp.resolve("gold.csv");
        Files.writeString(gold, HEADER + rows);
        CommandRun run = CommandRun.of(args(gold, temp.resolve("out"), more));
        System.out.print(run.out());
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(temp.resolve("out").resolve("eval.json").toFile());
    }

    private static JsonNode concept(JsonNode report, String id) {
        for (JsonNode concept : report.get("concepts").get("per_concept")) {
            if (concept.get("concept").asText().equals(id)) {
                return concept;
            }
        }
        throw new AssertionError("no row for " + id + " in " + report.get("concepts"));
    }

    private static String counts(JsonNode row) {
        return row.get("tp") + "/" + row.get("fp") + "/" + row.get("fn") + "/" + row.get("tn");
    }

    @Test
    void unitsScoreTheMentionsInsideThemAndEmptyConceptRowsCountFalsePositives() throws IOException {
        JsonNode report = eval(UNITS);
        assertEquals(9, report.get("units").get("gold").asInt());
        assertEquals(9, report.get("units").get("kept").asInt());
        assertEquals("2/0/0/7", counts(concept(report, "working-alliance")));
        assertEquals("0/1/3/5", counts(concept(report, "alliance-bond")), "the empty-concept unit's 'Trust' is the one false positive");
        assertEquals("2/0/0/7", counts(concept(report, "depression")));
        assertEquals("1/0/0/8", counts(concept(report, "alliance-goals")), "the mention crossing the last unit's end counts nowhere");
        assertEquals("5/1/3/27", counts(report.get("concepts").get("micro")));
        JsonNode negated = report.get("attributes").get(0);
        assertEquals("1/1/0/3", counts(negated), "negated over the 5 pairs both sides found");
    }

    @Test
    void textInNoListedUnitIsNotScored() throws IOException {
        // without the empty-concept row for "Trust is not a technique." that unit was never seen: its mention counts
        // nowhere, nor does the "trust" of the unlisted question at [473, 552) in the full gold above
        String unseen = UNITS.lines().filter(row -> !row.startsWith(PAGE + ",394,")).collect(Collectors.joining("\n", "", "\n"));
        JsonNode report = eval(unseen);
        assertEquals(8, report.get("units").get("gold").asInt());
        assertEquals("0/0/3/5", counts(concept(report, "alliance-bond")));
        assertEquals(0, report.get("concepts").get("micro").get("fp").asInt());
    }

    @Test
    void errorsListEveryFalsePositiveFalseNegativeAndAttributeDisagreement() throws IOException {
        Path gold = temp.resolve("gold.csv");
        Files.writeString(gold, HEADER + UNITS);
        CommandRun run = CommandRun.of(args(gold, temp.resolve("out"), "--errors"));
        System.out.print(run.out());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("errors: 1 false positives, 3 false negatives, 1 attribute errors"), run.out());
        assertTrue(run.out().contains("alliance-bond: 1 false positives, 3 false negatives, 0 attribute errors"), run.out());
        assertTrue(run.out().contains("  FP ctx_01_alliance.txt [394, 422) line 4: term \"trust\" on \"Trust\" | Trust is not a technique."),
                run.out());
        assertTrue(run.out().contains("  FN ctx_01_alliance.txt [634, 694) line 6 (found working-alliance) | A rupture that gets"), run.out());
        assertTrue(run.out().contains("  + negated ctx_01_alliance.txt [740, 819) line 8: trigger \"not\" on term \"depressed\" on \"depressed\""),
                run.out());
        List<CSVRecord> rows = TestSupport.csvRows(temp.resolve("out").resolve(EvaluationErrors.CSV_FILE));
        assertEquals(String.join(",", EvaluationErrors.CSV_COLUMNS), Files.readAllLines(temp.resolve("out").resolve(EvaluationErrors.CSV_FILE)).get(0));
        assertEquals(List.of("alliance-bond fp  394 trust Trust", "alliance-bond fn  423  ", "alliance-bond fn  634  ",
                        "alliance-bond fn  820  ", "depression attribute-fp negated 740 depressed depressed"),
                rows.stream().map(row -> String.join(" ", row.get("concept"), row.get("error"), row.get("attribute"), row.get("start"),
                        row.get("terms"), row.get("matched"))).toList());
        CSVRecord attribute = rows.get(4);
        assertEquals("not", attribute.get("triggers"));
        assertEquals("5/ Patients were not severely depressed in most of the alliance studies I know.", attribute.get("text"));
        assertEquals("depression", attribute.get("found_concepts"));
        assertEquals("true", attribute.get("kept"));
        assertEquals("alliance-bond;working-alliance", rows.get(2).get("gold_concepts"));
    }

    @Test
    void anEmptyConceptBesideAConceptOrWithAnAttributeIsRefused() throws IOException {
        Path gold = temp.resolve("gold.csv");
        Files.writeString(gold, HEADER + PAGE + ",150,194,,false\n" + PAGE + ",150,194,depression,false\n");
        CommandRun both = CommandRun.of(args(gold, temp.resolve("out")));
        assertEquals(1, both.exitCode());
        assertTrue(both.err().contains("line 3: ctx_01_alliance.txt [150, 194) is listed both with an empty concept (coded, no concept, "
                + "line 2) and with concept 'depression'; keep one"), both.err());
        Files.writeString(gold, HEADER + PAGE + ",150,194,depression,false\n" + PAGE + ",150,194,,false\n");
        assertTrue(CommandRun.of(args(gold, temp.resolve("out"))).err().contains("line 3: ctx_01_alliance.txt [150, 194) is listed both with an empty "
                + "concept (coded, no concept) and with concept 'depression' (line 2); keep one"));
        Files.writeString(gold, HEADER + PAGE + ",150,194,,true\n");
        CommandRun attribute = CommandRun.of(args(gold, temp.resolve("out")));
        assertEquals(1, attribute.exitCode());
        assertTrue(attribute.err().contains("line 2: negated is true on a row with an empty concept"), attribute.err());
    }
}
