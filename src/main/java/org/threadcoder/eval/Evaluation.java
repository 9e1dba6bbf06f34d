package org.threadcoder.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.eval.GoldStandard.GoldSentence;
import org.threadcoder.eval.GoldStandard.GoldThread;
import org.threadcoder.model.Context;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;

/**
 * Runs a {@link Pipeline} over the sources a gold standard names and measures it against the gold:
 * sentence boundaries, concepts per gold sentence and, for the concepts both sides found, the context
 * attributes. The same gold, inputs and codebook give the same result.
 */
public final class Evaluation {
    private static final Pattern MARKER = Pattern.compile(
            "(?<!\\S)(?:\\d{1,3}/\\d{0,3}|/\\d{1,3}|\\d{1,2}\\x{FE0F}?\\x{20E3}|\\x{1F51F})(?!\\S)");
    private static final Pattern LIST_NUMBER = Pattern.compile("(?m)^[ \\t]*\\d{1,2}[.)](?=\\s)");
    private final Pipeline pipeline;

    public Evaluation(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** A source evaluated: its name, the SHA-256 of its bytes, and what the pipeline made of it. */
    public record SourceRun(String source, String sha256, int threads, int sentences, int mentions) {
    }

    /**
     * How many gold sentences the pipeline reproduced: same span, or else comparable text (see
     * {@link #comparable}) on a pipeline sentence overlapping the gold span.
     *
     * @param gold     gold sentences
     * @param bySpan   reproduced with exactly the gold span
     * @param byText   reproduced with the same comparable text but another span
     * @param produced pipeline sentences in the evaluated sources
     * @param missed   the gold sentences not reproduced, in gold order
     */
    public record SentenceScore(int gold, int bySpan, int byText, int produced, List<GoldSentence> missed) {
        public SentenceScore {
            missed = List.copyOf(missed);
        }

        public int reproduced() {
            return bySpan + byText;
        }

        /** Share of gold sentences reproduced; NaN without gold sentences. */
        public double share() {
            return Agreement.ratio(reproduced(), gold);
        }
    }

    /**
     * One context attribute over the (gold sentence, concept) pairs both sides found.
     *
     * @param attribute    its name ({@code negated}, ...)
     * @param goldTrue     gold pairs with the attribute, found by the pipeline or not
     * @param counts       gold vs pipeline on the pairs both sides found (a pipeline pair has the attribute when
     *                     any of its mentions of the concept in the sentence has it)
     */
    public record AttributeScore(String attribute, int goldTrue, Agreement.Counts counts) {
    }

    /**
     * Thread metadata of a JSON gold: the i-th gold thread of a source against the pipeline's i-th thread.
     *
     * @param gold     gold threads
     * @param produced pipeline threads in the evaluated sources
     * @param matching gold threads whose author, handle, date, date text, tweet count and completeness all agree
     */
    public record ThreadScore(int gold, int produced, int matching) {
    }

    /**
     * A gold unit where the pipeline's concepts differ: the gold concepts it missed and the ones it added; a unit
     * the reader lost ({@code kept} false) misses all its concepts.
     */
    public record Difference(GoldSentence sentence, boolean kept, List<String> missed, List<String> extra) {
    }

    /**
     * Everything measured.
     *
     * @param gold        the gold standard, every sentence with its text (from the source where the gold gives none)
     * @param sources     the sources run, in gold order
     * @param skipped     inputs given that the gold does not name (not run)
     * @param sentences   sentence boundaries
     * @param units       per gold unit, in gold order, whether the run kept it and the mentions inside it
     * @param concepts    concepts per kept gold unit (labels: concept ids; items: the units the run kept)
     * @param endToEnd    the micro counts over every gold unit: {@code concepts}' pooled counts, plus each gold
     *                    concept of a lost unit as a false negative
     * @param attributes  one score per attribute the gold codes, over the kept units' (unit, concept) pairs both
     *                    sides found
     * @param threads     thread metadata, or null when the gold has no threads (CSV)
     * @param differences gold sentences where the concepts differ, in gold order
     */
    public record Result(GoldStandard gold, List<SourceRun> sources, List<String> skipped, SentenceScore sentences,
                         List<UnitResult> units, Agreement.Scores concepts, Agreement.Counts endToEnd, List<AttributeScore> attributes,
                         ThreadScore threads, List<Difference> differences) {
        public Result {
            sources = List.copyOf(sources);
            units = List.copyOf(units);
            skipped = List.copyOf(skipped);
            attributes = List.copyOf(attributes);
            differences = List.copyOf(differences);
        }
    }

    /**
     * The gold rule for comparing sentence texts: tweet markers ({@code 1/}, {@code /3}, {@code 2/7}, keycaps
     * such as {@code 1️⃣}) and list numbers at a line start ({@code 1.}, {@code 2)}) removed, white space folded.
     */
    public static String comparable(String text) {
        String unmarked = MARKER.matcher(LIST_NUMBER.matcher(text).replaceAll(" ")).replaceAll(" ");
        return unmarked.replaceAll("\\s+", " ").strip();
    }

    /**
     * The inputs when none are given: each source the gold names, looked up beside the gold file, then in {@code seeds}.
     *
     * @throws InputException naming the gold file and line when a source is in neither place
     */
    public static List<Pipeline.Input> defaultInputs(GoldStandard gold, Path goldFile, Path seeds) throws InputException {
        Path folder = goldFile.toAbsolutePath().getParent();
        List<Pipeline.Input> inputs = new ArrayList<>();
        for (Map.Entry<String, Integer> source : gold.sources().entrySet()) {
            Path beside = folder.resolve(source.getKey());
            Path seeded = seeds.resolve(source.getKey());
            if (Files.isRegularFile(beside)) {
                inputs.add(new Pipeline.Input(beside, source.getKey()));
            } else if (Files.isRegularFile(seeded)) {
                inputs.add(new Pipeline.Input(seeded, source.getKey()));
            } else {
                throw new InputException(gold.file(), "line " + source.getValue() + ": source '" + source.getKey()
                        + "' is neither beside the gold file nor in " + seeds + "; give the inputs on the command line");
            }
        }
        return inputs;
    }

    /**
     * Runs the pipeline on the inputs the gold names and compares. An input is the one for a gold source when
     * its source name is the gold's, or else its file name is the gold source's file name; inputs the gold does
     * not name are skipped.
     *
     * @throws InputException when a gold source has no input, an input cannot be parsed, or a gold span does not
     *                        fit its source (past the end, or gold text that differs from the source there)
     */
    public Result evaluate(GoldStandard gold, List<Pipeline.Input> inputs) throws InputException {
        Map<String, Pipeline.Input> chosen = choose(gold, inputs);
        List<String> skipped = inputs.stream().filter(input -> !chosen.containsValue(input)).map(Pipeline.Input::source).toList();
        List<SourceRun> sources = new ArrayList<>();
        Map<String, Page> pages = new HashMap<>();
        Map<String, List<TaggedThread>> tagged = new HashMap<>();
        for (Map.Entry<String, Pipeline.Input> entry : chosen.entrySet()) {
            Page page = pipeline.parse(new Pipeline.Input(entry.getValue().path(), entry.getKey()));
            List<TaggedThread> threads = pipeline.process(page);
            pages.put(entry.getKey(), page);
            tagged.put(entry.getKey(), threads);
            sources.add(new SourceRun(entry.getKey(), page.sha256(), threads.size(),
                    threads.stream().mapToInt(thread -> thread.sentences().size()).sum(),
                    threads.stream().mapToInt(thread -> thread.mentions().size()).sum()));
        }
        List<GoldSentence> withText = new ArrayList<>();
        for (GoldSentence sentence : gold.sentences()) {
            Page page = pages.get(sentence.source());
            check(gold, sentence, page);
            withText.add(sentence.text() != null ? sentence : new GoldSentence(sentence.source(), sentence.span(),
                    page.text().slice(sentence.span()), sentence.concepts(), sentence.attributes(), sentence.line()));
        }
        gold = new GoldStandard(gold.file(), gold.format(), gold.attributes(), gold.rows(), gold.sources(), withText, gold.threads());
        List<UnitResult> units = UnitResult.of(gold.sentences(), tagged);
        Agreement.Scores concepts = concepts(units);
        return new Result(gold, sources, skipped, sentences(gold, tagged), units, concepts, endToEnd(concepts, units),
                attributes(gold, units), threads(gold, pages), differences(units));
    }

    private static Map<String, Pipeline.Input> choose(GoldStandard gold, List<Pipeline.Input> inputs) throws InputException {
        Map<String, Pipeline.Input> chosen = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> source : gold.sources().entrySet()) {
            String name = source.getKey();
            String fileName = Path.of(name).getFileName().toString();
            Pipeline.Input input = inputs.stream().filter(candidate -> candidate.source().equals(name)).findFirst()
                    .or(() -> inputs.stream().filter(candidate -> candidate.path().getFileName().toString().equals(fileName)).findFirst())
                    .orElseThrow(() -> new InputException(gold.file(), "line " + source.getValue() + ": source '" + name
                            + "' is not among the inputs"));
            chosen.put(name, input);
        }
        return chosen;
    }

