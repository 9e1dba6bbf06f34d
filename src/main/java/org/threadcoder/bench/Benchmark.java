package org.threadcoder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.sentdetect.SentenceDetectorME;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.output.RunManifest;
import org.threadcoder.sentences.LanguageModels;

/**
 * Measures, in one JVM over the same files, OpenNLP's sentence detector alone (read, decode,
 * {@code sentPosDetect}: the one model every run must run anyway, and the yardstick of the others),
 * then each of our stages (parse, split, tag, write: {@link StagePass}) and the whole run (parse to
 * files written, no report) with one worker and, when asked, more. Inputs that cannot be processed
 * are skipped with their reason, as {@code run} skips them. Every figure is the median of
 * {@link Options#passes()} passes after a warm-up pass; a pass repeats the inputs until it has run
 * {@link Options#minimumSeconds()}, so small inputs still give steady figures.
 */
public final class Benchmark {

    /**
     * How to measure.
     *
     * @param passes         passes timed per stage after the warm-up (the median is kept)
     * @param minimumSeconds a pass goes over the inputs again until it has run this long
     * @param workers        workers of a second end-to-end run; 1 for none
     */
    public record Options(int passes, double minimumSeconds, int workers) {
        public Options {
            if (passes < 1) {
                throw new IllegalArgumentException("passes must be >= 1, got " + passes);
            }
            if (minimumSeconds < 0) {
                throw new IllegalArgumentException("minimum seconds must be >= 0, got " + minimumSeconds);
            }
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
        }
    }

    /** One stage's median pass: what it went through and the time it took. */
    public record Figure(String stage, long bytes, long sentences, double wallSeconds, double cpuSeconds) {
        public double megabytesPerSecond() {
            return bytes / 1_000_000.0 / wallSeconds;
        }

        public double sentencesPerSecond() {
            return sentences / wallSeconds;
        }
    }

    /**
     * What a bench measured.
     *
     * @param detector the sentence detector alone, the yardstick
     * @param stages   our stages, then the end-to-end runs
     * @param inputs   the inputs measured (those that could be processed)
     * @param bytes    their size
     * @param skipped  the inputs left out, with their reasons
     */
    public record Report(Figure detector, List<Figure> stages, int inputs, long bytes, List<Pipeline.Failure> skipped) {
        public Report {
            stages = List.copyOf(stages);
            skipped = List.copyOf(skipped);
        }

        /** A figure's speed over the sentence detector's. */
        public double ratio(Figure figure) {
            return figure.megabytesPerSecond() / detector.megabytesPerSecond();
        }
    }

    static final String DETECTOR = "OpenNLP sentence detector alone";
    static final String PARSE = "parse";
    static final String SPLIT = "split sentences";
    static final String TAG = "tag (tokenize, key, match, context)";
    static final String WRITE = "write rows and aggregate";
    static final String END_TO_END = "end to end, %d worker%s";

    private final Pipeline pipeline;
    private final LanguageModels models;
    private final Options options;

    public Benchmark(Pipeline pipeline, LanguageModels models, Options options) {
        this.pipeline = pipeline;
        this.models = models;
        this.options = options;
    }

    /** Measures every stage on {@code inputs}; those that cannot be processed are left out and named in the report. */
    public Report run(List<Pipeline.Input> inputs, RunManifest manifest) throws IOException, InputException {
        Path scratch = Files.createTempDirectory("threadcoder-bench");
        try {
            // the first end-to-end run finds the inputs that fail, and warms the JIT on the whole pipeline
            Pipeline.Summary first = endToEnd(inputs, 1, manifest, scratch).summary();
            java.util.Set<String> failed = new java.util.HashSet<>();
            first.failures().forEach(failure -> failed.add(failure.file()));
            List<Pipeline.Input> good = inputs.stream().filter(input -> !failed.contains(input.source())).toList();
            if (good.isEmpty()) {
                return new Report(new Figure(DETECTOR, 0, 0, 0, 0), List.of(), 0, 0, first.failures());
            }
            List<Long> sizes = new ArrayList<>(good.size());
            for (Pipeline.Input input : good) {
                sizes.add(Files.size(input.path()));
            }
            long bytes = sizes.stream().mapToLong(Long::longValue).sum();
            Figure detector = median(DETECTOR, bytes, () -> detect(good));
            List<Figure> stages = stages(good, sizes, bytes, manifest, scratch);
            stages.add(median(String.format(END_TO_END, 1, ""), bytes, () -> timedRun(good, 1, manifest, scratch)));
            if (options.workers() > 1) {
                stages.add(median(String.format(END_TO_END, options.workers(), "s"), bytes,
                        () -> timedRun(good, options.workers(), manifest, scratch)));
            }
            return new Report(detector, stages, good.size(), bytes, first.failures());
        } finally {
            deleteTree(scratch);
        }
    }

    /** What one pass of a measurement went through, and its time. */
    private record Pass(long sentences, Clock time) {
    }

