package org.threadcoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.Tweet;
import org.threadcoder.tagging.CodebookLoader;
import org.threadcoder.tagging.ContextRules;

/** Shared fixtures: resources, the project codebook and one pipeline per test JVM (models load once). */
public final class TestSupport {
    public static final String SEED = "000_3c96c6a75e1a7665.txt";
    private static Pipeline pipeline;

    private TestSupport() {
    }

    public static Path resource(String name) {
        try {
            var url = TestSupport.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException bad) {
            throw new IllegalStateException(bad);
        }
    }

    public static Path seed() {
        return resource("seed/" + SEED);
    }

    /** The project's codebook, {@code models/codebook.yaml}. */
    public static Path codebookFile() {
        return Path.of("models", "codebook.yaml");
    }

    public static Codebook codebook() {
        try {
            return CodebookLoader.load(codebookFile());
        } catch (InputException bad) {
            throw new IllegalStateException(bad.getMessage(), bad);
        }
    }

    /** The project's context rules, {@code models/context.yaml}. */
    public static ContextRules contextRules() {
        try {
            return ContextRules.load(Path.of("models", "context.yaml"));
        } catch (InputException bad) {
            throw new IllegalStateException(bad.getMessage(), bad);
        }
    }

    public static synchronized Pipeline pipeline() {
        if (pipeline == null) {
            pipeline = new Pipeline(codebook(), contextRules());
        }
        return pipeline;
    }

    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The data rows of a CSV file the tool wrote, by header name. */
    public static List<org.apache.commons.csv.CSVRecord> csvRows(Path file) {
        try (var reader = Files.newBufferedReader(file)) {
            return org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** A one-tweet thread over a whole text, for running the splitter on plain prose. */
    public static TweetThread wholeText(String text) {
        Span all = new Span(0, text.codePointCount(0, text.length()));
        return new TweetThread("case#t1", "case", null, null, null, null, null, true, all, List.of(),
                List.of(new Tweet(1, all, null, true, null)), null);
    }

    /** The sentences of a page holding {@code text}, parsed (links masked, tweets cut) and split as a run does. */
    public static List<String> sentencesOfPage(Path folder, String text) throws IOException, InputException {
        Path file = Files.writeString(folder.resolve("page.txt"), text + "\n", StandardCharsets.UTF_8);
        Pipeline pipeline = pipeline();
        return pipeline.process(pipeline.parse(new Pipeline.Input(file, "page.txt"))).stream()
                .flatMap(thread -> thread.sentences().stream()).map(Sentence::text).toList();
    }
}
