package org.threadcoder;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;
import org.threadcoder.output.DatasetWriter;
import org.threadcoder.output.RunManifest;
import org.threadcoder.parse.PageReader;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.sentences.SentenceSplitter;
import org.threadcoder.sentences.WordTokenizer;
import org.threadcoder.tagging.ContextRules;
import org.threadcoder.tagging.Tagger;
import org.threadcoder.tagging.TermMatcher;

/**
 * The stages chained: parse a page, split each thread into sentences, tag each sentence. One
 * instance holds one set of OpenNLP ME objects and is used by one thread at a time; {@link #run}
 * makes one more per extra worker, sharing the models, which are loaded once.
 */
public final class Pipeline {
    private final PageReader reader = new PageReader();
    private final SentenceSplitter splitter;
    private final Tagger tagger;
    private final Codebook codebook;
    private final ContextRules contextRules;
    private final LanguageModels models;
    private final Tagger.LemmaMode lemmaMode;

    public Pipeline(Codebook codebook, ContextRules contextRules) {
        this(codebook, contextRules, LanguageModels.english(), Tagger.LemmaMode.WORD);
    }

    public Pipeline(Codebook codebook, ContextRules contextRules, LanguageModels models, Tagger.LemmaMode lemmaMode) {
        this.codebook = codebook;
        this.contextRules = contextRules;
        this.models = models;
        this.lemmaMode = lemmaMode;
        this.splitter = new SentenceSplitter(models.newSentenceDetector());
        WordTokenizer tokenizer = new WordTokenizer(models.newTokenizer());
        TermMatcher matcher = Tagger.compile(codebook, tokenizer);
        this.tagger = new Tagger(matcher, contextRules, tokenizer, models.newPosTagger(), models.newLemmatizer(), lemmaMode);
    }

    /** An input file and the name the outputs give it. */
    public record Input(Path path, String source) {
    }

    /** An input that could not be processed, and why. */
    public record Failure(String file, String reason) implements Serializable {
    }

    /** What became of one input: its page and threads, or why it failed ({@code page} null). */
    public record Outcome(Page page, List<TaggedThread> tagged, Failure failure) {
    }

    /** What a run did. */
    public record Summary(int pages, int threads, int sentences, int mentions, List<Failure> failures, List<String> warnings,
                          double keptShare) {
    }

    public Codebook codebook() {
        return codebook;
    }

    public Page parse(Input input) throws InputException {
        return reader.parse(input.path(), input.source());
    }

    public SentenceSplitter splitter() {
        return splitter;
    }

    public Tagger tagger() {
        return tagger;
    }

    /** Parses, splits and tags one input; a bad input, or a defect met on it, becomes its failure with a one-line reason. */
    public Outcome outcome(Input input) {
        return outcome(input.source(), () -> Files.readAllBytes(input.path()));
    }

    /** As {@link #outcome(Input)}, for an input whose bytes come from elsewhere (a Hadoop file system, say). */
    public Outcome outcome(String source, PageReader.ByteSource bytes) {
        try {
            Page page = reader.parse(source, bytes);
            return new Outcome(page, process(page), null);
        } catch (InputException bad) {
            return new Outcome(null, List.of(), new Failure(bad.file(), bad.reason()));
        } catch (RuntimeException bug) {
            // a defect on one page must not cost the others: report it as that input's failure
            return new Outcome(null, List.of(), new Failure(source, "internal error: " + bug));
        }
    }

    /** Splits and tags every thread of a page. */
    public List<TaggedThread> process(Page page) {
        List<TaggedThread> tagged = new ArrayList<>();
        for (TweetThread thread : page.threads()) {
            List<Sentence> sentences = splitter.split(page.text(), thread);
            List<Mention> mentions = new ArrayList<>();
            for (Sentence sentence : sentences) {
                mentions.addAll(tagger.tag(sentence));
            }
            tagged.add(new TaggedThread(thread, sentences, mentions));
        }
        return tagged;
    }

