package org.threadcoder.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Context;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.Tweet;
import org.threadcoder.model.XAddress;

/**
 * Writes the study dataset: {@code sentences.csv}, {@code mentions.csv} and {@code threads.csv}
 * row by row as pages are processed, then {@code concept-map.json} from the aggregate. Every file
 * is written under a temporary name and all are renamed into place only by {@link #commit(RunManifest)};
 * the folder itself is an {@link OutputSet}'s staging folder, moved into place when the run is done.
 */
public final class DatasetWriter implements Closeable {
    public static final List<String> SENTENCE_COLUMNS = List.of("sentence_id", "source", "thread_id", "author", "handle",
            "thread_date", "tweet_index", "tweet_end", "sentence_index", "start", "end", "text", "clean_text", "concepts",
            "tweet_id", "tweet_url", "thread_url", "tweets_inferred", "offsets_file");
    public static final List<String> MENTION_COLUMNS = List.of("mention_id", "sentence_id", "thread_id", "concept_id",
            "start", "end", "matched_text", "term", "negated", "hypothetical", "uncertain", "reported", "question",
            "context_trigger", "fuzzy");
    public static final List<String> THREAD_COLUMNS = List.of("thread_id", "source", "author", "handle", "date_text",
            "date", "tweet_count", "tweets_shown", "complete", "sentences");

    private final Path folder;
    private final ConceptMap conceptMap;
    private final CsvTable sentences;
    private final CsvTable mentions;
    private final CsvTable threads;
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
     * Notes an input that was processed, for the manifest; when its text was extracted (HTML, JSON,
     * repaired mojibake) writes that text to {@code sources/<source>.txt}, the text offsets refer to.
     */
    public void addSource(Page page) throws IOException {
        conceptMap.addSource(page.source(), page.sha256());
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
    public void write(TaggedThread tagged, boolean extracted) throws IOException {
        TweetThread thread = tagged.thread();
        List<List<String>> conceptsBySentence = tagged.conceptsBySentence();
        // per thread, not per row: it looks at every tweet
        boolean tweetsInferred = thread.tweetsInferred();
        String threadUrl = threadUrl(thread);
        for (int s = 0; s < tagged.sentences().size(); s++) {
            Sentence sentence = tagged.sentences().get(s);
            Tweet tweet = sentence.firstTweet() <= thread.tweets().size() ? thread.tweets().get(sentence.firstTweet() - 1) : null;
            sentences.row(sentence.id(), thread.source(), thread.id(), thread.author(), thread.handle(),
                    thread.date() == null ? null : thread.date().toString(), sentence.firstTweet(), sentence.lastTweet(),
                    sentence.index(), sentence.span().start(), sentence.span().end(), sentence.text(), sentence.cleanText(),
                    String.join(";", conceptsBySentence.get(s)), tweet == null ? null : tweet.tweetId(),
                    tweetUrl(thread, tweet), threadUrl, tweetsInferred,
                    extracted ? "sources/" + thread.source() + ".txt" : thread.source());
        }
        for (Mention mention : tagged.mentions()) {
            Context context = mention.context();
            mentions.row(mention.id(), mention.sentenceId(), mention.threadId(), mention.conceptId(), mention.span().start(),
                    mention.span().end(), mention.matchedText(), mention.term(), context.negated(), context.hypothetical(),
                    context.uncertain(), context.reported(), context.question(), context.trigger(), mention.fuzzy());
        }
        ConceptMap.ThreadRow row = conceptMap.add(tagged, conceptsBySentence);
        List<Object> values = new ArrayList<>(List.of(thread.id(), thread.source()));
        values.add(thread.author());
        values.add(thread.handle());
        values.add(thread.dateText());
        values.add(thread.date() == null ? null : thread.date().toString());
        values.add(thread.tweetCount());
        values.add(row.tweetsShown());
        values.add(thread.complete());
        values.add(row.sentences());
        values.addAll(row.conceptSentences().values());
        threads.row(values);
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

    /** Writes the concept map and moves every file into place. */
    public void commit(RunManifest manifest) throws IOException {
        try (AtomicFile json = new AtomicFile(folder.resolve("concept-map.json"))) {
            ConceptMapJson.write(conceptMap, manifest, json.writer());
            sentences.commit();
            mentions.commit();
            threads.commit();
            json.commit();
            for (AtomicFile source : extractedSources) {
                source.commit();
            }
        }
    }

    /** Closes every file, even when closing one fails, and reports the first failure. */
    @Override
    public void close() throws IOException {
        List<Closeable> files = new ArrayList<>(List.of(sentences, mentions, threads));
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
