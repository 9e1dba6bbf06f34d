package org.threadcoder.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.Mention;
import org.threadcoder.sentences.WordTokenizer;

/**
 * What a gold standard says the codebook lacks, for a person to review (nothing here changes the codebook):
 *
 * <ul>
 *   <li><b>Phrases</b>: per concept, the word-key n-grams (n = 1..3, tokens keyed as tagging keys term words)
 *       that best separate the units coded with the concept from the other units, among those no codebook term
 *       covers and that stand in at least one coded unit the tool did not tag with the concept. The score is the
 *       z-score of the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008) over
 *       unit counts: with {@code a} of the {@code n1} coded units and {@code b} of the {@code n2} other units
 *       holding the phrase, prior {@code α = a + b} (the phrase's units in the whole gold) and {@code α0 = n1 + n2},
 *       {@code δ = ln((a+α)/(n1+α0−a−α)) − ln((b+α)/(n2+α0−b−α))}, {@code σ² = 1/(a+α) + 1/(b+α)},
 *       {@code z = δ/σ}.</li>
 *   <li><b>Terms behind false positives</b>: per codebook term or rule, the units where it tagged a concept the
 *       gold does not have there, and those where it tagged one the gold has.</li>
 * </ul>
 */
public final class CodebookSuggestions {
    private static final int LONGEST = 3;
    private static final Set<String> FUNCTION_WORDS = functionWords();

    /**
     * A phrase proposed for a concept.
     *
     * @param concept the concept
     * @param phrase  the phrase as most often written (lower case)
     * @param keys    its word keys, space-joined
     * @param coded   units coded with the concept that hold it
     * @param missed  of those, the units where the tool did not find the concept
     * @param other   units not coded with the concept that hold it
     * @param z       the score (see the class comment)
     */
    public record Phrase(String concept, String phrase, String keys, int coded, int missed, int other, double z) {
        /** The share of units holding the phrase that are coded with the concept: its precision as a term, roughly. */
        public double share() {
            return coded / (double) (coded + other);
        }
    }

    /**
     * A codebook term or rule that tagged units wrongly.
     *
     * @param concept        the concept it tags
     * @param term           the term or rule, as in {@code mentions.csv}
     * @param falsePositives units where it tagged the concept and the gold does not have it there
     * @param truePositives  units where it tagged the concept and the gold has it
     */
    public record FalseTerm(String concept, String term, int falsePositives, int truePositives) {
    }

    /** Everything found: phrases per concept in codebook order, best first; false-positive terms, most first. */
    public record Suggestions(Map<String, List<Phrase>> phrases, List<FalseTerm> falseTerms, int units) {
    }

    /** A unit's tokens as keys, with the words as written. */
    private record Words(List<String> keys, List<String> written) {
    }

    private CodebookSuggestions() {
    }

    /**
     * @param result    an evaluation (its units carry text, gold concepts and the tool's mentions)
     * @param codebook  the codebook the run used
     * @param tokenizer the tokenizer tagging uses
     * @param termKeys  tagging's keying of term text ({@code Tagger.termKeys})
     * @param top       phrases kept per concept
     * @param minCoded  the fewest coded units a phrase must stand in
     */
    public static Suggestions of(Evaluation.Result result, Codebook codebook, WordTokenizer tokenizer,
                                 Function<String, List<String>> termKeys, int top, int minCoded) {
        if (top < 1 || minCoded < 1) {
            throw new IllegalArgumentException("top and minCoded must be >= 1, got " + top + ", " + minCoded);
        }
        Map<String, List<String>> wordKeys = new HashMap<>();
        Function<String, List<String>> keyOf = word -> wordKeys.computeIfAbsent(word, termKeys);
        Covered covered = new Covered(codebook, termKeys);
        List<Map<String, String>> grams = new ArrayList<>();
        Map<String, Integer> unitsHolding = new HashMap<>();
        Map<String, Map<String, Integer>> writtenForms = new HashMap<>();
        for (UnitResult unit : result.units()) {
            Map<String, String> unitGrams = grams(words(unit.unit().text(), tokenizer, keyOf), covered);
            grams.add(unitGrams);
            unitGrams.forEach((keys, written) -> {
                unitsHolding.merge(keys, 1, Integer::sum);
                writtenForms.computeIfAbsent(keys, unused -> new TreeMap<>()).merge(written, 1, Integer::sum);
            });
        }
        Map<String, List<Phrase>> phrases = new LinkedHashMap<>();
        int units = result.units().size();
        for (Concept concept : codebook.concepts()) {
            List<Integer> codedUnits = new ArrayList<>();
            for (int i = 0; i < units; i++) {
                if (result.units().get(i).unit().concepts().contains(concept.id())) {
                    codedUnits.add(i);
                }
            }
            if (codedUnits.isEmpty()) {
                continue;
            }
            Map<String, int[]> counts = new HashMap<>();
            for (int i : codedUnits) {
                UnitResult unit = result.units().get(i);
                boolean found = unit.kept() && unit.concepts().containsKey(concept.id());
                grams.get(i).keySet().forEach(keys -> {
                    int[] count = counts.computeIfAbsent(keys, unused -> new int[2]);
                    count[0]++;
                    count[1] += found ? 0 : 1;
                });
            }
            List<Phrase> ranked = new ArrayList<>();
            counts.forEach((keys, count) -> {
                if (count[0] >= minCoded && count[1] > 0) {
                    int other = unitsHolding.get(keys) - count[0];
                    double z = z(count[0], codedUnits.size(), other, units - codedUnits.size());
                    if (z > 0) {
                        ranked.add(new Phrase(concept.id(), mostWritten(writtenForms.get(keys)), keys, count[0], count[1], other, z));
                    }
                }
            });
            ranked.sort(Comparator.comparingDouble(Phrase::z).reversed().thenComparing(Phrase::keys));
            phrases.put(concept.id(), List.copyOf(ranked.subList(0, Math.min(top, ranked.size()))));
        }
        return new Suggestions(phrases, falseTerms(result), units);
    }