    private static void check(GoldStandard gold, GoldSentence sentence, Page page) throws InputException {
        Span span = sentence.span();
        int length = page.text().codePointLength();
        String where = "line " + sentence.line() + ": " + sentence.source() + " [" + span.start() + ", " + span.end() + ")";
        if (span.end() > length) {
            throw new InputException(gold.file(), where + " is past the end of the source (" + length + " code points)");
        }
        if (sentence.text() != null && !comparable(sentence.text()).equals(comparable(page.text().slice(span)))) {
            String found = comparable(page.text().slice(span));
            throw new InputException(gold.file(), where + " holds '" + (found.length() > 60 ? found.substring(0, 60) + "…" : found)
                    + "', not the gold text (are the offsets code points?)");
        }
    }

    private static SentenceScore sentences(GoldStandard gold, Map<String, List<TaggedThread>> tagged) {
        Map<String, Set<Span>> spans = new HashMap<>();
        Map<String, Map<String, List<Span>>> texts = new HashMap<>();
        int produced = 0;
        for (Map.Entry<String, List<TaggedThread>> source : tagged.entrySet()) {
            for (TaggedThread thread : source.getValue()) {
                for (Sentence sentence : thread.sentences()) {
                    produced++;
                    spans.computeIfAbsent(source.getKey(), unused -> new java.util.HashSet<>()).add(sentence.span());
                    texts.computeIfAbsent(source.getKey(), unused -> new HashMap<>())
                            .computeIfAbsent(comparable(sentence.text()), unused -> new ArrayList<>()).add(sentence.span());
                }
            }
        }
        int bySpan = 0;
        int byText = 0;
        List<GoldSentence> missed = new ArrayList<>();
        for (GoldSentence sentence : gold.sentences()) {
            String text = comparable(sentence.text());
            if (spans.getOrDefault(sentence.source(), Set.of()).contains(sentence.span())) {
                bySpan++;
            } else if (texts.getOrDefault(sentence.source(), Map.of()).getOrDefault(text, List.of()).stream()
                    .anyMatch(span -> span.overlaps(sentence.span()))) {
                byText++;
            } else {
                missed.add(sentence);
            }
        }
        return new SentenceScore(gold.sentences().size(), bySpan, byText, produced, missed);
    }

