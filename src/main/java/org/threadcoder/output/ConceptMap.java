package org.threadcoder.output;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.Ledger;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;

/**
 * The aggregate kept across pages: per thread its row of counts, per concept and thread the
 * mention count and sentence ids, and concept pairs tagged in one sentence. Small by design: it
 * holds ids and counts, never text. Sentences of a tweet the unroller repeated
 * ({@link TaggedThread#isDuplicate}) are left out of every count.
 */
public final class ConceptMap implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * A thread's row: its metadata, sentence and word counts ({@link WordCounts}) and per-concept sentence counts in
     * codebook order.
     */
    public record ThreadRow(TweetThread thread, int tweetsShown, int sentences, int words, Map<String, Integer> conceptSentences)
            implements Serializable {
    }

    /** One concept in one thread. */
    public static final class Cell implements Serializable {
        private static final long serialVersionUID = 1L;
        int mentions;
        final List<String> sentenceIds = new ArrayList<>();
        final int[] byAttribute = new int[ATTRIBUTES.size()];

        public int mentions() {
            return mentions;
        }

        /** Mentions per context attribute, in {@link #ATTRIBUTES} order. */
        public Map<String, Integer> attributes() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < ATTRIBUTES.size(); i++) {
                counts.put(ATTRIBUTES.get(i), byAttribute[i]);
            }
            return counts;
        }

        public List<String> sentenceIds() {
            return List.copyOf(sentenceIds);
        }
    }

    /** Two concepts tagged in one sentence. */
    public static final class Pair implements Serializable {
        private static final long serialVersionUID = 1L;
        int sentences;
        int threads;
        /** Threads are added one at a time, so a thread is new to a pair when it is not the last one counted. */
        String lastThreadId;

        public int sentences() {
            return sentences;
        }

        public int threads() {
            return threads;
        }
    }

    /** The context attributes counted per concept and thread. */
    public static final List<String> ATTRIBUTES = List.of("negated", "hypothetical", "uncertain", "reported", "question");

    private final Codebook codebook;
    private final boolean rollUp;
    private final Map<String, List<String>> ancestors = new LinkedHashMap<>();
    private final List<ThreadRow> threads = new ArrayList<>();
    private final Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
    private final Map<String, Pair> pairs = new TreeMap<>();
    private final List<String> sources = new ArrayList<>();
    private final Map<String, String> sourceHashes = new TreeMap<>();
    private final Map<String, Source> sourceDetails = new TreeMap<>();
    private long chars;
    private long charsInThreads;
    private int sentenceCount;
    private int mentionCount;

    /**
     * @param codebook the concepts
     * @param rollUp   whether a child concept's mentions and sentences also count under its ancestors
     */
    public ConceptMap(Codebook codebook, boolean rollUp) {
        this.codebook = codebook;
        this.rollUp = rollUp;
        for (Concept concept : codebook.concepts()) {
            cells.put(concept.id(), new LinkedHashMap<>());
            List<String> chain = new ArrayList<>();
            for (String parent = concept.parent(); parent != null; parent = codebook.concept(parent).orElseThrow().parent()) {
                chain.add(parent);
            }
            ancestors.put(concept.id(), List.copyOf(chain));
        }
    }

    public boolean rollUp() {
        return rollUp;
    }

    /** The concept and, with roll-up, its ancestors. */
    List<String> counted(String conceptId) {
        if (!rollUp || ancestors.get(conceptId).isEmpty()) {
            return List.of(conceptId);
        }
        List<String> all = new ArrayList<>(List.of(conceptId));
        all.addAll(ancestors.get(conceptId));
        return all;
    }

    /** A page read: its name, the hash of its bytes, its format and where its text went. */
    public record Source(String name, String sha256, String format, Ledger ledger) implements Serializable {
    }

    public void addSource(String source, String sha256, String format, Ledger ledger) {
        sources.add(source);
        sourceHashes.put(source, sha256);
        sourceDetails.put(source, new Source(source, sha256, format, ledger));
        chars += ledger.chars();
        charsInThreads += ledger.inThreads();
    }

    /** The pages read, by name in sorted order. */
    public Map<String, Source> sourceDetails() {
        return sourceDetails;
    }

    /** The share of all pages' code points kept as tweet text, 0..1. */
    public double keptShare() {
        return chars == 0 ? 1.0 : charsInThreads / (double) chars;
    }

    /** Adds a thread's counts; returns its row. */
    public ThreadRow add(TaggedThread tagged) {
        return add(tagged, tagged.conceptsBySentence());
    }

    /** As {@link #add(TaggedThread)}, given {@link TaggedThread#conceptsBySentence()}. */
    public ThreadRow add(TaggedThread tagged, List<List<String>> conceptsBySentence) {
        return add(tagged, conceptsBySentence, tagged.sentences().stream().map(sentence -> WordCounts.words(sentence).size()).toList());
    }

    /** As {@link #add(TaggedThread, List)}, given the word count ({@link WordCounts}) of each sentence. */
    public ThreadRow add(TaggedThread tagged, List<List<String>> conceptsBySentence, List<Integer> wordsBySentence) {
        TweetThread thread = tagged.thread();
        Map<String, Integer> conceptSentences = new LinkedHashMap<>();
        codebook.ids().forEach(id -> conceptSentences.put(id, 0));
        java.util.Set<String> duplicates = new java.util.HashSet<>();
        tagged.sentences().stream().filter(tagged::isDuplicate).forEach(sentence -> duplicates.add(sentence.id()));
        int counted = 0;
        for (Mention mention : tagged.mentions()) {
            if (duplicates.contains(mention.sentenceId())) {
                continue;
            }
            counted++;
            for (String conceptId : counted(mention.conceptId())) {
                Cell cell = cells.get(conceptId).computeIfAbsent(thread.id(), unused -> new Cell());
                cell.mentions++;
                boolean[] flags = {mention.context().negated(), mention.context().hypothetical(), mention.context().uncertain(),
                        mention.context().reported(), mention.context().question()};
                for (int i = 0; i < flags.length; i++) {
                    cell.byAttribute[i] += flags[i] ? 1 : 0;
                }
            }
        }
        for (int s = 0; s < tagged.sentences().size(); s++) {
            Sentence sentence = tagged.sentences().get(s);
            if (duplicates.contains(sentence.id())) {
                continue;
            }
            List<String> direct = conceptsBySentence.get(s);
            java.util.Set<String> rolled = new java.util.TreeSet<>();
            direct.forEach(concept -> rolled.addAll(counted(concept)));
            for (String concept : rolled) {
                conceptSentences.merge(concept, 1, Integer::sum);
                cells.get(concept).get(thread.id()).sentenceIds.add(sentence.id());
            }
            // pairs count what the sentence was tagged with, not a concept with its own ancestor
            List<String> concepts = direct;
            for (int i = 0; i < concepts.size(); i++) {
                for (int j = i + 1; j < concepts.size(); j++) {
                    Pair pair = pairs.computeIfAbsent(concepts.get(i) + "\u0000" + concepts.get(j), unused -> new Pair());
                    pair.sentences++;
                    if (!thread.id().equals(pair.lastThreadId)) {
                        pair.threads++;
                        pair.lastThreadId = thread.id();
                    }
                }
            }
        }
        int sentences = tagged.sentences().size() - duplicates.size();
        int words = 0;
        for (int s = 0; s < tagged.sentences().size(); s++) {
            if (!duplicates.contains(tagged.sentences().get(s).id())) {
                words += wordsBySentence.get(s);
            }
        }
        sentenceCount += sentences;
        mentionCount += counted;
        ThreadRow row = new ThreadRow(thread, thread.tweets().size(), sentences, words, conceptSentences);
        threads.add(row);
        return row;
    }

    /**
     * Adds the counts of a later part of the same run: a map made the same way over the pages that follow this
     * map's (a Spark partition, say). Folding the parts in page order gives the map one pass over every page gives.
     */
    public void addAll(ConceptMap later) {
        if (!codebook.equals(later.codebook) || rollUp != later.rollUp) {
            throw new IllegalArgumentException("cannot merge maps of codebooks " + codebook.name() + " (roll-up " + rollUp + ") and "
                    + later.codebook.name() + " (roll-up " + later.rollUp + ")");
        }
        for (String source : later.sources) {
            if (sourceDetails.containsKey(source)) {
                throw new IllegalArgumentException("source " + source + " is counted in both maps");
            }
        }
        threads.addAll(later.threads);
        later.cells.forEach((concept, byThread) -> cells.get(concept).putAll(byThread));
        later.pairs.forEach((key, pair) -> {
            Pair merged = pairs.computeIfAbsent(key, unused -> new Pair());
            merged.sentences += pair.sentences;
            // thread ids carry their source, and no source is in both maps, so the two maps' threads are distinct
            merged.threads += pair.threads;
            if (pair.lastThreadId != null) {
                merged.lastThreadId = pair.lastThreadId;
            }
        });
        sources.addAll(later.sources);
        sourceHashes.putAll(later.sourceHashes);
        sourceDetails.putAll(later.sourceDetails);
        chars += later.chars;
        charsInThreads += later.charsInThreads;
        sentenceCount += later.sentenceCount;
        mentionCount += later.mentionCount;
    }

    public Codebook codebook() {
        return codebook;
    }

    public List<ThreadRow> threads() {
        return List.copyOf(threads);
    }

    /** Per thread id, the cell of a concept (threads without the concept are absent). */
    public Map<String, Cell> cells(String conceptId) {
        return cells.get(conceptId);
    }

    /** Concept pairs keyed by the two ids in sorted order. */
    public Map<List<String>, Pair> pairs() {
        Map<List<String>, Pair> result = new LinkedHashMap<>();
        pairs.forEach((key, pair) -> result.put(List.of(key.split("\u0000")), pair));
        return result;
    }

    public List<String> sources() {
        return List.copyOf(sources);
    }

    public Map<String, String> sourceHashes() {
        return sourceHashes;
    }

    public int sentenceCount() {
        return sentenceCount;
    }

    public int mentionCount() {
        return mentionCount;
    }
}
