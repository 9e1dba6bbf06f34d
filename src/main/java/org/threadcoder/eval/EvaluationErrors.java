package org.threadcoder.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.threadcoder.eval.GoldStandard.GoldSentence;
import org.threadcoder.model.Context;
import org.threadcoder.model.Mention;
import org.threadcoder.output.CsvTable;

/**
 * Every disagreement of an {@link Evaluation.Result}, one a (gold unit, concept): a false positive with the
 * codebook terms or rules that fired and the words they matched, a false negative with what the tool found
 * there instead (or that the reader lost the unit), and, on the (unit, concept) pairs both sides found, each
 * context attribute the two sides set differently with the trigger words. So a researcher sees what to change.
 */
public final class EvaluationErrors {
    public static final String CSV_FILE = "errors.csv";
    /** The columns of {@code errors.csv} (see the README, {@code eval --errors}). */
    public static final List<String> CSV_COLUMNS = List.of("concept", "error", "attribute", "source", "start", "end", "gold_line",
            "kept", "terms", "matched", "triggers", "gold_concepts", "found_concepts", "text");

    /** What kind of disagreement. */
    public enum Kind {
        FALSE_POSITIVE("fp", "FP"), FALSE_NEGATIVE("fn", "FN"), ATTRIBUTE_FALSE_POSITIVE("attribute-fp", "+"),
        ATTRIBUTE_FALSE_NEGATIVE("attribute-fn", "-");

        private final String id;
        private final String mark;

        Kind(String id, String mark) {
            this.id = id;
            this.mark = mark;
        }

        /** The {@code error} column's value. */
        public String id() {
            return id;
        }
    }

    /**
     * One disagreement.
     *
     * @param concept   the concept
     * @param kind      what went wrong
     * @param attribute the context attribute for an attribute error, else empty
     * @param unit      the gold unit and what the pipeline found there
     * @param mentions  the mentions behind it: of the concept (a false positive; an attribute error, the ones with
     *                  the attribute for an attribute false positive), or none (a false negative)
     */
    public record UnitError(String concept, Kind kind, String attribute, UnitResult unit, List<Mention> mentions) {
        public UnitError {
            mentions = List.copyOf(mentions);
        }

        /** The distinct terms or rules that fired, in text order. */
        public List<String> terms() {
            return mentions.stream().map(Mention::term).distinct().toList();
        }

        /** The distinct non-empty trigger words of the mentions. */
        public List<String> triggers() {
            return mentions.stream().map(mention -> mention.context().trigger()).filter(trigger -> !trigger.isEmpty()).distinct().toList();
        }
    }

    private EvaluationErrors() {
    }

    /** The disagreements, grouped by concept in the order of the result's table, then by kind, then in gold order. */
    public static List<UnitError> of(Evaluation.Result result) {
        List<UnitError> errors = new ArrayList<>();
        for (UnitResult unit : result.units()) {
            GoldSentence gold = unit.unit();
            Map<String, Context> found = unit.kept() ? unit.concepts() : Map.of();
            found.keySet().stream().filter(concept -> !gold.concepts().contains(concept))
                    .forEach(concept -> errors.add(new UnitError(concept, Kind.FALSE_POSITIVE, "", unit, unit.mentionsOf(concept))));
            for (String concept : gold.concepts()) {
                if (!found.containsKey(concept)) {
                    errors.add(new UnitError(concept, Kind.FALSE_NEGATIVE, "", unit, List.of()));
                    continue;
                }
                for (String attribute : result.gold().attributes()) {
                    boolean coded = gold.has(attribute, concept);
                    List<Mention> setting = unit.mentionsOf(concept).stream()
                            .filter(mention -> Evaluation.attribute(mention.context(), attribute)).toList();
                    if (coded && setting.isEmpty()) {
                        errors.add(new UnitError(concept, Kind.ATTRIBUTE_FALSE_NEGATIVE, attribute, unit, unit.mentionsOf(concept)));
                    } else if (!coded && !setting.isEmpty()) {
                        errors.add(new UnitError(concept, Kind.ATTRIBUTE_FALSE_POSITIVE, attribute, unit, setting));
                    }
                }
            }
        }
        List<String> order = new ArrayList<>(result.concepts().perLabel().keySet());
        errors.stream().map(UnitError::concept).filter(concept -> !order.contains(concept)).sorted().distinct().forEach(order::add);
        errors.sort(Comparator.comparingInt((UnitError error) -> order.indexOf(error.concept())).thenComparing(UnitError::kind));
        return errors;
    }

