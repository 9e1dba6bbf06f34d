package org.threadcoder.output;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** The shares of one thread, whose counts {@code map} has already added as {@code row}. */
    public static ConceptShares of(TaggedThread tagged, ConceptMap.ThreadRow row, ConceptMap map) {
        return of(tagged, row, map, tagged.sentences().stream().map(WordCounts::words).toList());
    }

    /** As {@link #of(TaggedThread, ConceptMap.ThreadRow, ConceptMap)}, given {@link WordCounts#words} of each sentence. */
    public static ConceptShares of(TaggedThread tagged, ConceptMap.ThreadRow row, ConceptMap map, List<List<Span>> wordsOfSentences) {
        Map<String, List<Span>> wordsBySentence = new HashMap<>();
        Map<String, Integer> firstWord = new HashMap<>();
        List<Integer> sentenceWords = new ArrayList<>();
        int total = 0;
        for (int s = 0; s < tagged.sentences().size(); s++) {
            Sentence sentence = tagged.sentences().get(s);
            List<Span> words = wordsOfSentences.get(s);
            if (tagged.isDuplicate(sentence)) {
                // a repeated tweet's words are in sentences.csv but, like its sentences, in no share
                sentenceWords.add(words.size());
                continue;
            }
            wordsBySentence.put(sentence.id(), words);
            firstWord.put(sentence.id(), total);
            sentenceWords.add(words.size());
            total += words.size();
        }
        Map<String, BitSet> covered = new LinkedHashMap<>();
        for (Mention mention : tagged.mentions()) {
            List<Span> words = wordsBySentence.getOrDefault(mention.sentenceId(), List.of());
            int offset = firstWord.getOrDefault(mention.sentenceId(), 0);
            for (String conceptId : map.counted(mention.conceptId())) {
                BitSet bits = covered.computeIfAbsent(conceptId, unused -> new BitSet());
                for (int i = 0; i < words.size(); i++) {
                    if (words.get(i).overlaps(mention.span())) {
                        bits.set(offset + i);
                    }
                }
            }
        }
        List<Object> values = new ArrayList<>(List.of(tagged.thread().id(), tagged.thread().source(), total, row.sentences()));
        for (String id : map.codebook().ids()) {
            values.add(percent(covered.getOrDefault(id, new BitSet()).cardinality(), total));
            values.add(percent(row.conceptSentences().get(id), row.sentences()));
        }
        return new ConceptShares(sentenceWords, values);
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
