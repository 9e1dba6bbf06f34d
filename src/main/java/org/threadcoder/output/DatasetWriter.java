package org.threadcoder.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.Thread;

/**
 * Writes the study dataset: {@code sentences.csv}, {@code mentions.csv} and {@code threads.csv}
 * row by row as pages are processed, then {@code concept-map.json} from the aggregate. Every file
 * is written under a temporary name and all are renamed into place only by {@link #commit(RunManifest)}.
 */
public final class DatasetWriter implements Closeable {
    public static final List<String> SENTENCE_COLUMNS = List.of("sentence_id", "source", "thread_id", "author", "handle",
            "thread_date", "tweet_index", "tweet_end", "sentence_index", "start", "end", "text", "clean_text", "concepts");
    public static final List<String> MENTION_COLUMNS = List.of("mention_id", "sentence_id", "thread_id", "concept_id",
            "start", "end", "matched_text", "term");
    public static final List<String> THREAD_COLUMNS = List.of("thread_id", "source", "author", "handle", "date_text",
            "date", "tweet_count", "tweets_shown", "complete", "sentences");

    private final Path folder;
    private final ConceptMap conceptMap;
    private final CsvTable sentences;
    private final CsvTable mentions;
    private final CsvTable threads;

    public DatasetWriter(Path folder, Codebook codebook) throws IOException {
        this.folder = folder;
        this.conceptMap = new ConceptMap(codebook);
        List<CsvTable> opened = new ArrayList<>();
        try {
            sentences = open(opened, folder.resolve("sentences.csv"), SENTENCE_COLUMNS);
            mentions = open(opened, folder.resolve("mentions.csv"), MENTION_COLUMNS);
            List<String> threadColumns = new ArrayList<>(THREAD_COLUMNS);
            threadColumns.addAll(codebook.ids());
            threads = open(opened, folder.resolve("threads.csv"), threadColumns);
        } catch (IOException | RuntimeException failed) {
            for (CsvTable table : opened) {
                table.close();
            }
            throw failed;
        }
    }

    private static CsvTable open(List<CsvTable> opened, Path target, List<String> header) throws IOException {
        CsvTable table = new CsvTable(target, header);
        opened.add(table);
        return table;
    }

    /** Notes an input that was processed, for the manifest. */
    public void addSource(String source, String sha256) {
        conceptMap.addSource(source, sha256);
    }

    /** Writes one thread's rows. */
    public void write(TaggedThread tagged) throws IOException {
        Thread thread = tagged.thread();
        for (Sentence sentence : tagged.sentences()) {
            sentences.row(sentence.id(), thread.source(), thread.id(), thread.author(), thread.handle(),
                    thread.date() == null ? null : thread.date().toString(), sentence.firstTweet(), sentence.lastTweet(),
                    sentence.index(), sentence.span().start(), sentence.span().end(), sentence.text(), sentence.cleanText(),
                    String.join(";", tagged.conceptsOf(sentence)));
        }
        for (Mention mention : tagged.mentions()) {
            mentions.row(mention.id(), mention.sentenceId(), mention.threadId(), mention.conceptId(), mention.span().start(),
                    mention.span().end(), mention.matchedText(), mention.term());
        }
        ConceptMap.ThreadRow row = conceptMap.add(tagged);
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
        }
    }

    @Override
    public void close() throws IOException {
        sentences.close();
        mentions.close();
        threads.close();
    }
}
