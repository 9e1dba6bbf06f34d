package org.threadcoder.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threadcoder.eval.Evaluation.AttributeScore;
import org.threadcoder.eval.Evaluation.Result;
import org.threadcoder.eval.GoldStandard.GoldSentence;
import org.threadcoder.output.AtomicFile;
import org.threadcoder.output.CsvTable;
import org.threadcoder.output.RunManifest;

/**
 * Shows an {@link Evaluation.Result}: a table for the console, {@code eval.json} (schema {@value #SCHEMA})
 * and {@code eval.csv} (one row per concept, then the micro and macro rows). Files are written under
 * temporary names and renamed into place; they hold no clock time, so the same run writes the same bytes.
 * Undefined figures (a zero denominator) are {@code -} in the table, {@code null} in JSON and empty in CSV.
 *
 * <p>Attribute figures are over the (gold sentence, concept) pairs the pipeline also found ({@code pairs});
 * {@code gold_true} counts the gold pairs with the attribute among all gold pairs, found or not.
 */
public final class EvaluationReport {
    public static final String SCHEMA = "threadcoder.eval/1";
    public static final String JSON_FILE = "eval.json";
    public static final String CSV_FILE = "eval.csv";
    /**
     * The columns of {@code eval.csv}; {@code scope} is {@code concept}, {@code micro} or {@code macro} (over the units the
     * run kept), or {@code end-to-end} (micro over every gold unit, a lost unit's concepts counted as missed).
     */
    public static final List<String> CSV_COLUMNS = List.of("scope", "concept", "gold", "predicted", "tp", "fp", "fn", "tn",
            "precision", "recall", "f1", "kappa", "alpha");
    private static final int SHOWN_MISSES = 10;
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private EvaluationReport() {
    }

    /** Prints the readable table: concepts, micro and macro, sentences, threads, attributes. */
    public static void print(Result result, PrintWriter out) {
        GoldStandard gold = result.gold();
        String unit = gold.format() == GoldStandard.Format.JSON ? "sentence" : "unit";
        out.printf(Locale.ROOT, "gold %s (%s%s): %d %ss, %d (%s, concept) pairs, attributes %s; %d %s evaluated%n",
                fileName(gold.file()), gold.format(), gold.format() == GoldStandard.Format.CSV ? ", " + gold.rows() + " rows" : "",
                gold.sentences().size(), unit, pairs(gold), unit, gold.attributes().isEmpty() ? "none" : String.join(", ", gold.attributes()),
                result.sources().size(), result.sources().size() == 1 ? "source" : "sources");
        ConceptTable.print(result.concepts(), out);
        long kept = result.units().stream().filter(UnitResult::kept).count();
        out.printf(Locale.ROOT, "units: %d gold units, %d kept by the run (its sentences cover at least half of the unit), %d lost;"
                + " the table is over the kept units%n", result.units().size(), kept, result.units().size() - kept);
        Agreement.Counts endToEnd = result.endToEnd();
        out.printf(Locale.ROOT, "end to end (all %d gold units, a lost unit's concepts counted as missed): micro precision %s recall %s"
                + " f1 %s%n", result.units().size(), figure(endToEnd.precision()), figure(endToEnd.recall()), figure(endToEnd.f1()));
        Evaluation.SentenceScore sentences = result.sentences();
        out.printf(Locale.ROOT, "sentences: %d of %d gold sentences reproduced (%s): %d by span, %d by text; %d produced%n",
                sentences.reproduced(), sentences.gold(), percent(sentences.share()), sentences.bySpan(), sentences.byText(),
                sentences.produced());
        sentences.missed().stream().limit(SHOWN_MISSES).forEach(missed -> out.printf(Locale.ROOT, "  not reproduced: %s \"%s\"%n",
                place(missed), Evaluation.comparable(missed.text())));
        if (sentences.missed().size() > SHOWN_MISSES) {
            out.printf(Locale.ROOT, "  ... and %d more (see %s)%n", sentences.missed().size() - SHOWN_MISSES, JSON_FILE);
        }
        if (result.threads() != null) {
            out.printf(Locale.ROOT, "threads: %d of %d gold threads with the gold metadata; %d produced%n",
                    result.threads().matching(), result.threads().gold(), result.threads().produced());
        }
        if (result.attributes().isEmpty()) {
            out.println("attributes: the gold codes none");
        } else {
            String attributeRow = "%-13s %9s %5s %5s %5s %5s %5s %9s %7s %6s %6s%n";
            out.printf(Locale.ROOT, attributeRow, "attribute", "gold true", "pairs", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "kappa");
            for (AttributeScore score : result.attributes()) {
                Agreement.Counts counts = score.counts();
                out.printf(Locale.ROOT, attributeRow, score.attribute(), score.goldTrue(), counts.total(), counts.truePositives(),
                        counts.falsePositives(), counts.falseNegatives(), counts.trueNegatives(), figure(counts.precision()),
                        figure(counts.recall()), figure(counts.f1()), figure(counts.kappa()));
            }
            out.println("(attributes over the " + result.attributes().get(0).counts().total()
                    + " gold (sentence, concept) pairs the pipeline also found; 'gold true' counts all gold pairs)");
        }
        if (!result.skipped().isEmpty()) {
            out.println("skipped (not named by the gold): " + String.join(", ", result.skipped()));
        }
    }

