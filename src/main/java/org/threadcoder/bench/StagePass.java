package org.threadcoder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;
import org.threadcoder.output.DatasetWriter;
import org.threadcoder.output.RunManifest;

/**
 * One pass of the stages one after another on one thread: the inputs are taken a batch at a time,
 * and each batch is parsed, then split, then tagged, then written, each stage timed on its own. A
 * batch is a few megabytes, so memory stays flat on any corpus while the clocks are read only a few
 * times a batch.
 */
final class StagePass {
    /** The stages a pass times, in order. */
    enum Stage {
        PARSE, SPLIT, TAG, WRITE
    }

    /** Bytes of input a batch holds (at least one input). */
    private static final long BATCH_BYTES = 4_000_000;

    /** What one pass measured: per stage its time, and the sentences the pass made. */
    record Times(Clock[] stages, long sentences) {
        Clock of(Stage stage) {
            return stages[stage.ordinal()];
        }
    }

    private final Pipeline pipeline;
    private final RunManifest manifest;

    StagePass(Pipeline pipeline, RunManifest manifest) {
        this.pipeline = pipeline;
        this.manifest = manifest;
    }

    /**
     * Runs every stage over {@code inputs} (inputs known to parse) into a scratch folder under {@code scratch},
     * deleted afterwards.
     */
    Times run(List<Pipeline.Input> inputs, List<Long> sizes, Path scratch) throws IOException, InputException {
        Clock[] stages = new Clock[Stage.values().length];
        java.util.Arrays.fill(stages, Clock.zero());
        long sentenceCount = 0;
        Path folder = Files.createTempDirectory(scratch, "stages");
        try (DatasetWriter writer = new DatasetWriter(folder, pipeline.codebook(), false)) {
            int next = 0;
            while (next < inputs.size()) {
                int end = next;
                long bytes = 0;
                while (end < inputs.size() && (end == next || bytes + sizes.get(end) <= BATCH_BYTES)) {
                    bytes += sizes.get(end++);
                }
                sentenceCount += batch(inputs.subList(next, end), writer, stages);
                next = end;
            }
            Clock started = Clock.now();
            writer.commit(manifest);
            stages[Stage.WRITE.ordinal()] = Clock.add(stages[Stage.WRITE.ordinal()], started, Clock.now());
        } finally {
            Benchmark.deleteTree(folder);
        }
        return new Times(stages, sentenceCount);
    }

    /** One batch through the four stages; returns its sentences. */
    private long batch(List<Pipeline.Input> inputs, DatasetWriter writer, Clock[] stages) throws IOException, InputException {
        Clock started = Clock.now();
        List<Page> pages = new ArrayList<>(inputs.size());
        for (Pipeline.Input input : inputs) {
            pages.add(pipeline.parse(input));
        }
        started = lap(stages, Stage.PARSE, started);
        List<List<String>> warnings = new ArrayList<>(pages.size());
        List<List<List<Sentence>>> split = new ArrayList<>(pages.size());
        long sentences = 0;
        for (Page page : pages) {
            List<String> pageWarnings = new ArrayList<>(page.warnings());
            List<List<Sentence>> threads = new ArrayList<>(page.threads().size());
            for (TweetThread thread : page.threads()) {
                List<Sentence> inThread = pipeline.splitter().split(page.text(), thread, pageWarnings);
                sentences += inThread.size();
                threads.add(inThread);
            }
            warnings.add(pageWarnings);
            split.add(threads);
        }
        started = lap(stages, Stage.SPLIT, started);
        List<List<TaggedThread>> tagged = new ArrayList<>(pages.size());
        for (int p = 0; p < pages.size(); p++) {
            List<TaggedThread> threads = new ArrayList<>();
            for (int t = 0; t < pages.get(p).threads().size(); t++) {
                List<Mention> mentions = new ArrayList<>();
                for (Sentence sentence : split.get(p).get(t)) {
                    mentions.addAll(pipeline.tagger().tag(sentence));
                }
                threads.add(new TaggedThread(pages.get(p).threads().get(t), split.get(p).get(t), mentions));
            }
            tagged.add(threads);
        }
        started = lap(stages, Stage.TAG, started);
        for (int p = 0; p < pages.size(); p++) {
            writer.addPage(pages.get(p), tagged.get(p), warnings.get(p));
        }
        lap(stages, Stage.WRITE, started);
        return sentences;
    }

    /** Adds the time since {@code started} to a stage; returns now, the next stage's start. */
    private static Clock lap(Clock[] stages, Stage stage, Clock started) {
        Clock now = Clock.now();
        stages[stage.ordinal()] = Clock.add(stages[stage.ordinal()], started, now);
        return now;
    }
}
