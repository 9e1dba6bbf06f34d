package org.threadcoder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TweetThread;
import org.threadcoder.output.RunManifest;

/**
 * Measures each stage on the given inputs, repeating the corpus until a stage has run for the
 * time asked, so small inputs still give steady figures. Single-threaded: figures are per core.
 */
public final class Benchmark {

    /** One stage's throughput. */
    public record Result(String stage, long bytes, long sentences, double seconds) {
        public double megabytesPerSecond() {
            return bytes / 1_000_000.0 / seconds;
        }

        public double sentencesPerSecond() {
            return sentences / seconds;
        }
    }

    private final Pipeline pipeline;
    private final double secondsPerStage;

    public Benchmark(Pipeline pipeline, double secondsPerStage) {
        if (secondsPerStage <= 0) {
            throw new IllegalArgumentException("seconds per stage must be > 0, got " + secondsPerStage);
        }
        this.pipeline = pipeline;
        this.secondsPerStage = secondsPerStage;
    }

    public List<Result> run(List<Pipeline.Input> inputs, RunManifest manifest) throws IOException, InputException {
        List<Page> pages = new ArrayList<>();
        long bytes = 0;
        for (Pipeline.Input input : inputs) {
            Page page = pipeline.parse(input);
            pages.add(page);
            bytes += Files.size(input.path());
        }
        List<Sentence> sentences = new ArrayList<>();
        for (Page page : pages) {
            for (TweetThread thread : page.threads()) {
                sentences.addAll(pipeline.splitter().split(page.text(), thread));
            }
        }
        long sentenceCount = sentences.size();
        long corpusBytes = bytes;
        List<Result> results = new ArrayList<>();
        results.add(measure("parse", corpusBytes, sentenceCount, () -> {
            for (Pipeline.Input input : inputs) {
                pipeline.parse(input);
            }
        }));
        results.add(measure("split sentences", corpusBytes, sentenceCount, () -> {
            for (Page page : pages) {
                for (TweetThread thread : page.threads()) {
                    pipeline.splitter().split(page.text(), thread);
                }
            }
        }));
        results.add(measure("tag (tokenize, lemmatize, match)", corpusBytes, sentenceCount, () -> {
            for (Sentence sentence : sentences) {
                pipeline.tagger().tag(sentence);
            }
        }));
        Path scratch = Files.createTempDirectory("threadcoder-bench");
        try {
            results.add(measure("end to end (parse to files)", corpusBytes, sentenceCount,
                    () -> pipeline.run(inputs, List.of(), scratch, manifest)));
        } finally {
            deleteTree(scratch);
        }
        return results;
    }

    /** Deletes a scratch folder and everything in it. */
    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private interface Stage {
        void run() throws IOException, InputException;
    }

    private Result measure(String name, long bytes, long sentences, Stage stage) throws IOException, InputException {
        stage.run(); // warm up the JIT and caches once
        long started = System.nanoTime();
        long rounds = 0;
        double elapsed;
        do {
            stage.run();
            rounds++;
            elapsed = (System.nanoTime() - started) / 1e9;
        } while (elapsed < secondsPerStage);
        return new Result(name, bytes * rounds, sentences * rounds, elapsed);
    }
}