    /**
     * Writes {@code eval.json} and {@code eval.csv} into {@code folder}; both are renamed into place only once
     * both are whole.
     *
     * @param manifest the codebook, tool version and models of the run
     * @return the two files written
     */
    public static List<Path> write(Result result, RunManifest manifest, Path folder) throws IOException {
        Path jsonPath = folder.resolve(JSON_FILE);
        Path csvPath = folder.resolve(CSV_FILE);
        try (AtomicFile json = new AtomicFile(jsonPath); CsvTable csv = new CsvTable(csvPath, CSV_COLUMNS)) {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            JSON.writer(printer).writeValue(json.writer(), json(result, manifest));
            json.writer().write('\n');
            conceptRows(result.concepts(), csv);
            csv.row(csvRow("end-to-end", "", result.endToEnd()));
            csv.commit();
            json.commit();
        }
        return List.of(jsonPath, csvPath);
    }

    /** The per-concept, micro and macro rows of {@code eval.csv}. */
    static void conceptRows(Agreement.Scores concepts, CsvTable csv) throws IOException {
        for (Map.Entry<String, Agreement.Counts> entry : concepts.perLabel().entrySet()) {
            csv.row(csvRow("concept", entry.getKey(), entry.getValue()));
        }
        csv.row(csvRow("micro", "", concepts.micro()));
        csv.row("macro", "", "", "", "", "", "", "", cell(concepts.macroPrecision()), cell(concepts.macroRecall()),
                cell(concepts.macroF1()), cell(concepts.macroKappa()), cell(concepts.macroAlpha()));
    }

