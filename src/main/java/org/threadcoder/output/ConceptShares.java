package org.threadcoder.output;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;
import org.threadcoder.model.TaggedThread;

/**
 * A thread's row of {@code concepts.csv}, in LIWC's layout: its word count {@code WC}, then per
 * concept the percentage of its words that lie inside the concept's mentions and the percentage
 * of its sentences tagged with the concept. Words follow {@link WordCounts}; a word counts once
 * however many mentions of the concept overlap it; with roll-up a concept also counts the mentions
 * and sentences of its sub-concepts, as in {@code threads.csv}.
 *
 * @param sentenceWords the word count of each sentence, in thread order
 * @param values        the row, in {@link #columns(Codebook)} order
 */
public record ConceptShares(List<Integer> sentenceWords, List<Object> values) {
    /** The columns before the concept columns. */
    public static final List<String> LEADING_COLUMNS = List.of("thread_id", "source", "WC", "sentences");
    /** Suffix of the column holding the percentage of words inside a concept's mentions. */
    public static final String WORDS_SUFFIX = "_words_pct";
    /** Suffix of the column holding the percentage of sentences tagged with a concept. */
    public static final String SENTENCES_SUFFIX = "_sentences_pct";

    public ConceptShares {
        sentenceWords = List.copyOf(sentenceWords);
        values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The header of {@code concepts.csv} for a codebook. */
    public static List<String> columns(Codebook codebook) {
        List<String> columns = new ArrayList<>(LEADING_COLUMNS);
        for (String id : codebook.ids()) {
            columns.add(id + WORDS_SUFFIX);
            columns.add(id + SENTENCES_SUFFIX);
        }
        return columns;
    }

    /**
     * The words of a thread's sentences and how many of them lie inside each concept's mentions,
     * found one sentence at a time so a thread's word spans are never all held at once.
     *
     * @param sentenceWords the word count of each sentence, in thread order
     * @param total         the words of the thread's counted (not repeated) sentences
     * @param covered       per concept, the counted words inside its mentions (a word once however many overlap it)
     */
    public record WordCoverage(List<Integer> sentenceWords, int total, Map<String, Integer> covered) {
        public WordCoverage {
            sentenceWords = List.copyOf(sentenceWords);
            covered = Map.copyOf(covered);
        }
    }

    /** The word coverage of one thread under {@code map}'s roll-up. */
    public static WordCoverage coverage(TaggedThread tagged, ConceptMap map) {
        Map<String, List<Mention>> mentionsBySentence = new HashMap<>();
        for (Mention mention : tagged.mentions()) {
            mentionsBySentence.computeIfAbsent(mention.sentenceId(), unused -> new ArrayList<>()).add(mention);
        }
        List<Integer> sentenceWords = new ArrayList<>(tagged.sentences().size());
        Map<String, BitSet> covered = new HashMap<>();
        int total = 0;
        for (Sentence sentence : tagged.sentences()) {
            List<Mention> mentions = mentionsBySentence.getOrDefault(sentence.id(), List.of());
            boolean duplicate = tagged.isDuplicate(sentence);
            if (mentions.isEmpty() || duplicate) {
                // most sentences mention nothing: their words are counted, not placed
                int count = WordCounts.wordCount(sentence);
                sentenceWords.add(count);
                // a repeated tweet's words are in sentences.csv but, like its sentences, in no share
                total += duplicate ? 0 : count;
                continue;
            }
            List<Span> words = WordCounts.words(sentence);
            sentenceWords.add(words.size());
            for (Mention mention : mentions) {
                for (String conceptId : map.counted(mention.conceptId())) {
                    BitSet bits = covered.computeIfAbsent(conceptId, unused -> new BitSet());
                    for (int i = 0; i < words.size(); i++) {
                        if (words.get(i).overlaps(mention.span())) {
                            bits.set(total + i);
                        }
                    }
                }
            }
            total += words.size();
        }
        Map<String, Integer> coveredWords = new HashMap<>();
        covered.forEach((conceptId, bits) -> coveredWords.put(conceptId, bits.cardinality()));
        return new WordCoverage(sentenceWords, total, coveredWords);
    }

    /** The shares of one thread, whose counts {@code map} has already added as {@code row}, from its {@link #coverage}. */
    public static ConceptShares of(TaggedThread tagged, ConceptMap.ThreadRow row, ConceptMap map, WordCoverage coverage) {
        List<Object> values = new ArrayList<>(List.of(tagged.thread().id(), tagged.thread().source(), coverage.total(), row.sentences()));
        for (String id : map.codebook().ids()) {
            values.add(percent(coverage.covered().getOrDefault(id, 0), coverage.total()));
            values.add(percent(row.conceptSentences().get(id), row.sentences()));
        }
        return new ConceptShares(coverage.sentenceWords(), values);
    }

    /** A percentage with two decimals; empty (a missing value) when there is nothing to divide by. */
    private static String percent(int part, int whole) {
        if (whole == 0) {
            return "";
        }
        if (part == 0) {
            return ZERO; // most cells: a concept absent from the thread
        }
        long key = (long) part << 32 | whole;
        String formatted = PERCENTS.get(key);
        if (formatted == null) {
            formatted = String.format(Locale.ROOT, "%.2f", 100.0 * part / whole);
            if (PERCENTS.size() < PERCENT_CACHE_LIMIT) {
                PERCENTS.put(key, formatted);
            }
        }
        return formatted;
    }

    private static final String ZERO = String.format(Locale.ROOT, "%.2f", 0.0);
    /** Formatted shares by (part, whole): formatting a number is slow, and threads repeat the same few fractions. */
    private static final Map<Long, String> PERCENTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PERCENT_CACHE_LIMIT = 100_000;
}