    /** The value of a named attribute. */
    public static boolean attribute(Context context, String name) {
        return switch (name) {
            case "negated" -> context.negated();
            case "hypothetical" -> context.hypothetical();
            case "uncertain" -> context.uncertain();
            case "reported" -> context.reported();
            case "question" -> context.question();
            default -> throw new IllegalArgumentException("no context attribute '" + name + "'");
        };
    }

    /** Concepts per kept gold unit (a unit the reader lost has no chance to be tagged: see {@link Result#endToEnd()}). */
    private Agreement.Scores concepts(List<UnitResult> units) {
        List<UnitResult> kept = units.stream().filter(UnitResult::kept).toList();
        List<Set<String>> goldSets = kept.stream().map(unit -> Set.copyOf(unit.unit().concepts())).toList();
        List<Set<String>> predicted = kept.stream().map(unit -> unit.concepts().keySet()).toList();
        return Agreement.compare(goldSets, predicted, pipeline.codebook().ids());
    }

    /** The kept units' counts pooled, plus each gold concept of a lost unit as a miss. */
    private static Agreement.Counts endToEnd(Agreement.Scores concepts, List<UnitResult> units) {
        int lostConcepts = units.stream().filter(unit -> !unit.kept()).mapToInt(unit -> unit.unit().concepts().size()).sum();
        Agreement.Counts micro = concepts.micro();
        return new Agreement.Counts(micro.truePositives(), micro.falsePositives(), micro.falseNegatives() + lostConcepts,
                micro.trueNegatives());
    }

