package org.threadcoder.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Context;
import org.threadcoder.model.Ledger;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.Tweet;
import org.threadcoder.model.XAddress;

/**
 * Writes the study dataset: {@code sentences.csv}, {@code mentions.csv}, {@code threads.csv},
 * {@code concepts.csv}, {@code pages.csv} and {@code failures.csv} row by row as pages are processed, then
 * {@code concept-map.json} from the aggregate and {@code datapackage.json}, which describes the CSV files
 * ({@link Tables}). Every file is written under a temporary name and all are renamed into place only
 * by {@link #commit(RunManifest)}; the folder itself is an {@link OutputSet}'s staging folder, moved
 * into place when the run is done.
 */
public final class DatasetWriter implements Closeable {
    public static final List<String> SENTENCE_COLUMNS = List.of("sentence_id", "source", "thread_id", "author", "handle",
            "thread_date", "tweet_index", "tweet_end", "sentence_index", "start", "end", "text", "clean_text", "concepts",
            "tweet_id", "tweet_url", "thread_url", "tweets_inferred", "offsets_file", "words", "duplicate");
    public static final List<String> MENTION_COLUMNS = List.of("mention_id", "sentence_id", "thread_id", "concept_id",
            "start", "end", "matched_text", "term", "negated", "hypothetical", "uncertain", "reported", "question",
            "context_trigger", "fuzzy");
    public static final List<String> THREAD_COLUMNS = List.of("thread_id", "source", "author", "handle", "date_text",
            "date", "tweet_count", "tweets_shown", "complete", "sentences", "words");
    public static final List<String> PAGE_COLUMNS = List.of("source", "format", "chars", "chars_in_threads", "chars_site_text",
            "chars_noise", "threads", "sentences", "warnings");
    public static final List<String> FAILURE_COLUMNS = List.of("source", "reason");
    /** Joins a page's warnings in one cell of pages.csv. */
    static final String WARNING_SEPARATOR = " | ";

    private final Path folder;
    private final ConceptMap conceptMap;
    private final CsvTable sentences;
    private final CsvTable mentions;
    private final CsvTable threads;
    private final CsvTable pages;
    private final CsvTable failures;
    private final CsvTable concepts;
    private final List<AtomicFile> extractedSources = new ArrayList<>();

    public DatasetWriter(Path folder, Codebook codebook, boolean rollUp) throws IOException {
        this(folder, codebook, rollUp, false);
    }

    /**
     * @param spreadsheetSafe whether text cells starting with a formula character get a leading
     *                        {@code '} ({@link CsvTable#protect})
     */
    public DatasetWriter(Path folder, Codebook codebook, boolean rollUp, boolean spreadsheetSafe) throws IOException {
        this.folder = folder;
        this.conceptMap = new ConceptMap(codebook, rollUp);
        List<CsvTable> opened = new ArrayList<>();
        try {
            sentences = open(opened, new CsvTable(folder.resolve("sentences.csv"), SENTENCE_COLUMNS, spreadsheetSafe));
            mentions = open(opened, new CsvTable(folder.resolve("mentions.csv"), MENTION_COLUMNS, spreadsheetSafe));
            List<String> threadColumns = new ArrayList<>(THREAD_COLUMNS);
            threadColumns.addAll(codebook.ids());
            threads = open(opened, new CsvTable(folder.resolve("threads.csv"), threadColumns, spreadsheetSafe));
            concepts = open(opened, new CsvTable(folder.resolve("concepts.csv"), ConceptShares.columns(codebook), spreadsheetSafe));
            pages = open(opened, new CsvTable(folder.resolve("pages.csv"), PAGE_COLUMNS, spreadsheetSafe));
            failures = open(opened, new CsvTable(folder.resolve("failures.csv"), FAILURE_COLUMNS, spreadsheetSafe));
        } catch (IOException | RuntimeException failed) {
            for (CsvTable table : opened) {
                table.close();
            }
            throw failed;
        }
    }

