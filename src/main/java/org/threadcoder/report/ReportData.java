package org.threadcoder.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadcoder.InputException;

/**
 * Everything the review report shows, read back from one output folder: {@code concept-map.json},
 * {@code sentences.csv} and {@code mentions.csv}. Lists keep the order of the files, so the same
 * folder always gives the same report.
 *
 * @param codebookName     the codebook's name
 * @param codebookVersion  the codebook's version
 * @param totals           pages, threads, sentences and mentions of the run
 * @param manifest         what produced the run
 * @param concepts         every codebook concept, parents before their children
 * @param counts           per concept id: its mentions, sentences and threads
 * @param threads          the threads, in run order
 * @param pairs            concepts tagged together in one sentence
 * @param sentences        every sentence, in file order
 * @param mentions         per sentence id: its mentions, in file order
 * @param attributeColumns the context attribute columns that {@code mentions.csv} has (may be empty)
 */
public record ReportData(String codebookName, String codebookVersion, Totals totals, Manifest manifest,
        List<ConceptInfo> concepts, Map<String, ConceptCounts> counts, List<ThreadInfo> threads, List<Pair> pairs,
        List<SentenceRow> sentences, Map<String, List<MentionRow>> mentions, List<String> attributeColumns) {

    /** The context attributes a mention may carry, in the order badges show them. */
    public static final List<String> ATTRIBUTES = List.of("negated", "hypothetical", "uncertain", "reported", "question");

    public ReportData {
        concepts = List.copyOf(concepts);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        threads = List.copyOf(threads);
        pairs = List.copyOf(pairs);
        sentences = List.copyOf(sentences);
        mentions = Collections.unmodifiableMap(new LinkedHashMap<>(mentions));
        attributeColumns = List.copyOf(attributeColumns);
    }

    /** Reads the three files of an output folder. */
    public static ReportData read(Path folder) throws IOException, InputException {
        ConceptMapReader.Result map = ConceptMapReader.read(folder.resolve("concept-map.json"));
        TableReader.Result tables = TableReader.read(folder.resolve("sentences.csv"), folder.resolve("mentions.csv"),
                map.threads());
        Set<String> known = new HashSet<>();
        map.concepts().forEach(concept -> known.add(concept.id()));
        for (List<MentionRow> list : tables.mentions().values()) {
            for (MentionRow mention : list) {
                if (!known.contains(mention.conceptId())) {
                    throw new InputException(TableReader.MENTIONS, "mention '" + mention.id() + "' has concept '"
                            + mention.conceptId() + "', which " + ConceptMapReader.FILE + " does not have");
                }
            }
        }
        return new ReportData(map.codebookName(), map.codebookVersion(), map.totals(), map.manifest(), map.concepts(),
                map.counts(), map.threads(), map.pairs(), tables.sentences(), tables.mentions(), tables.attributeColumns());
    }

    /** The number of mentions of a concept, 0 for an unknown one. */
    public int mentionsOf(String conceptId) {
        ConceptCounts count = counts.get(conceptId);
        return count == null ? 0 : count.mentions();
    }

    /** The mentions of one sentence, in file order (empty when it has none). */
    public List<MentionRow> mentionsIn(String sentenceId) {
        return mentions.getOrDefault(sentenceId, List.of());
    }

    /** The whole run's figures. */
    public record Totals(int pages, int threads, int sentences, int mentions) {
    }

    /** One input file and its hash. */
    public record InputFile(String source, String sha256) {
    }

    /**
     * What produced a run: tool, codebook, context rules and input hashes, models, whether counts roll up.
     *
     * @param sha256 the SHA-256 (hex) of the manifest object as {@code concept-map.json} holds it: names the run, so
     *               review decisions kept in the browser belong to the run they were made on
     */
    public record Manifest(String tool, String toolVersion, String codebookFile, String codebookSha256, String contextRulesFile,
            String contextRulesSha256, List<InputFile> inputs, List<String> models, boolean rollUp, String sha256) {
        public Manifest {
            inputs = List.copyOf(inputs);
            models = List.copyOf(models);
        }
    }

    /**
     * A codebook concept as the report shows it.
     *
     * @param depth 0 for a top-level concept, 1 for its children, and so on
     */
    public record ConceptInfo(String id, String label, String parent, String definition, int depth) {
    }

    /**
     * A thread as {@code threads.csv} gives it; values the page did not give are null, never 0.
     *
     * @param date              ISO date, only when the page gives the year
     * @param tweetCount        the tweets the page announces
     * @param conceptSentences  per concept id, the thread's sentences tagged with it (the counts of {@code threads.csv})
     */
    public record ThreadInfo(String id, String source, String author, String handle, String dateText, String date,
            Integer tweetCount, int tweetsShown, boolean complete, int sentences, Map<String, Integer> conceptSentences) {
        public ThreadInfo {
            conceptSentences = Collections.unmodifiableMap(new LinkedHashMap<>(conceptSentences));
        }
    }

    /** A concept's figures over the run; {@code mentionsByThread} is keyed by thread id, in file order. */
    public record ConceptCounts(String id, int mentions, int sentences, int threads, Map<String, Integer> mentionsByThread) {
        public ConceptCounts {
            mentionsByThread = Collections.unmodifiableMap(new LinkedHashMap<>(mentionsByThread));
        }
    }

    /** Two concepts tagged in the same sentences. */
    public record Pair(String first, String second, int sentences, int threads) {
    }

    /**
     * A row of {@code sentences.csv}. Offsets are code points into the source; {@code tweetUrl} and
     * {@code threadUrl} are null unless the file has them and they are http(s) addresses.
     */
    public record SentenceRow(String id, String threadId, int tweetIndex, int tweetEnd, int sentenceIndex, int start,
            int end, String text, List<String> concepts, String tweetUrl, String threadUrl) {
        public SentenceRow {
            concepts = List.copyOf(concepts);
        }
    }

    /**
     * A row of {@code mentions.csv}.
     *
     * @param attributes the context attributes that are true for it, in {@link #ATTRIBUTES} order
     * @param trigger    the words that set those attributes ({@code context_trigger}), or null
     * @param fuzzy      whether the term matched only approximately ({@code fuzzy})
     */
    public record MentionRow(String id, String sentenceId, String threadId, String conceptId, int start, int end,
            String matchedText, String term, List<String> attributes, String trigger, boolean fuzzy) {
        public MentionRow {
            attributes = List.copyOf(attributes);
        }
    }
}
