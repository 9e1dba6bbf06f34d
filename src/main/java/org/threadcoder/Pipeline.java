package org.threadcoder;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
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
import org.threadcoder.output.OutputSet;
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
    /** A worker's batch holds at most this many inputs, and this many bytes unless one input is larger. */
    static final int BATCH_INPUTS = 16;
    static final long BATCH_BYTES = 1_000_000;
    /**
     * Batches queued or in work, per worker: always this many (and one), as many as {@link #MOST_BATCHES_PER_WORKER}
     * while their inputs stay within as many bytes as the fewest would hold. With a single small batch queued, one
     * worker waited while the writing thread wrote each batch (about 1,000 waits over 1 ms, 1.4-1.9 s, in a run of
     * 34,000 small pages); with this window none.
     */
    static final int FEWEST_BATCHES_PER_WORKER = 2;
    static final int MOST_BATCHES_PER_WORKER = 8;

    /** A worker's batch of inputs, and their bytes. */
    record Batch(List<Input> inputs, long bytes) {
        Batch {
            inputs = List.copyOf(inputs);
        }
    }

    /** A batch handed to the workers, not yet written. */
    private record Queued(Future<List<Outcome>> outcomes, long bytes) {
    }

    private final PageReader reader = new PageReader();
    private final SentenceSplitter splitter;
    private final Tagger tagger;
    private final Codebook codebook;
    private final ContextRules contextRules;
    private final LanguageModels models;
    private final Tagger.Options taggerOptions;

    public Pipeline(Codebook codebook, ContextRules contextRules) {
        this(codebook, contextRules, LanguageModels.english(), Tagger.Options.DEFAULT);
    }

    public Pipeline(Codebook codebook, ContextRules contextRules, LanguageModels models, Tagger.Options taggerOptions) {
        this.codebook = codebook;
        this.contextRules = contextRules;
        this.models = models;
        this.taggerOptions = taggerOptions;
        this.splitter = new SentenceSplitter(models.newSentenceDetector());
        WordTokenizer tokenizer = new WordTokenizer(models.newTokenizer());
        TermMatcher matcher = Tagger.compile(codebook, tokenizer);
        this.tagger = new Tagger(matcher, contextRules, tokenizer, models::newPosTagger, models::newLemmatizer, taggerOptions);
    }

    /** An input file and the name the outputs give it. */
    public record Input(Path path, String source) {
    }

    /** An input that could not be processed, and why. */
    public record Failure(String file, String reason) implements Serializable {
    }

    /** What became of one input: its page, threads and warnings, or why it failed ({@code page} null). */
    public record Outcome(Page page, List<TaggedThread> tagged, List<String> warnings, Failure failure) {
    }

    /** What a run did. */
    public record Summary(int pages, int threads, int sentences, int mentions, List<Failure> failures, List<String> warnings,
                          double keptShare) {
    }

    /** A last step on the finished output folder before it replaces the previous one (the report). */
    public interface Finisher {
        Finisher NONE = folder -> {
        };

        void finish(Path folder) throws IOException, InputException;
    }

    /** Told of each input as the run is done with it (written or failed), on the thread that writes, in input order. */
    public interface Progress {
        Progress NONE = input -> {
        };

        void done(Input input);
    }

    /**
     * How a run writes.
     *
     * @param rollUp          the concept map and {@code threads.csv} also count each child concept under its ancestors
     * @param workers         pages processed in parallel (at least 1)
     * @param spreadsheetSafe text cells starting with a formula character get a leading {@code '} (see {@link org.threadcoder.output.CsvTable})
     * @param finisher        what to add to the output folder before it is moved into place
     * @param progress        told of each input done
     */
    public record RunOptions(boolean rollUp, int workers, boolean spreadsheetSafe, Finisher finisher, Progress progress) {
        public RunOptions {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            finisher = finisher == null ? Finisher.NONE : finisher;
            progress = progress == null ? Progress.NONE : progress;
        }

        /** Options that report no progress. */
        public RunOptions(boolean rollUp, int workers, boolean spreadsheetSafe, Finisher finisher) {
            this(rollUp, workers, spreadsheetSafe, finisher, Progress.NONE);
        }

        /** One worker, direct counts, cells as they are, nothing added. */
        public static RunOptions defaults() {
            return new RunOptions(false, 1, false, Finisher.NONE);
        }
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
            List<String> warnings = new ArrayList<>(page.warnings());
            return new Outcome(page, process(page, warnings), warnings, null);
        } catch (InputException bad) {
            return failed(new Failure(bad.file(), bad.reason()));
        } catch (OutOfMemoryError tooLarge) {
            // the page's objects are garbage once this returns, so the other inputs go on
            return failed(new Failure(source, outOfMemory("processing it")));
        } catch (StackOverflowError tooDeep) {
            return failed(new Failure(source, "internal error: stack overflow (nested too deeply to process)"));
        } catch (RuntimeException bug) {
            // a defect on one page must not cost the others: report it as that input's failure
            return failed(new Failure(source, "internal error: " + bug));
        }
    }

    /** Splits and tags every thread of a page. */
    public List<TaggedThread> process(Page page) {
        return process(page, new ArrayList<>());
    }

    /** Splits and tags every thread of a page, adding what the splitter had to cut to {@code warnings}. */
    public List<TaggedThread> process(Page page, List<String> warnings) {
        List<TaggedThread> tagged = new ArrayList<>();
        for (TweetThread thread : page.threads()) {
            List<Sentence> sentences = splitter.split(page.text(), thread, warnings);
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
    public Summary run(List<Input> inputs, List<Failure> earlierFailures, Path outFolder, RunManifest manifest)
            throws IOException, InputException {
        return run(inputs, earlierFailures, outFolder, manifest, RunOptions.defaults());
    }

    /**
     * Processes inputs with {@code options.workers()} threads, each page on its own, and writes the
     * results in input order, so the files are the same bytes whatever the number of workers. At most
     * a few batches ({@link #batches}) per worker, of a few MB of inputs, are held in memory at once
     * ({@link #mayQueue}). Everything is written into a staging folder beside {@code outFolder} that
     * replaces it only when whole ({@link OutputSet}); with no page processed, {@code outFolder} is
     * left as it was.
     *
     * @throws InputException when {@code outFolder} holds files threadcoder did not write, or the finisher
     *                        cannot read what the run wrote
     */
    public Summary run(List<Input> inputs, List<Failure> earlierFailures, Path outFolder, RunManifest manifest, RunOptions options)
            throws IOException, InputException {
        List<Failure> failures = new ArrayList<>(earlierFailures);
        int pages = 0;
        BlockingQueue<Pipeline> idle = new ArrayBlockingQueue<>(options.workers());
        idle.add(this);
        for (int i = 1; i < Math.min(options.workers(), Math.max(1, inputs.size())); i++) {
            idle.add(new Pipeline(codebook, contextRules, models, taggerOptions));
        }
        // the idle queue empties as the workers take their pipelines: the window is set by how many there are
        int workers = idle.size();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            java.lang.Thread worker = new java.lang.Thread(task, "threadcoder-worker");
            worker.setDaemon(true);
            return worker;
        });
        try (OutputSet set = OutputSet.replace(outFolder);
             DatasetWriter writer = new DatasetWriter(set.folder(), codebook, options.rollUp(), options.spreadsheetSafe())) {
            List<String> warnings = new ArrayList<>(set.repairs());
            Deque<Queued> inFlight = new ArrayDeque<>();
            long inFlightBytes = 0;
            int done = 0;
            Iterator<Batch> batches = batches(inputs);
            Batch next = null;
            while (next != null || batches.hasNext() || !inFlight.isEmpty()) {
                if (next == null && batches.hasNext()) {
                    next = batches.next();
                }
                if (next != null && mayQueue(inFlight.size(), inFlightBytes, next.bytes(), workers)) {
                    Batch batch = next;
                    next = null;
                    inFlight.add(new Queued(pool.submit(() -> processWithIdle(batch.inputs(), idle)), batch.bytes()));
                    inFlightBytes += batch.bytes();
                    continue;
                }
                Queued head = inFlight.poll();
                inFlightBytes -= head.bytes();
                for (Outcome outcome : take(head.outcomes())) {
                    pages += write(outcome, writer, failures, warnings);
                    options.progress().done(inputs.get(done++));
                }
            }
            if (pages == 0) {
                // nothing to show: keep whatever an earlier run left in the folder rather than replace it with empty files
                return new Summary(0, 0, 0, 0, failures, warnings, 0);
            }
            for (Failure failure : failures) {
                writer.addFailure(failure.file(), failure.reason());
            }
            writer.commit(manifest);
            options.finisher().finish(set.folder());
            set.commit();
            return new Summary(pages, writer.conceptMap().threadCount(), writer.conceptMap().sentenceCount(),
                    writer.conceptMap().mentionCount(), failures, warnings, writer.conceptMap().keptShare());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Whether one more batch of {@code bytes} may go to the workers, with {@code queued} batches of {@code queuedBytes}
     * not yet written: memory holds at most {@value #FEWEST_BATCHES_PER_WORKER} batches a worker and one, or more
     * batches (up to {@value #MOST_BATCHES_PER_WORKER} a worker and one) of no more bytes than those could hold.
     */
    static boolean mayQueue(int queued, long queuedBytes, long bytes, int workers) {
        if (queued < FEWEST_BATCHES_PER_WORKER * workers + 1) {
            return true;
        }
        return queued < MOST_BATCHES_PER_WORKER * workers + 1 && queuedBytes + bytes <= (FEWEST_BATCHES_PER_WORKER * workers + 1) * BATCH_BYTES;
    }

    /**
     * The inputs in order, cut into the batches a worker takes at once: a hand-off between threads per page
     * cost a tenth of a run of small pages, while a batch of at most {@link #BATCH_BYTES} keeps memory flat.
     * An input larger than that is a batch of its own; one whose size cannot be read counts as empty (its
     * outcome says why it cannot be read).
     */
    static Iterator<Batch> batches(List<Input> inputs) {
        // cut as the run goes: no batch list to hold, and no file's size read long before the file is
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < inputs.size();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                List<Input> batch = new ArrayList<>();
                long bytes = 0;
                while (next < inputs.size() && batch.size() < BATCH_INPUTS) {
                    long size = sizeOf(inputs.get(next).path());
                    if (!batch.isEmpty() && bytes + size > BATCH_BYTES) {
                        break;
                    }
                    batch.add(inputs.get(next++));
                    bytes += size;
                }
                return new Batch(batch, bytes);
            }
        };
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            return 0;
        }
    }

    /** Takes an idle pipeline, processes a batch of inputs with it, gives it back. */
    private static List<Outcome> processWithIdle(List<Input> batch, BlockingQueue<Pipeline> idle) throws InterruptedException {
        Pipeline pipeline = idle.take();
        try {
            List<Outcome> outcomes = new ArrayList<>(batch.size());
            for (Input input : batch) {
                outcomes.add(pipeline.outcome(input));
            }
            return outcomes;
        } finally {
            idle.put(pipeline);
        }
    }

    private static Outcome failed(Failure failure) {
        return new Outcome(null, List.of(), List.of(), failure);
    }

    /** One line for running out of memory: what was being done, the heap there was, how to give more. */
    public static String outOfMemory(String doing) {
        long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "out of memory while " + doing + " (Java heap " + heap + " MB); give Java more memory, e.g. java -Xmx"
                + Math.max(2, 2 * heap / 1024 + 1) + "g -jar threadcoder.jar ...";
    }

    /** A batch's outcomes, once its worker is done with it. */
    private static List<Outcome> take(Future<List<Outcome>> pending) throws IOException {
        try {
            return pending.get();
        } catch (InterruptedException interrupted) {
            java.lang.Thread.currentThread().interrupt();
            throw new IOException("interrupted while processing", interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("a worker failed outside its input's handling", failed.getCause());
        }
    }

    /** Writes one outcome; returns 1 for a page written, 0 for a failure. */
    private static int write(Outcome outcome, DatasetWriter writer, List<Failure> failures, List<String> warnings) throws IOException {
        if (outcome.failure() != null) {
            failures.add(outcome.failure());
            return 0;
        }
        Page page = outcome.page();
        outcome.warnings().forEach(warning -> warnings.add(page.source() + ": " + warning));
        try {
            writer.addPage(page, outcome.tagged(), outcome.warnings());
        } catch (OutOfMemoryError tooLarge) {
            throw new IOException(outOfMemory("writing the rows of " + page.source()), tooLarge);
        }
        return 1;
    }
}
