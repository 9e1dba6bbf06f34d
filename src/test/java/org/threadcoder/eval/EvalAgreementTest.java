package org.threadcoder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadcoder.eval.Agreement.Counts;

/** The agreement figures on small tables computed by hand. */
class EvalAgreementTest {
    private static final double CLOSE = 1e-9;

    @Test
    void perfectAgreementHasKappaOneAndF1One() {
        Counts perfect = new Counts(3, 0, 0, 7);
        assertEquals(1.0, perfect.kappa(), CLOSE);
        assertEquals(1.0, perfect.f1(), CLOSE);
        assertEquals(1.0, perfect.precision(), CLOSE);
        assertEquals(1.0, perfect.recall(), CLOSE);
    }

    @Test
    void kappaOfAKnownTable() {
        // 50 items: both yes 20, coder yes / pipeline no 10, coder no / pipeline yes 5, both no 15.
        // po = 35/50 = 0.7; pe = (25*30 + 25*20) / 2500 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4
        Counts table = new Counts(20, 5, 10, 15);
        assertEquals(0.4, table.kappa(), CLOSE);
        assertEquals(20 / 25.0, table.precision(), CLOSE);
        assertEquals(20 / 30.0, table.recall(), CLOSE);
        assertEquals(2 * 0.8 * (2 / 3.0) / (0.8 + 2 / 3.0), table.f1(), CLOSE);
        assertEquals(30, table.gold());
        assertEquals(25, table.predicted());
        assertEquals(50, table.total());
    }

    @Test
    void kappaBelowChanceIsNegative() {
        // always disagreeing on a balanced table: po = 0, pe = 0.5, kappa = -1
        assertEquals(-1.0, new Counts(0, 5, 5, 0).kappa(), CLOSE);
    }

    @Test
    void undefinedFiguresAreNaN() {
        Counts neverPredicted = new Counts(0, 0, 4, 6);
        assertTrue(Double.isNaN(neverPredicted.precision()));
        assertEquals(0.0, neverPredicted.recall(), CLOSE);
        assertEquals(0.0, neverPredicted.f1(), CLOSE);
        assertEquals(0.0, neverPredicted.kappa(), CLOSE);
        assertTrue(Double.isNaN(new Counts(0, 0, 0, 10).f1()));
        assertTrue(Double.isNaN(new Counts(0, 0, 0, 10).kappa()), "both sides constant: kappa undefined");
        assertTrue(Double.isNaN(Counts.NONE.kappa()));
        assertThrows(IllegalArgumentException.class, () -> new Counts(-1, 0, 0, 0));
    }

    @Test
    void krippendorffsAlphaOfHisBinaryExample() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", two observers, ten units, values 0/1:
        // A 0 1 0 0 0 0 0 0 1 0, B 1 1 1 0 0 1 0 0 0 0 -> both 1 once, A0/B1 three times, A1/B0 once, both 0 five times;
        // n_yes = 2 + 4 = 6, n_no = 10 + 4 = 14, N = 20: alpha = 1 - 19 * 4 / (6 * 14) = 0.095
        assertEquals(1 - 19.0 * 4 / (6 * 14), new Counts(1, 3, 1, 5).alpha(), CLOSE);
        assertEquals(0.095, new Counts(1, 3, 1, 5).alpha(), 0.0005);
        // the hand example above: n_yes = 40 + 15 = 55, n_no = 30 + 15 = 45, N = 100
        assertEquals(1 - 99.0 * 15 / (55 * 45), new Counts(20, 5, 10, 15).alpha(), CLOSE);
        assertEquals(1.0, new Counts(3, 0, 0, 7).alpha(), CLOSE);
        assertTrue(Double.isNaN(new Counts(0, 0, 0, 10).alpha()), "one value only: alpha undefined");
        assertTrue(Double.isNaN(new Counts(1, 0, 0, 0).alpha()), "one unit: alpha undefined");
        // alpha is symmetric in the two coders; kappa and alpha stay close when the two coders' marginals agree
        assertEquals(new Counts(1, 3, 1, 5).alpha(), new Counts(1, 1, 3, 5).alpha(), CLOSE);
        assertEquals(new Counts(8, 2, 2, 88).kappa(), new Counts(8, 2, 2, 88).alpha(), 0.01);
    }

    @Test
    void countsAccumulate() {
        Counts counts = Counts.NONE.add(true, true).add(false, true).add(true, false).add(false, false).add(true, true);
        assertEquals(new Counts(2, 1, 1, 1), counts);
        assertEquals(new Counts(4, 2, 2, 2), counts.plus(counts));
    }

    @Test
    void compareScoresPerLabelMicroAndMacro() {
        // four items; labels a, b (c only predicted)
        List<Set<String>> gold = List.of(Set.of("a"), Set.of("a", "b"), Set.of(), Set.of("b"));
        List<Set<String>> predicted = List.of(Set.of("a"), Set.of("a"), Set.of("c"), Set.of("b"));
        Agreement.Scores scores = Agreement.compare(gold, predicted, List.of("b", "a", "z"));
        assertEquals(List.of("b", "a", "c"), List.copyOf(scores.perLabel().keySet()), "codebook order, then the rest sorted");
        assertEquals(new Counts(2, 0, 0, 2), scores.perLabel().get("a"));
        assertEquals(new Counts(1, 0, 1, 2), scores.perLabel().get("b"));
        assertEquals(new Counts(0, 1, 0, 3), scores.perLabel().get("c"));
        assertEquals(new Counts(3, 1, 1, 7), scores.micro());
        assertEquals(0.75, scores.micro().f1(), CLOSE);
        // macro F1: mean of a 1, b 2/3, c 0
        assertEquals((1 + 2 / 3.0 + 0) / 3, scores.macroF1(), CLOSE);
        // macro precision over a 1, b 1, c 0; macro recall over a 1, b 0.5 (c undefined, left out)
        assertEquals(2 / 3.0, scores.macroPrecision(), CLOSE);
        assertEquals(0.75, scores.macroRecall(), CLOSE);
        // kappa: a 1; b po=3/4, pe=(1*2+3*2)/16=0.5, kappa 0.5; c po=3/4, pe=(1*0+3*4)/16=0.75, kappa 0
        assertEquals(0.5, scores.perLabel().get("b").kappa(), CLOSE);
        assertEquals(0.0, scores.perLabel().get("c").kappa(), CLOSE);
        assertEquals(0.5, scores.macroKappa(), CLOSE);
    }

    @Test
    void compareNeedsOnePredictionPerItem() {
        assertThrows(IllegalArgumentException.class, () -> Agreement.compare(List.of(Set.of("a")), List.of(), List.of()));
        assertTrue(Agreement.compare(List.of(), List.of(), List.of("a")).perLabel().isEmpty());
        assertTrue(Double.isNaN(Agreement.compare(List.of(), List.of(), List.of("a")).macroF1()));
    }

    @Test
    void comparableTextDropsMarkersAndFoldsWhiteSpace() {
        assertEquals("There is attachment", Evaluation.comparable("1. There is attachment"));
        assertEquals("sessions, which is", Evaluation.comparable("sessions,\n2/ which  is"));
        assertEquals("Start here", Evaluation.comparable("1/ Start here /3"));
        assertEquals("Keycap item", Evaluation.comparable("1\uFE0F\u20E3 Keycap item"));
        assertEquals("Counted form", Evaluation.comparable("2/7 Counted\tform"));
        assertEquals("#2 is the tough one. 3.5 stays", Evaluation.comparable("#2 is the tough one. 3.5 stays"));
    }
}
