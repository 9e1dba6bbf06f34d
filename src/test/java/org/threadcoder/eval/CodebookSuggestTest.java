package org.threadcoder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.cli.CommandRun;

/**
 * {@code codebook suggest} on our own page with the small test codebook, which has "trust" but not "bond" for
 * alliance-bond: the gold of {@link EvalGoldRulesTest} codes the bond in two units that say "the bond".
 */
class CodebookSuggestTest {
    @TempDir
    Path temp;

    private CommandRun suggest(String... more) throws IOException {
        Path gold = temp.resolve("gold.csv");
        Files.writeString(gold, "source,start,end,concept,negated\n" + EvalGoldRulesTest.UNITS);
        List<String> args = new ArrayList<>(List.of(EvalGoldRulesTest.args(gold, temp)));
        args.set(0, "suggest");
        args.add(0, "codebook");
        args.removeAll(List.of("--out", temp.toString()));
        args.addAll(List.of(more));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        System.out.print(run.out());
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    @Test
    void theUncoveredWordOfTheMissedUnitsComesFirstAndTheFalseTermIsNamed() throws IOException {
        CommandRun run = suggest();
        // "bond": in 2 of the 3 units coded alliance-bond (both missed), in none of the 6 others; z by the class comment:
        // prior 2, prior total 9: ln(4/8) - ln(2/13) = 1.1787, sigma = sqrt(1/4 + 1/2) = 0.8660, z = 1.36
        assertTrue(run.out().matches("(?s).*\nalliance-bond +bond +2 +2 +0 +1\\.00 +1\\.36\n.*"), run.out());
        assertTrue(run.out().contains("\nno phrase for working-alliance, alliance-goals, depression (no uncovered phrase"),
                "every unit coded with these is found: nothing to add");
        assertTrue(run.out().matches("(?s).*\nalliance-bond +trust +1 +0 +0\\.00\n.*"), "trust tagged the unit coded with no concept");
        assertTrue(run.out().contains("nothing was written into the codebook"));
    }

    @Test
    void aPhraseTheCodebookHasIsNeverSuggested() throws IOException {
        CommandRun run = suggest("--min-units", "1", "--top", "50");
        String phraseTable = run.out().substring(0, run.out().indexOf("codebook terms and rules behind false positives"));
        for (String line : phraseTable.lines().toList()) {
            String[] cells = line.split(" {2,}");
            if (cells.length >= 2 && List.of("working-alliance", "alliance-bond", "depression", "alliance-goals").contains(cells[0])) {
                assertTrue(!List.of("rupture", "ruptures", "trust", "depression", "agreement on goals", "working alliance").contains(cells[1]),
                        "suggested a codebook term: " + line);
                assertTrue(!cells[1].startsWith("the ") && !cells[1].endsWith(" the"), "phrase bounded by a function word: " + line);
            }
        }
        assertTrue(run.out().matches("(?s).*\nalliance-bond +deepen +1 +1 +0 .*"), run.out());
    }

    @Test
    void scoreOfAKnownTable() {
        assertEquals(1.3610, CodebookSuggestions.z(2, 3, 0, 6), 1e-4);
        // the same share in twice the units scores higher: more evidence
        assertTrue(CodebookSuggestions.z(4, 6, 0, 12) > CodebookSuggestions.z(2, 3, 0, 6));
        // a phrase as common among the other units as among the coded ones scores 0
        assertEquals(0.0, CodebookSuggestions.z(2, 10, 4, 20), 1e-9);
    }
}
