package org.threadcoder.output;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
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
import org.threadcoder.output.ConceptCounts.Cell;
import org.threadcoder.output.ConceptCounts.ConceptTotals;
import org.threadcoder.output.ConceptCounts.Pair;

/**
 * The aggregate kept across pages: per thread its row of counts, per concept and thread the
 * mention count and sentence ids, and concept pairs tagged in one sentence. It holds ids and counts,
 * never text, and keeps the per-thread parts (rows, cells, the pages read) as records in
 * {@link SpillStore}s, which go to a temporary file past a bound: its memory does not grow with the
 * corpus. Sentences of a tweet the unroller repeated ({@link TaggedThread#isDuplicate}) are left out
 * of every count.
 */
public final class ConceptMap implements Serializable {
    private static final long serialVersionUID = 2L;

    /** What the map keeps of a thread: the fields of its row in {@code threads.csv} that come from the page. */
    public record ThreadInfo(String id, String source, String author, String handle, String dateText, LocalDate date, Integer tweetCount,
                             boolean complete) implements Serializable {
        static ThreadInfo of(TweetThread thread) {
            return new ThreadInfo(thread.id(), thread.source(), thread.author(), thread.handle(), thread.dateText(), thread.date(),
                    thread.tweetCount(), thread.complete());
        }
    }

    /**
     * A thread's row: its metadata, sentence and word counts ({@link WordCounts}) and per-concept sentence counts in
     * codebook order.
     */
    public record ThreadRow(ThreadInfo thread, int tweetsShown, int sentences, int words, Map<String, Integer> conceptSentences)
            implements Serializable {
    }

    /** The context attributes counted per concept and thread. */
    public static final List<String> ATTRIBUTES = List.of("negated", "hypothetical", "uncertain", "reported", "question");

    /** Something done with each record read back; may fail writing. */
    public interface Visitor<T> {
        void visit(T value) throws IOException;
    }

