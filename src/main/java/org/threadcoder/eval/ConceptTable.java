package org.threadcoder.eval;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The per-concept agreement table, one layout for tool–coder ({@code eval --gold}) and coder–coder
 * ({@code eval --against}) figures, so the two can be set side by side: the counts, precision, recall, F1,
 * Cohen's kappa and Krippendorff's alpha per concept, then micro (pooled counts) and macro (means) rows.
 */
final class ConceptTable {
    private static final String ROW = "%-26s %5s %5s %5s %5s %9s %7s %6s %6s %6s%n";

    private ConceptTable() {
    }

    static void print(Agreement.Scores scores, PrintWriter out) {
        out.printf(Locale.ROOT, ROW, "concept", "gold", "tp", "fp", "fn", "precision", "recall", "f1", "kappa", "alpha");
        scores.perLabel().forEach((concept, counts) -> row(concept, counts, out));
        int labels = scores.perLabel().size();
        row("micro (" + labels + " concepts)", scores.micro(), out);
        out.printf(Locale.ROOT, ROW, "macro (" + labels + " concepts)", "", "", "", "", figure(scores.macroPrecision()),
                figure(scores.macroRecall()), figure(scores.macroF1()), figure(scores.macroKappa()), figure(scores.macroAlpha()));
    }

    private static void row(String name, Agreement.Counts counts, PrintWriter out) {
        out.printf(Locale.ROOT, ROW, name, counts.gold(), counts.truePositives(), counts.falsePositives(), counts.falseNegatives(),
                figure(counts.precision()), figure(counts.recall()), figure(counts.f1()), figure(counts.kappa()), figure(counts.alpha()));
    }

    static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
