package org.threadcoder.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.TestSupport;
import org.threadcoder.output.RunManifest;

/**
 * The evaluation on the fixtures: the seed page against {@code seed/seed.gold.json} (thresholds asserted), the
 * context pages against {@code context/context.gold.csv} (figures printed; the attribute detector is not finished),
 * and bad gold files.
 */
class EvalSeedTest {
    private static final RunManifest MANIFEST = new RunManifest("test", "codebook.yaml", "0", "context.yaml", "0", List.of());

    @TempDir
    Path temp;

    private static Evaluation.Result evaluate(String goldResource) throws InputException {
        Path goldFile = TestSupport.resource(goldResource);
        GoldStandard gold = GoldStandard.read(goldFile, TestSupport.codebook().ids());
        List<Pipeline.Input> inputs = Evaluation.defaultInputs(gold, goldFile, Path.of("seeds"));
        return new Evaluation(TestSupport.pipeline()).evaluate(gold, inputs);
    }

    private static String table(Evaluation.Result result) {
        StringWriter text = new StringWriter();
        EvaluationReport.print(result, new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void seedMeetsTheThresholds() throws Exception {
        Evaluation.Result result = evaluate("seed/seed.gold.json");
        String table = table(result);
        System.out.println("eval seed/seed.gold.json:\n" + table);
        assertEquals(GoldStandard.Format.JSON, result.gold().format());
        assertEquals(65, result.sentences().gold());
        assertEquals(List.of("negated"), result.gold().attributes());
        assertTrue(result.sentences().reproduced() >= 60, "sentences reproduced " + result.sentences().reproduced() + " of 65");
        double micro = result.concepts().micro().f1();
        double macro = result.concepts().macroF1();
        assertTrue(micro >= 0.95, "micro F1 " + micro);
        assertTrue(macro >= 0.80, "macro F1 " + macro);
        assertEquals(7, result.threads().gold());
        // the seed's one negation is found, and no other mention of it is taken for negated
        Evaluation.AttributeScore negated = result.attributes().get(0);
        assertEquals(1, negated.goldTrue());
        assertEquals(1, negated.counts().truePositives(), "negations found");
        assertEquals(0, negated.counts().falsePositives(), "mentions wrongly negated");
        assertTrue(table.contains("micro (") && table.contains("macro (") && table.contains("sentences: ") && table.contains("negated"), table);
    }

    @Test
    void contextCsvGoldIsReadAndEvaluated() throws Exception {
        Evaluation.Result result = evaluate("context/context.gold.csv");
        System.out.println("eval context/context.gold.csv:\n" + table(result));
        GoldStandard gold = result.gold();
        assertEquals(GoldStandard.Format.CSV, gold.format());
        assertEquals(82, gold.rows(), "75 (sentence, concept) rows and 7 sentences coded with no concept");
        assertEquals(52, gold.sentences().size(), "distinct (source, start, end) spans");
        assertEquals(7, gold.sentences().stream().filter(sentence -> sentence.concepts().isEmpty()).count());
        assertEquals(GoldStandard.ATTRIBUTES, gold.attributes());
        assertEquals(List.of("ctx_01_alliance.txt", "ctx_02_evidence.txt", "ctx_03_privacy.txt"), List.copyOf(gold.sources().keySet()));
        assertEquals(75, gold.sentences().stream().mapToInt(sentence -> sentence.concepts().size()).sum());
        assertEquals(6, gold.sentences().stream().mapToLong(sentence -> sentence.attributes().get("negated").size()).sum());
        assertEquals(11, gold.sentences().stream().mapToLong(sentence -> sentence.attributes().get("reported").size()).sum());
        assertEquals(5, result.attributes().size());
        assertEquals(6, result.attributes().get(0).goldTrue());
        assertEquals(null, result.threads());
        assertEquals(3, result.sources().size());
    }

    @Test
    void writesTheSameFilesTwice() throws Exception {
        Evaluation.Result result = evaluate("seed/seed.gold.json");
        List<Path> first = EvaluationReport.write(result, MANIFEST, temp.resolve("a"));
        List<Path> second = EvaluationReport.write(evaluate("seed/seed.gold.json"), MANIFEST, temp.resolve("b"));
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).toString());
        }
        JsonNode json = new ObjectMapper().readTree(first.get(0).toFile());
        assertEquals(EvaluationReport.SCHEMA, json.get("schema").asText());
        assertEquals(result.concepts().perLabel().size(), json.get("concepts").get("per_concept").size());
        assertNotNull(json.get("concepts").get("micro").get("tn"));
        List<String> lines = Files.readAllLines(first.get(1), StandardCharsets.UTF_8);
        assertEquals(String.join(",", EvaluationReport.CSV_COLUMNS), lines.get(0));
        assertEquals(1 + result.concepts().perLabel().size() + 3, lines.size());
        assertTrue(lines.get(lines.size() - 3).startsWith("micro,") && lines.get(lines.size() - 2).startsWith("macro,")
                && lines.get(lines.size() - 1).startsWith("end-to-end,"), lines.toString());
        try (var listing = Files.list(temp.resolve("a"))) {
            assertEquals(2, listing.count(), "no temporary file left");
        }
    }

    @Test
    void badGoldNamesFileAndLine() throws IOException {
        List<String> ids = TestSupport.codebook().ids();
        assertMessage("line 3: start and end must be", "source,start,end,concept,negated\r\nx.txt,0,5,depression,false\r\nx.txt,a,5,depression,false\r\n", ids);
        assertMessage("line 2: concept 'no-such-concept' is not in the codebook", "source,start,end,concept,negated\nx.txt,0,5,no-such-concept,false\n", ids);
        assertMessage("line 2: negated must be true or false", "source,start,end,concept,negated\nx.txt,0,5,depression,maybe\n", ids);
        assertMessage("line 3: concept 'depression' given twice", "source,start,end,concept,negated\nx.txt,0,5,depression,false\nx.txt,0,5,depression,true\n", ids);
        assertMessage("line 2: a sentence span must have start < end", "source,start,end,concept,negated\nx.txt,5,5,depression,false\n", ids);
        assertMessage("line 1: column 'colour' unknown", "source,start,end,concept,negated,colour\n", ids);
        assertMessage("line 1: neither a JSON gold object", "hello,world\n1,2\n", ids);
        assertMessage("line 1: no gold sentences", "source,start,end,concept,negated\r\n", ids);
        assertMessage("line 2: has 4 fields", "source,start,end,concept,negated\nx.txt,0,5,depression\n", ids);
        assertMessage("line 3: malformed JSON", "{\n \"source\": \"x.txt\",\n \"threads\": [,]\n}\n", ids);
        assertMessage("line 4: negated lists 'depression'", "{\"source\": \"x.txt\", \"threads\": [{\n \"sentences\": [\n"
                + "  {\"start\": 0, \"end\": 4, \"concepts\": []},\n  {\"start\": 5, \"end\": 9, \"concepts\": [], \"negated\": [\"depression\"]}\n]}]}\n", ids);
        assertMessage("line 3: unknown field 'negatd'", "{\"source\": \"x.txt\", \"threads\": [{\n \"sentences\": [\n"
                + "  {\"start\": 0, \"end\": 4, \"concepts\": [], \"negatd\": []}\n]}]}\n", ids);
        Path missing = temp.resolve("gold.csv");
        assertThrows(InputException.class, () -> GoldStandard.read(missing, ids));
    }

    @Test
    void goldSpansMustFitTheSource() throws Exception {
        Files.copy(TestSupport.seed(), temp.resolve(TestSupport.SEED));
        List<String> ids = TestSupport.codebook().ids();
        Evaluation evaluation = new Evaluation(TestSupport.pipeline());
        Path past = write("past.csv", "source,start,end,concept,negated\n" + TestSupport.SEED + ",76,999999,working-alliance,false\n");
        GoldStandard pastGold = GoldStandard.read(past, ids);
        InputException tooFar = assertThrows(InputException.class,
                () -> evaluation.evaluate(pastGold, Evaluation.defaultInputs(pastGold, past, temp)));
        assertTrue(tooFar.getMessage().contains("line 2:") && tooFar.getMessage().contains("past the end"), tooFar.getMessage());
        Path wrongText = write("text.csv", "source,start,end,concept,negated,text\n" + TestSupport.SEED + ",76,144,working-alliance,false,Not this sentence.\n");
        GoldStandard wrongGold = GoldStandard.read(wrongText, ids);
        InputException differs = assertThrows(InputException.class,
                () -> evaluation.evaluate(wrongGold, Evaluation.defaultInputs(wrongGold, wrongText, temp)));
        assertTrue(differs.getMessage().contains("line 2:") && differs.getMessage().contains("not the gold text"), differs.getMessage());
        Path elsewhere = write("elsewhere.csv", "source,start,end,concept,negated\nnot-there.txt,0,4,depression,false\n");
        GoldStandard elsewhereGold = GoldStandard.read(elsewhere, ids);
        InputException notFound = assertThrows(InputException.class, () -> Evaluation.defaultInputs(elsewhereGold, elsewhere, temp));
        assertTrue(notFound.getMessage().contains("line 2: source 'not-there.txt'"), notFound.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private void assertMessage(String expected, String content, List<String> ids) throws IOException {
        Path file = write("gold-" + Integer.toHexString(content.hashCode()), content);
        InputException bad = assertThrows(InputException.class, () -> GoldStandard.read(file, ids), content);
        assertTrue(bad.getMessage().startsWith(file + ": ") && bad.getMessage().contains(expected), bad.getMessage());
    }
}