    private static CsvTable open(List<CsvTable> opened, CsvTable table) {
        opened.add(table);
        return table;
    }

    /**
     * Writes one page: its threads' rows, its row of pages.csv (with {@code warnings}: what reading and
     * splitting it noted), and its note in the manifest; when its
     * text was extracted (HTML, JSON) writes that text to {@code sources/<source>.txt}, the text offsets refer to.
     */
    public void addPage(Page page, List<TaggedThread> tagged, List<String> warnings) throws IOException {
        addSource(page);
        int sentenceCount = 0;
        for (TaggedThread thread : tagged) {
            write(thread, page.extracted());
            sentenceCount += thread.sentences().size();
        }
        Ledger ledger = page.ledger();
        pages.row(page.source(), page.format(), ledger.chars(), ledger.inThreads(), ledger.siteText(), ledger.noise(),
                page.threads().size(), sentenceCount, String.join(WARNING_SEPARATOR, warnings));
    }

    /** Records an input that could not be read, with its one-line reason. */
    public void addFailure(String source, String reason) throws IOException {
        failures.row(source, reason);
    }

    private void addSource(Page page) throws IOException {
        conceptMap.addSource(page.source(), page.sha256(), page.format(), page.ledger());
        if (page.extracted()) {
            AtomicFile file = new AtomicFile(extractedPath(page.source()));
            try {
                file.writer().write(page.text().text());
                file.writer().flush();
                file.writer().close();
                extractedSources.add(file);
            } catch (IOException | RuntimeException failed) {
                file.close();
                throw failed;
            }
        }
    }

    /** Where a source's extracted text goes: under {@code sources/}, never outside the folder. */
    private Path extractedPath(String source) {
        Path sources = folder.resolve("sources").toAbsolutePath().normalize();
        Path target = sources.resolve(source + ".txt").normalize();
        if (!target.startsWith(sources) || target.equals(sources)) {
            throw new IllegalArgumentException("source name '" + source + "' would write outside " + sources);
        }
        return target;
    }

    /** Writes one thread's rows; {@code extracted} says whether offsets refer to {@code sources/<source>.txt}. */
    private void write(TaggedThread tagged, boolean extracted) throws IOException {
        TweetThread thread = tagged.thread();
        List<List<String>> conceptsBySentence = tagged.conceptsBySentence();
        // each sentence's words, found once for the thread's row and for its concept shares
        ConceptShares.WordCoverage coverage = ConceptShares.coverage(tagged, conceptMap);
        ConceptMap.ThreadRow row = conceptMap.add(tagged, conceptsBySentence, coverage.sentenceWords());
        ConceptShares shares = ConceptShares.of(tagged, row, conceptMap, coverage);
        // per thread, not per row: it looks at every tweet
        boolean tweetsInferred = thread.tweetsInferred();
        String threadUrl = threadUrl(thread);
        for (int i = 0; i < tagged.sentences().size(); i++) {
            Sentence sentence = tagged.sentences().get(i);
            Tweet tweet = sentence.firstTweet() <= thread.tweets().size() ? thread.tweets().get(sentence.firstTweet() - 1) : null;
            sentences.row(sentence.id(), thread.source(), thread.id(), thread.author(), thread.handle(),
                    thread.date() == null ? null : thread.date().toString(), sentence.firstTweet(), sentence.lastTweet(),
                    sentence.index(), sentence.span().start(), sentence.span().end(), sentence.text(), sentence.cleanText(),
                    String.join(";", conceptsBySentence.get(i)), tweet == null ? null : tweet.tweetId(),
                    tweetUrl(thread, tweet), threadUrl, tweetsInferred,
                    extracted ? "sources/" + thread.source() + ".txt" : thread.source(), shares.sentenceWords().get(i),
                    tagged.isDuplicate(sentence));
        }
        for (Mention mention : tagged.mentions()) {
            Context context = mention.context();
            mentions.row(mention.id(), mention.sentenceId(), mention.threadId(), mention.conceptId(), mention.span().start(),
                    mention.span().end(), mention.matchedText(), mention.term(), context.negated(), context.hypothetical(),
                    context.uncertain(), context.reported(), context.question(), context.trigger(), mention.fuzzy());
        }
        List<Object> values = new ArrayList<>(List.of(thread.id(), thread.source()));
        values.add(thread.author());
        values.add(thread.handle());
        values.add(thread.dateText());
        values.add(thread.date() == null ? null : thread.date().toString());
        values.add(thread.tweetCount());
        values.add(row.tweetsShown());
        values.add(thread.complete());
        values.add(row.sentences());
        values.add(row.words());
        values.addAll(row.conceptSentences().values());
        threads.row(values);
        concepts.row(shares.values());
    }