    private final Codebook codebook;
    private final boolean rollUp;
    private final Map<String, List<String>> ancestors = new LinkedHashMap<>();
    private final SpillStore threads = new SpillStore();
    private int threadCount;
    /** Per concept, its cells in thread order (records), and its totals. */
    private final Map<String, SpillStore> cells = new LinkedHashMap<>();
    private final Map<String, ConceptTotals> totals = new LinkedHashMap<>();
    private final Map<String, Pair> pairs = new TreeMap<>();
    private final SourceLog sources = new SourceLog();
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
            cells.put(concept.id(), new SpillStore());
            totals.put(concept.id(), new ConceptTotals());
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
        sources.add(new Source(source, sha256, format, ledger));
        chars += ledger.chars();
        charsInThreads += ledger.inThreads();
    }

    /** The pages read, by name in sorted order (read back from the map's records: for small maps and tests). */
    public Map<String, Source> sourceDetails() {
        Map<String, Source> details = new TreeMap<>();
        try {
            sources.forEachSorted(source -> details.put(source.name(), source));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return details;
    }

    /** Visits the pages read, by name in sorted order, each name once (the last page of a name, as a map keyed by name keeps it). */
    public void forEachSource(Visitor<Source> visitor) throws IOException {
        sources.forEachSorted(visitor);
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
        return add(tagged, conceptsBySentence, tagged.sentences().stream().map(WordCounts::wordCount).toList());
    }

    /** As {@link #add(TaggedThread, List)}, given the word count ({@link WordCounts}) of each sentence. */
    public ThreadRow add(TaggedThread tagged, List<List<String>> conceptsBySentence, List<Integer> wordsBySentence) {
        TweetThread thread = tagged.thread();
        Map<String, Integer> conceptSentences = new LinkedHashMap<>();
        codebook.ids().forEach(id -> conceptSentences.put(id, 0));
        java.util.Set<String> duplicates = new java.util.HashSet<>();
        tagged.sentences().stream().filter(tagged::isDuplicate).forEach(sentence -> duplicates.add(sentence.id()));
        // this thread's cell of each concept it has, made whole here and then kept as a record
        Map<String, Cell> threadCells = new LinkedHashMap<>();
        int counted = 0;
        for (Mention mention : tagged.mentions()) {
            if (duplicates.contains(mention.sentenceId())) {
                continue;
            }
            counted++;
            for (String conceptId : counted(mention.conceptId())) {
                Cell cell = threadCells.computeIfAbsent(conceptId, unused -> new Cell());
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
                threadCells.get(concept).sentenceIds.add(sentence.id());
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
        ThreadRow row = new ThreadRow(ThreadInfo.of(thread), thread.tweets().size(), sentences, words, conceptSentences);
        try {
            ConceptMapRecords.writeRow(threads, row, codebook);
            threadCount++;
            for (Map.Entry<String, Cell> cell : threadCells.entrySet()) {
                ConceptMapRecords.writeCell(cells.get(cell.getKey()), thread.id(), cell.getValue());
                totals.get(cell.getKey()).add(cell.getValue());
            }
        } catch (IOException full) {
            throw new UncheckedIOException("cannot keep the aggregate of thread " + thread.id(), full);
        }
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
        String both = sources.firstSharedName(later.sources);
        if (both != null) {
            throw new IllegalArgumentException("source " + both + " is counted in both maps");
        }
        threads.appendAll(later.threads);
        threadCount += later.threadCount;
        later.cells.forEach((concept, records) -> cells.get(concept).appendAll(records));
        later.totals.forEach((concept, counts) -> totals.get(concept).addAll(counts));
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
        chars += later.chars;
        charsInThreads += later.charsInThreads;
        sentenceCount += later.sentenceCount;
        mentionCount += later.mentionCount;
    }

    public Codebook codebook() {
        return codebook;
    }

    public int threadCount() {
        return threadCount;
    }

    /** Every thread's row, in order (read back from the map's records: for small maps and tests; a writer visits them). */
    public List<ThreadRow> threads() {
        List<ThreadRow> rows = new ArrayList<>();
        try {
            forEachThread(rows::add);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return rows;
    }

    /** Visits every thread's row, in order. */
    public void forEachThread(Visitor<ThreadRow> visitor) throws IOException {
        try (DataInputStream in = threads.read()) {
            for (int i = 0; i < threadCount; i++) {
                visitor.visit(ConceptMapRecords.readRow(in, codebook));
            }
        }
    }

    /** Per thread id, the cell of a concept, in thread order (threads without the concept are absent; read back: for tests). */
    public Map<String, Cell> cells(String conceptId) {
        Map<String, Cell> byThread = new LinkedHashMap<>();
        try {
            forEachCell(conceptId, (threadId, cell) -> byThread.put(threadId, cell));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return byThread;
    }

    /** Something done with each cell of a concept. */
    public interface CellVisitor {
        void visit(String threadId, Cell cell) throws IOException;
    }

    /** Visits a concept's cells in thread order. */
    public void forEachCell(String conceptId, CellVisitor visitor) throws IOException {
        int count = totals.get(conceptId).threads;
        try (DataInputStream in = cells.get(conceptId).read()) {
            for (int i = 0; i < count; i++) {
                String threadId = SpillStore.readString(in);
                visitor.visit(threadId, ConceptMapRecords.readCell(in, threadId));
            }
        }
    }

    /** A concept's counts over all threads. */
    public ConceptTotals totals(String conceptId) {
        return totals.get(conceptId);
    }

    /** Concept pairs keyed by the two ids in sorted order. */
    public Map<List<String>, Pair> pairs() {
        Map<List<String>, Pair> result = new LinkedHashMap<>();
        pairs.forEach((key, pair) -> result.put(List.of(key.split("\u0000")), pair));
        return result;
    }

    /** The names of the pages read, in the order they were added (read back: for tests). */
    public List<String> sources() {
        return sources.names();
    }

    /** How many pages were read. */
    public int sourceCount() {
        return sources.count();
    }

    /** Per page name, the SHA-256 of its bytes, in sorted order (read back: for tests). */
    public Map<String, String> sourceHashes() {
        Map<String, String> hashes = new TreeMap<>();
        sourceDetails().forEach((name, source) -> hashes.put(name, source.sha256()));
        return hashes;
    }

    public int sentenceCount() {
        return sentenceCount;
    }

    public int mentionCount() {
        return mentionCount;
    }
}