    private interface Measured {
        Pass run() throws IOException, InputException;
    }

    /** Warms up with one pass, then keeps the median of the timed passes (each repeated to the minimum time). */
    private Figure median(String stage, long bytes, Measured measured) throws IOException, InputException {
        measured.run();
        List<Figure> passes = new ArrayList<>();
        for (int pass = 0; pass < options.passes(); pass++) {
            long rounds = 0;
            long sentences = 0;
            Clock total = Clock.zero();
            do {
                Pass one = measured.run();
                sentences += one.sentences();
                total = new Clock(total.wallNanos() + one.time().wallNanos(), total.cpuNanos() + one.time().cpuNanos());
                rounds++;
            } while (total.wallSeconds() < options.minimumSeconds());
            passes.add(new Figure(stage, bytes * rounds, sentences, total.wallSeconds(), total.cpuSeconds()));
        }
        passes.sort(Comparator.comparingDouble(Figure::megabytesPerSecond));
        return passes.get(passes.size() / 2);
    }

    /** Our four stages, each the median of its passes; the passes time all four at once. */
    private List<Figure> stages(List<Pipeline.Input> inputs, List<Long> sizes, long bytes, RunManifest manifest, Path scratch)
            throws IOException, InputException {
        StagePass stagePass = new StagePass(pipeline, manifest);
        stagePass.run(inputs, sizes, scratch);
        List<List<Figure>> passes = new ArrayList<>();
        for (StagePass.Stage stage : StagePass.Stage.values()) {
            passes.add(new ArrayList<>());
        }
        for (int pass = 0; pass < options.passes(); pass++) {
            long rounds = 0;
            long sentences = 0;
            Clock[] totals = new Clock[StagePass.Stage.values().length];
            java.util.Arrays.fill(totals, Clock.zero());
            double elapsed;
            do {
                StagePass.Times times = stagePass.run(inputs, sizes, scratch);
                sentences += times.sentences();
                elapsed = 0;
                for (StagePass.Stage stage : StagePass.Stage.values()) {
                    Clock time = times.of(stage);
                    Clock total = totals[stage.ordinal()];
                    totals[stage.ordinal()] = new Clock(total.wallNanos() + time.wallNanos(), total.cpuNanos() + time.cpuNanos());
                    elapsed += totals[stage.ordinal()].wallSeconds();
                }
                rounds++;
            } while (elapsed < options.minimumSeconds());
            for (StagePass.Stage stage : StagePass.Stage.values()) {
                Clock total = totals[stage.ordinal()];
                passes.get(stage.ordinal()).add(new Figure(name(stage), bytes * rounds, sentences, total.wallSeconds(), total.cpuSeconds()));
            }
        }
        List<Figure> medians = new ArrayList<>();
        for (List<Figure> stage : passes) {
            stage.sort(Comparator.comparingDouble(Figure::megabytesPerSecond));
            medians.add(stage.get(stage.size() / 2));
        }
        return medians;
    }

    private static String name(StagePass.Stage stage) {
        return switch (stage) {
            case PARSE -> PARSE;
            case SPLIT -> SPLIT;
            case TAG -> TAG;
            case WRITE -> WRITE;
        };
    }

    /** The yardstick: each file read, decoded as UTF-8 and given whole to the sentence detector. */
    private Pass detect(List<Pipeline.Input> inputs) throws IOException {
        SentenceDetectorME detector = models.newStockSentenceDetector();
        long sentences = 0;
        Clock started = Clock.now();
        for (Pipeline.Input input : inputs) {
            String text = new String(Files.readAllBytes(input.path()), StandardCharsets.UTF_8);
            sentences += detector.sentPosDetect(text).length;
        }
        return new Pass(sentences, Clock.add(Clock.zero(), started, Clock.now()));
    }

    private Pass timedRun(List<Pipeline.Input> inputs, int workers, RunManifest manifest, Path scratch) throws IOException, InputException {
        Timed run = endToEnd(inputs, workers, manifest, scratch);
        return new Pass(run.summary().sentences(), run.time());
    }

    /** A run's summary and its time (the scratch folder's deletion left out). */
    private record Timed(Pipeline.Summary summary, Clock time) {
    }

    /** One run as {@code run --no-report} makes it, into a scratch folder deleted afterwards. */
    private Timed endToEnd(List<Pipeline.Input> inputs, int workers, RunManifest manifest, Path scratch)
            throws IOException, InputException {
        Path out = scratch.resolve("run");
        try {
            Clock started = Clock.nowForProcess();
            Pipeline.Summary summary = pipeline.run(inputs, List.of(), out, manifest,
                    new Pipeline.RunOptions(false, workers, false, Pipeline.Finisher.NONE));
            return new Timed(summary, Clock.add(Clock.zero(), started, Clock.nowForProcess()));
        } finally {
            if (Files.exists(out)) {
                deleteTree(out);
            }
        }
    }

    /** Deletes a scratch folder and everything in it. */
    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
