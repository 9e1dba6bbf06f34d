package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.Tweet;
import org.threadcoder.model.TweetThread;

/**
 * Every fixture page under {@code layouts/} against its {@code .expected.json}: rejected or not,
 * the page's format and warnings where given, threads with author, handle, dates, announced and
 * shown tweets, completeness, repeated tweets, and exactly their sentences in order.
 *
 * <p>A fixture marked {@code knownIssue} records a case where the parser does not yet read the page
 * as a careful reader does: its differences are printed and the case is skipped with the reason.
 * Once the parser reads it right, the case fails until the mark is removed.
 */
class LayoutsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> results = new TreeMap<>();

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(TestSupport.resource("layouts"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".expected.json")).sorted().toList().stream();
        }
    }

    /** The input a {@code NAME.expected.json} describes: the one other file named {@code NAME.*}. */
    static Path inputOf(Path expectedFile) throws IOException {
        String base = baseName(expectedFile);
        try (Stream<Path> files = Files.list(expectedFile.getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith(base + ".") && !file.equals(expectedFile))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no input beside " + expectedFile));
        }
    }

    static String baseName(Path expectedFile) {
        return expectedFile.getFileName().toString().replace(".expected.json", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesGolden(Path expectedFile) throws IOException {
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        String base = baseName(expectedFile);
        Path input = inputOf(expectedFile);
        String layout = expected.get("layout").asText();
        Page page;
        try {
            page = TestSupport.pipeline().parse(new Pipeline.Input(input, input.getFileName().toString()));
        } catch (InputException rejected) {
            assertTrue(expected.get("rejected").asBoolean(), input.getFileName() + " rejected: " + rejected.getMessage());
            assertFalse(rejected.reason().contains("\n"), "one-line reason");
            results.put(base, layout + ": rejected as expected (" + rejected.reason() + ")");
            return;
        }
        assertFalse(expected.get("rejected").asBoolean(), input.getFileName() + " should be rejected");
        List<TaggedThread> tagged = TestSupport.pipeline().process(page);
        List<String> differences = new ArrayList<>();
        if (expected.has("format")) {
            compare(differences, "format", expected.get("format").asText(), page.format());
        }
        if (expected.has("warnings")) {
            compare(differences, "warnings", texts(expected.get("warnings")), page.warnings());
        }
        JsonNode threads = expected.get("threads");
        compare(differences, "thread count", threads.size(), page.threads().size());
        int sentencesExpected = 0;
        int sentencesFound = 0;
        for (int i = 0; i < Math.min(threads.size(), page.threads().size()); i++) {
            JsonNode want = threads.get(i);
            TweetThread got = page.threads().get(i);
            String where = "thread " + (i + 1) + " ";
            compare(differences, where + "author", text(want, "author"), got.author());
            compare(differences, where + "handle", text(want, "handle"), got.handle());
            compare(differences, where + "date text", text(want, "dateText"), got.dateText());
            compare(differences, where + "date", text(want, "date"), got.date() == null ? null : got.date().toString());
            compare(differences, where + "tweet count", want.get("tweetCount").isNull() ? null : want.get("tweetCount").asInt(), got.tweetCount());
            compare(differences, where + "tweets shown", want.get("tweetsShown").asInt(), got.tweets().size());
            compare(differences, where + "complete", want.get("complete").asBoolean(), got.complete());
            List<Integer> repeats = new ArrayList<>();
            if (want.has("duplicateTweets")) {
                want.get("duplicateTweets").forEach(index -> repeats.add(index.asInt()));
            }
            compare(differences, where + "duplicate tweets", repeats,
                    got.tweets().stream().filter(tweet -> tweet.duplicateOf() != null).map(Tweet::index).toList());
            if (want.has("tweetIds")) {
                compare(differences, where + "tweet ids", texts(want.get("tweetIds")), got.tweets().stream().map(Tweet::tweetId).toList());
            }
            List<String> wanted = texts(want.get("sentences")).stream().map(LayoutsTest::comparable).toList();
            List<String> ours = tagged.get(i).sentences().stream().map(Sentence::cleanText).map(LayoutsTest::comparable).toList();
            sentencesExpected += wanted.size();
            sentencesFound += (int) wanted.stream().filter(ours::contains).count();
            sentenceDifferences(differences, where, wanted, ours);
        }
        String summary = String.format(Locale.ROOT, "%s: %d threads, sentences %d of %d", layout, threads.size(), sentencesFound, sentencesExpected);
        if (expected.has("knownIssue")) {
            String issue = expected.get("knownIssue").asText();
            if (differences.isEmpty()) {
                fail(base + " reads as expected now: remove its knownIssue mark (" + issue + ")");
            }
            System.out.println("  " + base + " known issue: " + issue);
            differences.forEach(difference -> System.out.println("    " + base + " " + difference));
            results.put(base, summary + ", KNOWN ISSUE (" + differences.size() + " differences): " + issue);
            assumeTrue(false, base + ": known parser issue: " + issue);
        }
        results.put(base, summary + (differences.isEmpty() ? ", all as expected" : ", " + differences.size() + " differences"));
        assertTrue(differences.isEmpty(), base + " differs from its expectation:\n  " + String.join("\n  ", differences));
    }

    /** Sentences wanted but missing, found but not wanted, and (when both hold the same) a different order. */
    private static void sentenceDifferences(List<String> differences, String where, List<String> wanted, List<String> ours) {
        for (String sentence : wanted) {
            if (!ours.contains(sentence)) {
                differences.add(where + "missing sentence: " + sentence);
            }
        }
        for (String sentence : ours) {
            if (!wanted.contains(sentence)) {
                differences.add(where + "unexpected sentence: " + sentence);
            }
        }
        if (!wanted.equals(ours) && differences.stream().noneMatch(line -> line.startsWith(where) && line.contains("sentence: "))) {
            differences.add(where + "sentences in another order or repeated otherwise: " + ours);
        }
    }

    private static void compare(List<String> differences, String what, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            differences.add(what + ": expected " + want + ", got " + got);
        }
    }

    @AfterAll
    static void printResults() {
        System.out.println("layout fixtures:");
        results.forEach((fixture, result) -> System.out.println("  " + fixture + "  " + result));
        long known = results.values().stream().filter(result -> result.contains("KNOWN ISSUE")).count();
        System.out.println("layout fixtures: " + results.size() + " run, " + (results.size() - known) + " as expected, " + known + " known issues");
    }

    private static String text(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull() ? null : node.get(field).asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
    }
}