    /** Prints the two tables: phrases per concept, then the terms behind false positives ({@code top} of them). */
    public static void print(Suggestions suggestions, int top, PrintWriter out) {
        out.printf(Locale.ROOT, "phrases no codebook term covers that separate a concept's coded units from the other units (%d units in all; "
                + "coded: units coded with it holding the phrase; missed: of those, units the tool did not tag with it; other: "
                + "units not coded with it holding the phrase; share: coded / (coded + other); z: log-odds ratio with an informative "
                + "Dirichlet prior, z-scored)%n", suggestions.units());
        String row = "%-24s %-36s %6s %6s %6s %6s %6s%n";
        out.printf(Locale.ROOT, row, "concept", "phrase", "coded", "missed", "other", "share", "z");
        List<String> none = new ArrayList<>();
        suggestions.phrases().forEach((concept, phrases) -> {
            if (phrases.isEmpty()) {
                none.add(concept);
            }
            phrases.forEach(phrase -> out.printf(Locale.ROOT, row, concept, phrase.phrase(), phrase.coded(), phrase.missed(),
                    phrase.other(), String.format(Locale.ROOT, "%.2f", phrase.share()), String.format(Locale.ROOT, "%.2f", phrase.z())));
        });
        if (!none.isEmpty()) {
            out.println("no phrase for " + String.join(", ", none) + " (no uncovered phrase stands in enough coded units, among them "
                    + "one the tool missed)");
        }
        out.println();
        out.println("codebook terms and rules behind false positives (units where the term tagged a concept the gold does not have "
                + "there, and units where it tagged one the gold has)");
        String termRow = "%-24s %-36s %6s %6s %9s%n";
        out.printf(Locale.ROOT, termRow, "concept", "term or rule", "fp", "tp", "precision");
        suggestions.falseTerms().stream().limit(top).forEach(term -> out.printf(Locale.ROOT, termRow, term.concept(), term.term(),
                term.falsePositives(), term.truePositives(), String.format(Locale.ROOT, "%.2f",
                        term.truePositives() / (double) (term.truePositives() + term.falsePositives()))));
        if (suggestions.falseTerms().isEmpty()) {
            out.println("(none: no term tagged a unit wrongly)");
        }
        out.println("nothing was written into the codebook: add the phrases you agree with to its terms by hand");
    }

    /** The z-scored log-odds ratio with an informative Dirichlet prior (see the class comment). */
    static double z(int coded, int codedUnits, int other, int otherUnits) {
        double prior = coded + other;
        double priorTotal = codedUnits + otherUnits;
        double delta = Math.log((coded + prior) / (codedUnits + priorTotal - coded - prior))
                - Math.log((other + prior) / (otherUnits + priorTotal - other - prior));
        return delta / Math.sqrt(1 / (coded + prior) + 1 / (other + prior));
    }

