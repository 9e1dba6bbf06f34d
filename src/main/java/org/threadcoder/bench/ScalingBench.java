package org.threadcoder.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.model.Page;
import org.threadcoder.model.TaggedThread;

/**
 * Time per MB to parse, split and tag one input made ever larger in one dimension: a
 * single long line of sentences, a single sentence with no end, a thread of many tweets. A step
 * that is quadratic in a line, a sentence or a thread shows as a time per MB that grows with the
 * size; linear code keeps it flat. The inputs are generated (words of our own, some of them
 * codebook terms and context triggers), the same for every run.
 */
public final class ScalingBench {

    /** What one input is made large in. */
    public enum Shape {
        /** One line of many sentences after a thread header. */
        LINE,
        /** One sentence with no end, on one line. */
        SENTENCE,
        /** Many numbered tweets of a few sentences each, one line each. */
        THREAD
    }

    /** One measurement: seconds over all runs for parsing, and for splitting and tagging. */
    public record Row(Shape shape, long bytes, int runs, double parseSeconds, double processSeconds) {
        public double secondsPerMegabyte() {
            return (parseSeconds + processSeconds) / runs / (bytes / 1_000_000.0);
        }

        public double parseShare() {
            return parseSeconds / (parseSeconds + processSeconds);
        }
    }

    private static final String[] WORDS = {"the", "therapist", "and", "client", "agree", "on", "shared", "goals", "of", "therapy",
        "a", "strong", "working", "alliance", "predicts", "outcome", "research", "evidence", "is", "not", "always", "clear",
        "we", "talk", "about", "trust", "in", "session", "with", "patients", "who", "may", "feel", "unheard", "when", "our",
        "plans", "change", "privacy", "matters", "to", "every", "person", "seeking", "help", "supervision", "keeps", "us", "honest"};
    private static final String HEADER = "Sample Author Profile picture\nMar 3, 2024 4 tweets 2 min read Read on X\n\n";

    private final Pipeline pipeline;
    private final double minimumSeconds;

    /**
     * @param minimumSeconds each size is run again until this much time has passed, so small inputs give steady figures
     */
    public ScalingBench(Pipeline pipeline, double minimumSeconds) {
        if (minimumSeconds <= 0) {
            throw new IllegalArgumentException("minimum seconds must be > 0, got " + minimumSeconds);
        }
        this.pipeline = pipeline;
        this.minimumSeconds = minimumSeconds;
    }

    /**
     * Writes each shape at each size and times parsing, splitting and tagging it (the stages that
     * see a whole line, sentence or thread; writing rows is per row), repeated until
     * {@code minimumSeconds} have passed.
     *
     * @param keepInputs the folder to write the inputs into and keep, or null for a scratch folder deleted afterwards
     */
    public List<Row> run(List<Long> sizes, Path keepInputs) throws IOException, InputException {
        Path inputs = keepInputs != null ? Files.createDirectories(keepInputs) : Files.createTempDirectory("threadcoder-scaling");
        try {
            List<Row> rows = new ArrayList<>();
            for (Shape shape : Shape.values()) {
                // warm the JIT on this shape before the first figure
                time(shape, write(inputs, shape, 10_000), 0.5);
                for (long size : sizes) {
                    rows.add(time(shape, write(inputs, shape, size), minimumSeconds));
                }
            }
            return rows;
        } finally {
            if (keepInputs == null) {
                Benchmark.deleteTree(inputs);
            }
        }
    }

    private Row time(Shape shape, Path input, double atLeast) throws IOException, InputException {
        Pipeline.Input one = new Pipeline.Input(input, input.getFileName().toString());
        long parsing = 0;
        long processing = 0;
        int runs = 0;
        while ((parsing + processing) / 1e9 < atLeast || runs == 0) {
            long started = now();
            Page page = pipeline.parse(one);
            long parsed = now();
            List<TaggedThread> tagged = pipeline.process(page, new ArrayList<>());
            long processed = now();
            if (tagged.isEmpty()) {
                throw new IllegalStateException("bench input " + input.getFileName() + " gave no thread");
            }
            parsing += parsed - started;
            processing += processed - parsed;
            runs++;
        }
        return new Row(shape, Files.size(input), runs, parsing / 1e9, processing / 1e9);
    }

    /**
     * The calling thread's CPU time where the JVM measures it, else the wall clock: the machine this
     * runs on is often shared, and CPU time does not count the time other processes took.
     */
    private static long now() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Writes one generated input of about {@code size} bytes; returns its path. */
    public static Path write(Path folder, Shape shape, long size) throws IOException {
        Path file = folder.resolve(shape.name().toLowerCase(Locale.ROOT) + "-" + size + ".txt");
        Random random = new Random(size * 31 + shape.ordinal());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            long written = HEADER.length();
            int tweet = 1;
            while (written < size) {
                StringBuilder piece = new StringBuilder();
                switch (shape) {
                    case LINE -> piece.append(sentence(random)).append(' ');
                    case SENTENCE -> piece.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    case THREAD -> {
                        piece.append(tweet++).append("/ ");
                        for (int k = 0; k < 3; k++) {
                            piece.append(sentence(random)).append(' ');
                        }
                        piece.setLength(piece.length() - 1);
                        piece.append('\n');
                    }
                    default -> throw new IllegalStateException("unknown shape " + shape);
                }
                out.write(piece.toString());
                written += piece.length();
            }
            out.write(shape == Shape.THREAD ? "" : "\n");
        }
        return file;
    }

    /** Seven to eighteen words, capitalised, with a full stop. */
    private static String sentence(Random random) {
        StringBuilder sentence = new StringBuilder();
        int words = 7 + random.nextInt(12);
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            sentence.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(w + 1 < words ? " " : ".");
        }
        return sentence.toString();
    }
}