    private static List<AttributeScore> attributes(GoldStandard gold, List<UnitResult> units) {
        List<AttributeScore> scores = new ArrayList<>();
        for (String attribute : gold.attributes()) {
            int goldTrue = 0;
            Agreement.Counts counts = Agreement.Counts.NONE;
            for (UnitResult unit : units) {
                Map<String, Context> found = unit.kept() ? unit.concepts() : Map.of();
                for (String concept : unit.unit().concepts()) {
                    goldTrue += unit.unit().has(attribute, concept) ? 1 : 0;
                    Context context = found.get(concept);
                    if (context != null) {
                        counts = counts.add(unit.unit().has(attribute, concept), attribute(context, attribute));
                    }
                }
            }
            scores.add(new AttributeScore(attribute, goldTrue, counts));
        }
        return scores;
    }

    private static ThreadScore threads(GoldStandard gold, Map<String, Page> pages) {
        if (gold.threads().isEmpty()) {
            return null;
        }
        int matching = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (GoldThread expected : gold.threads()) {
            int index = seen.merge(expected.source(), 1, Integer::sum) - 1;
            List<TweetThread> threads = pages.get(expected.source()).threads();
            if (index < threads.size() && agrees(expected, threads.get(index))) {
                matching++;
            }
        }
        int produced = pages.values().stream().mapToInt(page -> page.threads().size()).sum();
        return new ThreadScore(gold.threads().size(), produced, matching);
    }

    private static boolean agrees(GoldThread expected, TweetThread actual) {
        return Objects.equals(expected.author(), actual.author()) && Objects.equals(expected.handle(), actual.handle())
                && Objects.equals(expected.date(), actual.date() == null ? null : actual.date().toString())
                && Objects.equals(expected.dateText(), actual.dateText()) && Objects.equals(expected.tweetCount(), actual.tweetCount())
                && (expected.complete() == null || expected.complete() == actual.complete());
    }

    private static List<Difference> differences(List<UnitResult> units) {
        List<Difference> differences = new ArrayList<>();
        for (UnitResult unit : units) {
            GoldSentence sentence = unit.unit();
            Set<String> predicted = unit.kept() ? unit.concepts().keySet() : Set.of();
            List<String> missed = sentence.concepts().stream().filter(concept -> !predicted.contains(concept)).sorted().toList();
            List<String> extra = predicted.stream().filter(concept -> !sentence.concepts().contains(concept)).toList();
            if (!missed.isEmpty() || !extra.isEmpty()) {
                differences.add(new Difference(sentence, unit.kept(), missed, extra));
            }
        }
        return differences;
    }
}
