package org.threadcoder.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agreement between a human coder (gold) and the pipeline, or between two coders, on present/absent
 * judgements: counts, precision, recall, F1, Cohen's kappa and Krippendorff's alpha. Pure functions over
 * counts; no I/O.
 *
 * <p>Conventions: a figure whose denominator is zero is {@link Double#NaN} (undefined, shown as
 * {@code -} or {@code null}); F1 is {@code 2tp / (2tp + fp + fn)}, which equals the harmonic mean of
 * precision and recall when both are defined and is 0 when there is no true positive.
 */
public final class Agreement {

    private Agreement() {
    }

    /**
     * A 2x2 table of judgements.
     *
     * @param truePositives  gold present, predicted present
     * @param falsePositives gold absent, predicted present
     * @param falseNegatives gold present, predicted absent
     * @param trueNegatives  gold absent, predicted absent
     */
    public record Counts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        /** The empty table. */
        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public Counts {
            if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
                throw new IllegalArgumentException("counts must be >= 0, got tp=" + truePositives + " fp=" + falsePositives
                        + " fn=" + falseNegatives + " tn=" + trueNegatives);
            }
        }

        /** The table with one more judgement. */
        public Counts add(boolean gold, boolean predicted) {
            return new Counts(truePositives + (gold && predicted ? 1 : 0), falsePositives + (!gold && predicted ? 1 : 0),
                    falseNegatives + (gold && !predicted ? 1 : 0), trueNegatives + (!gold && !predicted ? 1 : 0));
        }

        /** Cell-wise sum. */
        public Counts plus(Counts other) {
            return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives, trueNegatives + other.trueNegatives);
        }

        /** Items the gold marks present. */
        public int gold() {
            return truePositives + falseNegatives;
        }

        /** Items the pipeline marks present. */
        public int predicted() {
            return truePositives + falsePositives;
        }

        public int total() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        public double precision() {
            return ratio(truePositives, predicted());
        }

        public double recall() {
            return ratio(truePositives, gold());
        }

        /** {@code 2tp / (2tp + fp + fn)}; NaN when both sides mark nothing present. */
        public double f1() {
            return ratio(2.0 * truePositives, 2.0 * truePositives + falsePositives + falseNegatives);
        }

        /**
         * Cohen's kappa, {@code (po - pe) / (1 - pe)} with observed agreement {@code po} and chance agreement
         * {@code pe} from the two sides' marginals. NaN when the table is empty or both sides give every item
         * the same single answer (then {@code pe = 1}).
         */
        public double kappa() {
            double n = total();
            if (n == 0) {
                return Double.NaN;
            }
            double observed = (truePositives + trueNegatives) / n;
            double goldYes = gold() / n;
            double predictedYes = predicted() / n;
            double chance = goldYes * predictedYes + (1 - goldYes) * (1 - predictedYes);
            return chance >= 1 ? Double.NaN : (observed - chance) / (1 - chance);
        }

        /**
         * Krippendorff's alpha for nominal data, two coders, every item coded by both: {@code 1 - Do / De}
         * from the coincidence matrix. With {@code n} items there are {@code N = 2n} values; a disagreeing
         * item adds one coincidence to each of (yes, no) and (no, yes), so
         * {@code alpha = 1 - (N - 1) (fp + fn) / (n_yes n_no)} with {@code n_yes = 2tp + fp + fn} and
         * {@code n_no = 2tn + fp + fn} the values of each kind pooled over both coders. Unlike kappa, chance
         * comes from the pooled values, not each coder's own. NaN when fewer than two items, or when only one
         * value occurs (then {@code n_yes n_no = 0}).
         */
        public double alpha() {
            double values = 2.0 * total();
            double yes = 2.0 * truePositives + falsePositives + falseNegatives;
            double no = 2.0 * trueNegatives + falsePositives + falseNegatives;
            if (total() < 2 || yes * no == 0) {
                return Double.NaN;
            }
            return 1 - (values - 1) * (falsePositives + falseNegatives) / (yes * no);
        }
    }

    /**
     * Per-label and summary agreement over a set of items.
     *
     * @param perLabel        counts per label, in label order
     * @param micro           counts pooled over all labels (its figures are the micro ones)
     * @param macroPrecision  mean precision over the labels where it is defined
     * @param macroRecall     mean recall over the labels where it is defined
     * @param macroF1         mean F1 over the labels (every label has one: each occurs on some side)
     * @param macroKappa      mean kappa over the labels where it is defined
     * @param macroAlpha      mean Krippendorff's alpha over the labels where it is defined
     */
    public record Scores(Map<String, Counts> perLabel, Counts micro, double macroPrecision, double macroRecall, double macroF1,
                         double macroKappa, double macroAlpha) {
        public Scores {
            perLabel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perLabel));
        }
    }

    /**
     * Compares label sets item by item. The labels scored are those present in some gold or predicted set,
     * ordered as in {@code order}, then the others alphabetically. Every item counts for every label
     * (true negatives included), so kappa per label is over all items.
     *
     * @param gold      the gold labels of each item
     * @param predicted the predicted labels of each item, same length and order as {@code gold}
     * @param order     the preferred label order (e.g. the codebook's)
     */
    public static Scores compare(List<? extends Collection<String>> gold, List<? extends Collection<String>> predicted,
                                 List<String> order) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " items but predictions " + predicted.size());
        }
        Set<String> occurring = new TreeSet<>();
        gold.forEach(occurring::addAll);
        predicted.forEach(occurring::addAll);
        Set<String> labels = new LinkedHashSet<>();
        order.stream().filter(occurring::contains).forEach(labels::add);
        labels.addAll(occurring);
        Map<String, Counts> perLabel = new LinkedHashMap<>();
        for (String label : labels) {
            Counts counts = Counts.NONE;
            for (int i = 0; i < gold.size(); i++) {
                counts = counts.add(gold.get(i).contains(label), predicted.get(i).contains(label));
            }
            perLabel.put(label, counts);
        }
        Counts micro = perLabel.values().stream().reduce(Counts.NONE, Counts::plus);
        List<Counts> all = new ArrayList<>(perLabel.values());
        return new Scores(perLabel, micro, mean(all.stream().map(Counts::precision).toList()),
                mean(all.stream().map(Counts::recall).toList()), mean(all.stream().map(Counts::f1).toList()),
                mean(all.stream().map(Counts::kappa).toList()), mean(all.stream().map(Counts::alpha).toList()));
    }

    /** The mean of the defined (non-NaN) values; NaN when there is none. */
    public static double mean(Collection<Double> values) {
        return values.stream().filter(value -> !value.isNaN()).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** {@code numerator / denominator}, NaN when the denominator is 0. */
    public static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
