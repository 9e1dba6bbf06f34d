package org.threadcoder.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;

/**
 * How the codebook and the context rules read their values: as a researcher writes them (a number where text is
 * meant, a quoted or decimal number, {@code yes} for true), and a value of the wrong shape named with its line.
 */
class RuleFileValuesTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ContextRules context(String text) throws InputException {
        return ContextRules.read("context.yaml", new ByteArrayInputStream(bytes(text)));
    }

    @Test
    void codebookValuesAreReadAsWritten() throws InputException {
        Codebook codebook = CodebookLoader.read("codebook.yaml", bytes("""
                name: values
                version: 2
                concepts:
                  - id: bond
                    label: 12
                    definition: >
                      Folded
                      text.
                    terms: [no, "yes", 3, trust]
                    near:
                      - groups: [[trust], [therap*]]
                        within: "5"
                      - groups: [[rapport], [therap*]]
                        within: 2.5
                      - groups: [[warmth], [therap*]]
                        within: 0x10
                """));
        assertEquals("2", codebook.version());
        Concept bond = codebook.concepts().get(0);
        assertEquals("12", bond.label());
        assertEquals("Folded text.", bond.definition());
        assertEquals(List.of("no", "yes", "3", "trust"), bond.terms());
        assertEquals(List.of(5, 2, 16), bond.near().stream().map(rule -> rule.within()).toList());
    }

    @Test
    void valuesOfTheWrongShapeAreNamedWithTheirLinesAndAllOfThemAreFound() {
        List<YamlLines.Problem> problems = CodebookLoader.problems(bytes("""
                name: shapes
                concepts:
                  - id: bond
                    label: [Bond]
                    terms: trust
                  - id: goals
                    label: Goals
                    colour: red
                    near:
                      - groups: [[agree*], [goal]]
                        within: five
                      - groups: [[agree*], ~]
                        within: 3
                  -
                  - just a word
                """));
        assertEquals(List.of(
                new YamlLines.Problem(4, "'label' must be a single value, got a list"),
                new YamlLines.Problem(5, "'terms' must be a list, got 'trust' (a list of one is [trust])"),
                new YamlLines.Problem(8, "unknown key 'colour' (known here: definition, label, terms, near, parent, id, requires, exclude)"),
                new YamlLines.Problem(11, "'within' must be a whole number, got 'five'"),
                new YamlLines.Problem(12, "an item of 'groups' is empty"),
                new YamlLines.Problem(14, "an item of 'concepts' is empty"),
                new YamlLines.Problem(15, "an item of 'concepts' must be a mapping of definition, label, terms, near, parent, id, requires, exclude,"
                        + " got 'just a word'")), problems);
    }

    @Test
    void aCodebookThatIsNoMappingOrEmptyIsNamed() {
        assertEquals("codebook.yaml: line 1: the file must be a mapping of version, name, description, concepts; got a list",
                assertThrows(InputException.class, () -> CodebookLoader.read("codebook.yaml", bytes("- a\n- b\n"))).getMessage());
        assertEquals("codebook.yaml: codebook has no concepts",
                assertThrows(InputException.class, () -> CodebookLoader.read("codebook.yaml", bytes("# nothing yet\n"))).getMessage());
        assertEquals("codebook.yaml: line 2: codebook has no concepts",
                assertThrows(InputException.class, () -> CodebookLoader.read("codebook.yaml", bytes("name: x\nconcepts: []\n"))).getMessage());
    }

    @Test
    void contextValuesAreReadAsWritten() throws InputException {
        ContextRules rules = context("""
                version: 3
                terminators: [But, HOWEVER]
                rules:
                  - category: Negated
                    direction: forward
                    scope: "4"
                    verbsEndScope: yes
                    clauseBreaksEndScope: off
                    triggers: [not, no]
                  - category: uncertain
                    direction: both
                    scope: ~
                    verbsEndScope: 0
                    triggers: [may]
                quotations:
                  minWords: 3
                """);
        assertEquals("3", rules.version());
        assertEquals(Set.of("but", "however"), rules.terminators());
        assertEquals(new ContextRules.Rule(ContextRules.Category.NEGATED, ContextRules.Direction.FORWARD, 4, true, false, List.of("not", "no")),
                rules.rules().get(0));
        assertEquals(new ContextRules.Rule(ContextRules.Category.UNCERTAIN, ContextRules.Direction.BOTH, 0, false, true, List.of("may")),
                rules.rules().get(1));
        assertEquals(new ContextRules.Quoting(3, List.of(), 0, List.of()), rules.quoting());
    }

    @Test
    void contextRulesNameTheirFirstProblemAndCountTheRest() {
        InputException refused = assertThrows(InputException.class, () -> context("""
                rules:
                  - category: negated
                    direction: forward
                    scope: four
                    colour: red
                    triggers: not
                """));
        assertEquals("context.yaml: line 4: 'scope' must be a whole number, got 'four' (and 2 more)", refused.getMessage());
        assertEquals("context.yaml: line 2: unknown key 'colour' (known here: version, verbsKeepScope, terminators, negatesNextWord, rules,"
                + " pseudo, quotations)", assertThrows(InputException.class, () -> context("version: 1\ncolour: red\nrules: []\n")).getMessage());
        assertEquals("context.yaml: no context rules", assertThrows(InputException.class, () -> context("version: 1\n")).getMessage());
        assertEquals("context.yaml: unknown category 'negative'", assertThrows(InputException.class,
                () -> context("rules:\n  - category: negative\n    direction: forward\n    triggers: [not]\n")).getMessage());
    }
}