    private static Words words(String raw, WordTokenizer tokenizer, Function<String, List<String>> keyOf) {
        // the tagging view's folding, as far as word boundaries need it: math letters plain, quotes straight
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('\u2019', '\'').replace('\u2018', '\'');
        List<String> keys = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int[] token : tokenizer.tokenize(text)) {
            String word = text.substring(token[0], token[1]).toLowerCase(Locale.ROOT);
            List<String> wordKeys = keyOf.apply(word);
            boolean letters = word.codePoints().anyMatch(Character::isLetter);
            // a token the keying splits further, or that holds no letter (a number, a marker), breaks phrases
            keys.add(letters && wordKeys.size() == 1 ? wordKeys.get(0) : null);
            written.add(word);
        }
        return new Words(keys, written);
    }

    /** The unit's distinct candidate n-grams: keys space-joined, with the words as written. */
    private static Map<String, String> grams(Words words, Covered covered) {
        Map<String, String> grams = new LinkedHashMap<>();
        for (int first = 0; first < words.keys().size(); first++) {
            for (int end = first + 1; end <= Math.min(words.keys().size(), first + LONGEST); end++) {
                if (words.keys().get(end - 1) == null) {
                    break;
                }
                if (FUNCTION_WORDS.contains(words.written().get(first)) || FUNCTION_WORDS.contains(words.written().get(end - 1))) {
                    continue;
                }
                List<String> keys = words.keys().subList(first, end);
                List<String> written = words.written().subList(first, end);
                if (!covered.covers(keys, written)) {
                    grams.putIfAbsent(String.join(" ", keys), String.join(" ", written));
                }
            }
        }
        return grams;
    }

    private static String mostWritten(Map<String, Integer> forms) {
        return forms.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    private static List<FalseTerm> falseTerms(Evaluation.Result result) {
        Map<List<String>, int[]> counts = new LinkedHashMap<>();
        for (UnitResult unit : result.units()) {
            if (!unit.kept()) {
                continue;
            }
            Set<List<String>> seen = new HashSet<>();
            for (Mention mention : unit.mentions()) {
                List<String> key = List.of(mention.conceptId(), mention.term());
                if (seen.add(key)) {
                    counts.computeIfAbsent(key, unused -> new int[2])[unit.unit().concepts().contains(mention.conceptId()) ? 1 : 0]++;
                }
            }
        }
        List<FalseTerm> terms = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count[0] > 0) {
                terms.add(new FalseTerm(key.get(0), key.get(1), count[0], count[1]));
            }
        });
        terms.sort(Comparator.comparingInt(FalseTerm::falsePositives).reversed().thenComparingInt(FalseTerm::truePositives)
                .thenComparing(FalseTerm::concept).thenComparing(FalseTerm::term));
        return terms;
    }

    /** Whether the codebook already has a term for a phrase: the same keys, word for word, or a wildcard on its word. */
    private static final class Covered {
        private final Set<String> terms = new HashSet<>();
        private final List<List<String>> wildcardTerms = new ArrayList<>();

        Covered(Codebook codebook, Function<String, List<String>> termKeys) {
            for (Concept concept : codebook.concepts()) {
                for (String term : concept.terms()) {
                    // "agreement on (the) focus" is also "agreement on focus"
                    for (String variant : List.of(term.replaceAll("[()]", " "), term.replaceAll("\\([^)]*\\)", " "))) {
                        List<String> keys = termKeys.apply(variant);
                        if (keys.stream().anyMatch(key -> key.endsWith("*"))) {
                            wildcardTerms.add(keys);
                        } else {
                            terms.add(String.join(" ", keys));
                        }
                    }
                }
            }
        }

        boolean covers(List<String> keys, List<String> written) {
            if (terms.contains(String.join(" ", keys))) {
                return true;
            }
            for (List<String> wildcard : wildcardTerms) {
                if (wildcard.size() == keys.size() && matches(wildcard, keys, written)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(List<String> wildcard, List<String> keys, List<String> written) {
            for (int i = 0; i < keys.size(); i++) {
                String key = wildcard.get(i);
                boolean match = key.endsWith("*") ? written.get(i).startsWith(key.substring(0, key.length() - 1)) : key.equals(keys.get(i));
                if (!match) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Set<String> functionWords() {
        try (InputStream in = CodebookSuggestions.class.getResourceAsStream("function-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("function-words.txt is missing from the jar");
            }
            Set<String> words = new HashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(words::add);
            return Set.copyOf(words);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