    /**
     * Processes inputs one page at a time into {@code outFolder}. A bad input is recorded as a failure
     * and the others go on; the output files appear whole at the end, or not at all.
     */
    public Summary run(List<Input> inputs, List<Failure> earlierFailures, Path outFolder, RunManifest manifest) throws IOException {
        return run(inputs, earlierFailures, outFolder, manifest, false);
    }

    /**
     * As {@link #run(List, List, Path, RunManifest)}; with {@code rollUp} the concept map and
     * {@code threads.csv} also count each child concept under its ancestors.
     */
    public Summary run(List<Input> inputs, List<Failure> earlierFailures, Path outFolder, RunManifest manifest, boolean rollUp)
            throws IOException {
        return run(inputs, earlierFailures, outFolder, manifest, rollUp, 1);
    }

    /**
     * Processes inputs with {@code workers} threads, each page on its own, and writes the results in
     * input order, so the files are the same bytes whatever the number of workers. At most a few
     * pages per worker are held in memory at once.
     */
    public Summary run(List<Input> inputs, List<Failure> earlierFailures, Path outFolder, RunManifest manifest, boolean rollUp,
                       int workers) throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        List<Failure> failures = new ArrayList<>(earlierFailures);
        List<String> warnings = new ArrayList<>();
        int pages = 0;
        BlockingQueue<Pipeline> idle = new ArrayBlockingQueue<>(workers);
        idle.add(this);
        for (int i = 1; i < Math.min(workers, Math.max(1, inputs.size())); i++) {
            idle.add(new Pipeline(codebook, contextRules, models, lemmaMode));
        }
        ExecutorService pool = Executors.newFixedThreadPool(idle.size(), task -> {
            java.lang.Thread worker = new java.lang.Thread(task, "threadcoder-worker");
            worker.setDaemon(true);
            return worker;
        });
        try (DatasetWriter writer = new DatasetWriter(outFolder, codebook, rollUp)) {
            Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
            for (Input input : inputs) {
                inFlight.add(pool.submit(() -> processWithIdle(input, idle)));
                if (inFlight.size() >= 2 * idle.size() + 1) {
                    pages += write(inFlight.poll(), writer, failures, warnings);
                }
            }
            while (!inFlight.isEmpty()) {
                pages += write(inFlight.poll(), writer, failures, warnings);
            }
            if (pages == 0) {
                // nothing to show: keep whatever an earlier run left in the folder rather than replace it with empty files
                return new Summary(0, 0, 0, 0, failures, warnings, 0);
            }
            for (Failure failure : failures) {
                writer.addFailure(failure.file(), failure.reason());
            }
            writer.commit(manifest);
            return new Summary(pages, writer.conceptMap().threads().size(), writer.conceptMap().sentenceCount(),
                    writer.conceptMap().mentionCount(), failures, warnings, writer.conceptMap().keptShare());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Takes an idle pipeline, processes one input with it, gives it back. */
    private static Outcome processWithIdle(Input input, BlockingQueue<Pipeline> idle) throws InterruptedException {
        Pipeline pipeline = idle.take();
        try {
            return pipeline.outcome(input);
        } finally {
            idle.put(pipeline);
        }
    }

    /** Writes one outcome; returns 1 for a page written, 0 for a failure. */
    private static int write(Future<Outcome> pending, DatasetWriter writer, List<Failure> failures, List<String> warnings) throws IOException {
        Outcome outcome;
        try {
            outcome = pending.get();
        } catch (InterruptedException interrupted) {
            java.lang.Thread.currentThread().interrupt();
            throw new IOException("interrupted while processing", interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("a worker failed outside its input's handling", failed.getCause());
        }
        if (outcome.failure() != null) {
            failures.add(outcome.failure());
            return 0;
        }
        Page page = outcome.page();
        page.warnings().forEach(warning -> warnings.add(page.source() + ": " + warning));
        writer.addPage(page, outcome.tagged());
        return 1;
    }
}