    /** Prints the errors grouped by concept, a heading line with the counts over each group. */
    public static void print(List<UnitError> errors, PrintWriter out) {
        Map<String, List<UnitError>> byConcept = new LinkedHashMap<>();
        errors.forEach(error -> byConcept.computeIfAbsent(error.concept(), unused -> new ArrayList<>()).add(error));
        out.printf(Locale.ROOT, "errors: %d false positives, %d false negatives, %d attribute errors (FP a concept the gold does not have, "
                + "FN one the tool missed; '+' an attribute only the tool set, '-' one only the gold set)%n",
                count(errors, Kind.FALSE_POSITIVE), count(errors, Kind.FALSE_NEGATIVE),
                count(errors, Kind.ATTRIBUTE_FALSE_POSITIVE) + count(errors, Kind.ATTRIBUTE_FALSE_NEGATIVE));
        byConcept.forEach((concept, group) -> {
            out.printf(Locale.ROOT, "%s: %d false positives, %d false negatives, %d attribute errors%n", concept,
                    count(group, Kind.FALSE_POSITIVE), count(group, Kind.FALSE_NEGATIVE),
                    count(group, Kind.ATTRIBUTE_FALSE_POSITIVE) + count(group, Kind.ATTRIBUTE_FALSE_NEGATIVE));
            group.forEach(error -> out.printf(Locale.ROOT, "  %-2s %s%s | %s%n", error.kind.mark + (error.attribute().isEmpty() ? "" : " " + error.attribute()),
                    place(error.unit().unit()), why(error), Evaluation.comparable(error.unit().unit().text())));
        });
    }

    private static String why(UnitError error) {
        return switch (error.kind()) {
            case FALSE_POSITIVE -> ": " + fired(error.mentions());
            case FALSE_NEGATIVE -> error.unit().kept() ? found(error.unit()) : " (unit lost by the reader: no run sentence covers half of it)";
            case ATTRIBUTE_FALSE_POSITIVE -> ": trigger " + quoted(error.triggers()) + " on " + fired(error.mentions());
            case ATTRIBUTE_FALSE_NEGATIVE -> ": no trigger found for " + fired(error.mentions());
        };
    }

    private static String found(UnitResult unit) {
        Set<String> found = unit.concepts().keySet();
        return found.isEmpty() ? " (no concept found)" : " (found " + String.join(", ", found) + ")";
    }

    private static String fired(List<Mention> mentions) {
        return mentions.stream().map(mention -> "term \"" + mention.term() + "\" on \"" + mention.matchedText() + "\"")
                .distinct().collect(Collectors.joining(", "));
    }

    private static String quoted(List<String> words) {
        return words.isEmpty() ? "(none)" : words.stream().map(word -> "\"" + word + "\"").collect(Collectors.joining(", "));
    }

    private static long count(List<UnitError> errors, Kind kind) {
        return errors.stream().filter(error -> error.kind() == kind).count();
    }

    private static String place(GoldSentence unit) {
        return unit.source() + " [" + unit.span().start() + ", " + unit.span().end() + ")" + (unit.line() > 0 ? " line " + unit.line() : "");
    }

    /** Writes {@code errors.csv} into {@code folder} (under a temporary name, renamed when whole). */
    public static Path write(List<UnitError> errors, Path folder) throws IOException {
        Path target = folder.resolve(CSV_FILE);
        try (CsvTable csv = new CsvTable(target, CSV_COLUMNS)) {
            for (UnitError error : errors) {
                GoldSentence unit = error.unit().unit();
                Set<String> matched = new LinkedHashSet<>();
                error.mentions().forEach(mention -> matched.add(mention.matchedText()));
                csv.row(error.concept(), error.kind().id(), error.attribute(), unit.source(), unit.span().start(), unit.span().end(),
                        unit.line(), error.unit().kept(), String.join("; ", error.terms()), String.join("; ", matched),
                        String.join("; ", error.triggers()), String.join(";", unit.concepts().stream().sorted().toList()),
                        String.join(";", error.unit().kept() ? error.unit().concepts().keySet() : Set.of()), unit.text());
            }
            csv.commit();
        }
        return target;
    }
}