    private static String tweetUrl(TweetThread thread, Tweet tweet) {
        return tweet == null ? null : XAddress.tweet(thread.handle(), tweet.tweetId());
    }

    /** The thread's address as the input gave it, else the first tweet's. */
    private static String threadUrl(TweetThread thread) {
        if (thread.url() != null) {
            return thread.url();
        }
        return thread.tweets().isEmpty() ? null : tweetUrl(thread, thread.tweets().get(0));
    }

    public ConceptMap conceptMap() {
        return conceptMap;
    }

    /** Writes the concept map and the data package, and moves every file into place. */
    public void commit(RunManifest manifest) throws IOException {
        List<AtomicFile> aggregates = prepareAggregates(folder, conceptMap, manifest);
        try {
            commitRows();
            for (AtomicFile file : aggregates) {
                file.commit();
            }
        } finally {
            closeAll(aggregates);
        }
    }

    /**
     * Moves the files written page by page into place (the CSV tables and the extracted sources), without the
     * files made from the aggregate: for one part of a run whose {@link ConceptMap}s are merged
     * ({@link ConceptMap#addAll}) and written by {@link #writeAggregates}, as the Spark job does.
     */
    public void commitRows() throws IOException {
        sentences.commit();
        mentions.commit();
        threads.commit();
        concepts.commit();
        pages.commit();
        failures.commit();
        for (AtomicFile source : extractedSources) {
            source.commit();
        }
    }

    /** Writes the files made from a whole run's aggregate ({@code concept-map.json}, {@code datapackage.json}) into {@code folder}. */
    public static void writeAggregates(Path folder, ConceptMap map, RunManifest manifest) throws IOException {
        List<AtomicFile> aggregates = prepareAggregates(folder, map, manifest);
        try {
            for (AtomicFile file : aggregates) {
                file.commit();
            }
        } finally {
            closeAll(aggregates);
        }
    }

    /** The aggregate's files, written under their temporary names and not yet moved into place. */
    private static List<AtomicFile> prepareAggregates(Path folder, ConceptMap map, RunManifest manifest) throws IOException {
        List<AtomicFile> files = new ArrayList<>();
        try {
            AtomicFile json = new AtomicFile(folder.resolve("concept-map.json"));
            files.add(json);
            ConceptMapJson.write(map, manifest, json.writer());
            AtomicFile dataPackage = new AtomicFile(folder.resolve(DataPackage.FILE));
            files.add(dataPackage);
            DataPackage.write(map.codebook(), dataPackage.writer());
            return files;
        } catch (IOException | RuntimeException failed) {
            closeAll(files);
            throw failed;
        }
    }

    private static void closeAll(List<AtomicFile> files) throws IOException {
        for (AtomicFile file : files) {
            file.close();
        }
    }

    /** Closes every file, even when closing one fails, and reports the first failure. */
    @Override
    public void close() throws IOException {
        List<Closeable> files = new ArrayList<>(List.of(sentences, mentions, threads, concepts, pages, failures));
        files.addAll(extractedSources);
        IOException first = null;
        for (Closeable file : files) {
            try {
                file.close();
            } catch (IOException failed) {
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
