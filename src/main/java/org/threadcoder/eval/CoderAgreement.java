package org.threadcoder.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.threadcoder.eval.GoldStandard.GoldSentence;
import org.threadcoder.model.Span;
import org.threadcoder.output.CsvTable;

/**
 * Agreement between two human coders, in the table {@code eval} prints for the tool against a coder, so that
 * coder–coder and tool–coder agreement can be reported side by side. Units are matched by source and span; a
 * unit only one coder lists was not seen by the other and is not scored (the CSV gold rule). The first coder
 * stands where {@code eval} has the gold: precision is the share of the second coder's (unit, concept) pairs the
 * first also has, recall the share of the first's the second has; kappa and alpha do not depend on the order.
 */
public final class CoderAgreement {
    public static final String CSV_FILE = "agreement.csv";

    /**
     * The comparison.
     *
     * @param first      the first coder's coding (the {@code --gold} file)
     * @param second     the second coder's ({@code --against})
     * @param shared     the units both coded, pairs of (first's, second's) in the first's order
     * @param onlyFirst  units only the first coder lists
     * @param onlySecond units only the second coder lists
     * @param concepts   per concept agreement over the shared units
     * @param attributes per attribute both code, over the (unit, concept) pairs both coded with the concept
     */
    public record Result(GoldStandard first, GoldStandard second, List<GoldSentence[]> shared, int onlyFirst, int onlySecond,
                         Agreement.Scores concepts, List<Evaluation.AttributeScore> attributes) {
        public Result {
            shared = List.copyOf(shared);
            attributes = List.copyOf(attributes);
        }
    }

    private record Place(String source, Span span) {
    }

    private CoderAgreement() {
    }

    /**
     * Compares two codings unit by unit.
     *
     * @param order the preferred concept order (the codebook's)
     */
    public static Result compare(GoldStandard first, GoldStandard second, List<String> order) {
        Map<String, String> sourceNames = sourceNames(first, second);
        Map<Place, GoldSentence> secondUnits = new LinkedHashMap<>();
        second.sentences().forEach(unit -> secondUnits.put(new Place(unit.source(), unit.span()), unit));
        List<GoldSentence[]> shared = new ArrayList<>();
        Set<Place> matched = new HashSet<>();
        int onlyFirst = 0;
        for (GoldSentence unit : first.sentences()) {
            Place place = new Place(sourceNames.getOrDefault(unit.source(), unit.source()), unit.span());
            GoldSentence other = secondUnits.get(place);
            if (other == null) {
                onlyFirst++;
            } else {
                shared.add(new GoldSentence[] {unit, other});
                matched.add(place);
            }
        }
        Agreement.Scores concepts = Agreement.compare(shared.stream().map(pair -> pair[0].concepts()).toList(),
                shared.stream().map(pair -> pair[1].concepts()).toList(), order);
        List<Evaluation.AttributeScore> attributes = new ArrayList<>();
        for (String attribute : first.attributes()) {
            if (!second.attributes().contains(attribute)) {
                continue;
            }
            int firstTrue = 0;
            Agreement.Counts counts = Agreement.Counts.NONE;
            for (GoldSentence[] pair : shared) {
                for (String concept : pair[0].concepts()) {
                    firstTrue += pair[0].has(attribute, concept) ? 1 : 0;
                    if (pair[1].concepts().contains(concept)) {
                        counts = counts.add(pair[0].has(attribute, concept), pair[1].has(attribute, concept));
                    }
                }
            }
            attributes.add(new Evaluation.AttributeScore(attribute, firstTrue, counts));
        }
        return new Result(first, second, shared, onlyFirst, secondUnits.size() - matched.size(), concepts, attributes);
    }

    /**
     * The second coder's name for each of the first coder's sources: the same name, else the one source with the
     * same file name (one coder may give {@code pages/a.txt}, the other {@code a.txt}).
     */
    private static Map<String, String> sourceNames(GoldStandard first, GoldStandard second) {
        Map<String, List<String>> byFileName = new HashMap<>();
        second.sources().keySet().forEach(source -> byFileName.computeIfAbsent(fileName(source), unused -> new ArrayList<>()).add(source));
        Map<String, String> names = new HashMap<>();
        for (String source : first.sources().keySet()) {
            List<String> candidates = byFileName.getOrDefault(fileName(source), List.of());
            if (!second.sources().containsKey(source) && candidates.size() == 1) {
                names.put(source, candidates.get(0));
            }
        }
        return names;
    }

    private static String fileName(String source) {
        Path name = Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }

    /** Prints the comparison: which units were compared, the concept table, the attribute table. */
    public static void print(Result result, PrintWriter out) {
        out.printf(Locale.ROOT, "coder A %s (%s, %d units), coder B %s (%s, %d units): %d units coded by both are compared; %d only A "
                        + "and %d only B coded are not scored%n", fileName(result.first().file()), result.first().format(),
                result.first().sentences().size(), fileName(result.second().file()), result.second().format(),
                result.second().sentences().size(), result.shared().size(), result.onlyFirst(), result.onlySecond());
        out.println("(A stands where eval has the gold: precision is the share of B's pairs A has, recall the share of A's B has)");
        ConceptTable.print(result.concepts(), out);
        if (result.attributes().isEmpty()) {
            out.println("attributes: the two coders code none in common");
            return;
        }
        String row = "%-13s %6s %5s %5s %5s %5s %5s %9s %7s %6s %6s %6s%n";
        out.printf(Locale.ROOT, row, "attribute", "A true", "pairs", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "kappa", "alpha");
        for (Evaluation.AttributeScore score : result.attributes()) {
            Agreement.Counts counts = score.counts();
            out.printf(Locale.ROOT, row, score.attribute(), score.goldTrue(), counts.total(), counts.truePositives(), counts.falsePositives(),
                    counts.falseNegatives(), counts.trueNegatives(), ConceptTable.figure(counts.precision()),
                    ConceptTable.figure(counts.recall()), ConceptTable.figure(counts.f1()), ConceptTable.figure(counts.kappa()),
                    ConceptTable.figure(counts.alpha()));
        }
        out.println("(attributes over the (unit, concept) pairs both coders coded with the concept; 'A true' counts A's pairs with the attribute in the units both coded)");
    }

    /** Writes {@code agreement.csv} (the columns of {@code eval.csv}) into {@code folder}. */
    public static Path write(Result result, Path folder) throws IOException {
        Path target = folder.resolve(CSV_FILE);
        try (CsvTable csv = new CsvTable(target, EvaluationReport.CSV_COLUMNS)) {
            EvaluationReport.conceptRows(result.concepts(), csv);
            csv.commit();
        }
        return target;
    }
}
