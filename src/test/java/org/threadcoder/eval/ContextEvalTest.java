package org.threadcoder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;

/**
 * The context attributes measured as a user would: {@code threadcoder eval} on our own therapy pages
 * ({@code context/ctx_*.txt}) against their gold CSV, and on the seed against its gold JSON.
 */
class ContextEvalTest {
    @TempDir
    Path temp;

    private JsonNode eval(String gold, String... inputs) throws IOException {
        String[] args = new String[5 + inputs.length];
        args[0] = "eval";
        args[1] = "--gold";
        args[2] = TestSupport.resource(gold).toString();
        args[3] = "--out";
        args[4] = temp.toString();
        System.arraycopy(inputs, 0, args, 5, inputs.length);
        CommandRun run = CommandRun.of(args);
        System.out.print(run.out());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(temp.resolve("eval.csv")), "eval.csv written");
        return new ObjectMapper().readTree(temp.resolve("eval.json").toFile());
    }

    @Test
    void attributePrecisionAndRecallAtLeast080OnOurPages() throws IOException {
        JsonNode report = eval("context/context.gold.csv");
        int attributeMentions = 0;
        for (JsonNode attribute : report.get("attributes")) {
            String name = attribute.get("attribute").asText();
            double precision = attribute.get("precision").asDouble();
            double recall = attribute.get("recall").asDouble();
            System.out.printf(Locale.ROOT, "context pages, %s: precision %.3f recall %.3f (tp %d fp %d fn %d)%n", name, precision, recall,
                    attribute.get("tp").asInt(), attribute.get("fp").asInt(), attribute.get("fn").asInt());
            assertTrue(precision >= 0.8, name + " precision " + precision);
            assertTrue(recall >= 0.8, name + " recall " + recall);
            if (!name.equals("negated")) {
                attributeMentions += attribute.get("gold").asInt();
            }
        }
        assertEquals(5, report.get("attributes").size(), "negated, hypothetical, uncertain, reported, question");
        assertTrue(attributeMentions + report.get("attributes").get(0).get("gold").asInt() >= 10, "at least 10 attribute mentions in the gold");
    }

    @Test
    void seedNegationFoundAndNoFalseNegation() throws IOException {
        JsonNode report = eval("seed/seed.gold.json");
        JsonNode negated = report.get("attributes").get(0);
        assertEquals("negated", negated.get("attribute").asText());
        assertEquals(1, negated.get("tp").asInt(), "the one gold negation is found");
        assertEquals(0, negated.get("fp").asInt(), "no non-negation is marked negated");
    }
}
