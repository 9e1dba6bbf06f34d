package org.threadcoder.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadcoder.InputException;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;

/** A codebook's mistakes are all named with their lines: YAML aliases, unknown keys, bad ids, parents, duplicates. */
class CodebookErrorsTest {

    @Test
    void anchorsAndAliasesAreRefusedWithTheirLines() {
        Path file = TestSupport.resource("codebook/aliases.yaml");
        InputException refused = assertThrows(InputException.class, () -> CodebookLoader.load(file));
        assertEquals(file + ": line 7: YAML anchor '&kind' is not allowed in a rule file: write each value out\n"
                + file + ": line 10: YAML alias '*kind' is not allowed in a rule file: write the value out", refused.getMessage());
        CommandRun run = CommandRun.of("run", TestSupport.seed().toString(), "--codebook", file.toString(), "--out", "target/never-written");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith(file + ": line 7: YAML anchor"), run.err());
    }

    @Test
    void everyErrorNamesItsLineAndTheFirstFiveAreShown() {
        Path file = TestSupport.resource("codebook/many-errors.yaml");
        InputException refused = assertThrows(InputException.class, () -> CodebookLoader.load(file));
        List<String> lines = refused.getMessage().lines().toList();
        System.out.println("codebook errors as shown:\n" + refused.getMessage());
        assertEquals(6, lines.size(), refused.getMessage());
        assertEquals(file + ": line 5: concept id must be lower-case words joined by '-', got 'Alliance'", lines.get(0));
        assertEquals(file + ": line 8: concept goals needs a label", lines.get(1));
        assertTrue(lines.get(2).startsWith(file + ": line 9: unknown key 'termz' (known here: "), lines.get(2));
        assertEquals(file + ": line 12: concept 'tasks' has unknown parent 'alliances'", lines.get(3));
        assertEquals(file + ": line 16: a near rule needs exactly two non-empty word groups, got [[trust]]", lines.get(4));
        assertEquals(file + ": 3 more (threadcoder codebook check lists them all)", lines.get(5));
        List<YamlLines.Problem> all = CodebookLoader.problems(TestSupport.read(file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(5, 8, 9, 12, 16, 19, 24, 26), all.stream().map(YamlLines.Problem::line).toList(), all.toString());
    }

    @Test
    void theCheckCommandListsEveryError() {
        String file = TestSupport.resource("codebook/many-errors.yaml").toString();
        CommandRun check = CommandRun.of("codebook", "check", file);
        assertEquals(1, check.exitCode());
        for (String expected : List.of(":5: error: concept id must be", ":9: error: unknown key 'termz'", ":12: error: concept 'tasks' has unknown parent 'alliances'",
                ":19: error: duplicate concept id 'tasks' (first on line 10)", ":24: error: unknown key 'colour'", ":26: error: concept repair needs a label")) {
            assertTrue(check.err().contains(file + expected), expected + " in:\n" + check.err());
        }
        CommandRun aliases = CommandRun.of("codebook", "check", TestSupport.resource("codebook/aliases.yaml").toString());
        assertTrue(aliases.err().contains(":10: error: YAML alias '*kind'"), aliases.err());
    }
    /** A rule word the tokenizer would cut ("follow-up" is "follow" and "up") would match each part alone: refused, with its line. */
    @Test
    void ruleWordsTheTokenizerWouldCutAreRefusedWithTheirLines() throws Exception {
        String yaml = """
                name: cut words
                concepts:
                  - id: research
                    label: Research
                    terms: [results]
                    requires:
                      - words: [study, follow-up]
                  - id: outcome
                    label: Outcome
                    terms: [outcome]
                    near:
                      - groups: [[helped], [therapy, anti-depressant*]]
                        within: 4
                """;
        List<YamlLines.Problem> problems = CodebookLoader.problems(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(6, 11), problems.stream().map(YamlLines.Problem::line).toList(), problems.toString());
        assertEquals("a 'requires' context word is one word, got 'follow-up' (words are cut at spaces, '-', '/' and '&': "
                + "list each word on its own, or make the phrase a term)", problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith("a near rule's group word is one word, got 'anti-depressant*'"), problems.get(1).message());
    }
}