    /** The {@code eval.json} document. */
    static ObjectNode json(Result result, RunManifest manifest) {
        GoldStandard gold = result.gold();
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode run = root.putObject("manifest");
        run.put("tool_version", manifest.toolVersion());
        run.put("codebook_file", manifest.codebookFile());
        run.put("codebook_sha256", manifest.codebookSha256());
        manifest.models().forEach(run.putArray("models")::add);
        ArrayNode sources = run.putArray("sources");
        result.sources().forEach(source -> sources.addObject().put("source", source.source()).put("sha256", source.sha256())
                .put("threads", source.threads()).put("sentences", source.sentences()).put("mentions", source.mentions()));
        ObjectNode goldNode = root.putObject("gold");
        goldNode.put("file", fileName(gold.file()));
        goldNode.put("format", gold.format().name().toLowerCase(Locale.ROOT));
        goldNode.put("rows", gold.rows());
        goldNode.put("sentences", gold.sentences().size());
        goldNode.put("pairs", pairs(gold));
        gold.attributes().forEach(goldNode.putArray("attributes")::add);
        result.skipped().forEach(root.putArray("skipped_inputs")::add);
        Evaluation.SentenceScore sentences = result.sentences();
        ObjectNode sentenceNode = root.putObject("sentences");
        sentenceNode.put("gold", sentences.gold());
        sentenceNode.put("reproduced", sentences.reproduced());
        sentenceNode.put("by_span", sentences.bySpan());
        sentenceNode.put("by_text", sentences.byText());
        sentenceNode.put("produced", sentences.produced());
        put(sentenceNode, "share", sentences.share());
        ArrayNode missed = sentenceNode.putArray("missed");
        sentences.missed().forEach(sentence -> sentenceObject(missed.addObject(), sentence));
        if (result.threads() == null) {
            root.putNull("threads");
        } else {
            root.putObject("threads").put("gold", result.threads().gold()).put("matching", result.threads().matching())
                    .put("produced", result.threads().produced());
        }
        Agreement.Scores concepts = result.concepts();
        ObjectNode conceptNode = root.putObject("concepts");
        ArrayNode perConcept = conceptNode.putArray("per_concept");
        concepts.perLabel().forEach((concept, counts) -> counts(perConcept.addObject().put("concept", concept), counts));
        counts(conceptNode.putObject("micro").put("concepts", concepts.perLabel().size()), concepts.micro());
        ObjectNode macro = conceptNode.putObject("macro").put("concepts", concepts.perLabel().size());
        put(macro, "precision", concepts.macroPrecision());
        put(macro, "recall", concepts.macroRecall());
        put(macro, "f1", concepts.macroF1());
        put(macro, "kappa", concepts.macroKappa());
        put(macro, "alpha", concepts.macroAlpha());
        long kept = result.units().stream().filter(UnitResult::kept).count();
        root.putObject("units").put("gold", result.units().size()).put("kept", kept).put("lost", result.units().size() - kept);
        counts(root.putObject("end_to_end"), result.endToEnd());
        ArrayNode attributes = root.putArray("attributes");
        for (AttributeScore score : result.attributes()) {
            counts(attributes.addObject().put("attribute", score.attribute()).put("gold_true", score.goldTrue())
                    .put("pairs", score.counts().total()), score.counts());
        }
        ArrayNode differences = root.putArray("differences");
        for (Evaluation.Difference difference : result.differences()) {
            ObjectNode node = sentenceObject(differences.addObject(), difference.sentence()).put("kept", difference.kept());
            difference.missed().forEach(node.putArray("missed")::add);
            difference.extra().forEach(node.putArray("extra")::add);
        }
        return root;
    }

    private static ObjectNode sentenceObject(ObjectNode node, GoldSentence sentence) {
        node.put("source", sentence.source()).put("start", sentence.span().start()).put("end", sentence.span().end())
                .put("gold_line", sentence.line()).put("text", sentence.text());
        sentence.concepts().forEach(node.putArray("gold_concepts")::add);
        return node;
    }

    private static void counts(ObjectNode node, Agreement.Counts counts) {
        node.put("gold", counts.gold()).put("predicted", counts.predicted()).put("tp", counts.truePositives())
                .put("fp", counts.falsePositives()).put("fn", counts.falseNegatives()).put("tn", counts.trueNegatives());
        put(node, "precision", counts.precision());
        put(node, "recall", counts.recall());
        put(node, "f1", counts.f1());
        put(node, "kappa", counts.kappa());
        put(node, "alpha", counts.alpha());
    }

    private static List<Object> csvRow(String scope, String concept, Agreement.Counts counts) {
        List<Object> row = new ArrayList<>(List.of(scope, concept, counts.gold(), counts.predicted(), counts.truePositives(),
                counts.falsePositives(), counts.falseNegatives(), counts.trueNegatives()));
        row.addAll(List.of(cell(counts.precision()), cell(counts.recall()), cell(counts.f1()), cell(counts.kappa()), cell(counts.alpha())));
        return row;
    }

    /** A figure rounded to 4 decimals, or null when undefined. */
    static Double rounded(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 10_000) / 10_000.0;
    }

    private static void put(ObjectNode node, String field, double value) {
        Double rounded = rounded(value);
        if (rounded == null) {
            node.putNull(field);
        } else {
            node.put(field, rounded);
        }
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String figure(double value) {
        return ConceptTable.figure(value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static String place(GoldSentence sentence) {
        return sentence.source() + " [" + sentence.span().start() + ", " + sentence.span().end() + ")"
                + (sentence.line() > 0 ? " line " + sentence.line() : "");
    }

    private static int pairs(GoldStandard gold) {
        return gold.sentences().stream().mapToInt(sentence -> sentence.concepts().size()).sum();
    }

    private static String fileName(String file) {
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }
}
