package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.threadcoder.model.TweetThread;

/**
 * Every fixture page under {@code layouts/} against its {@code .expected.json}: rejected or not,
 * threads with author, handle, dates, announced and shown tweets, completeness, and sentences.
 */
class LayoutsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> results = new TreeMap<>();

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(TestSupport.resource("layouts"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".expected.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesGolden(Path expectedFile) throws IOException {
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        String base = expectedFile.getFileName().toString().replace(".expected.json", "");
        Path input;
        try (Stream<Path> files = Files.list(expectedFile.getParent())) {
            input = files.filter(file -> file.getFileName().toString().startsWith(base + ".") && !file.equals(expectedFile))
                    .findFirst().orElseThrow();
        }
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
        JsonNode threads = expected.get("threads");
        assertEquals(threads.size(), page.threads().size(), base + " thread count");
        int sentencesExpected = 0;
        int sentencesFound = 0;
        for (int i = 0; i < threads.size(); i++) {
            JsonNode want = threads.get(i);
            TweetThread got = page.threads().get(i);
            String where = base + " thread " + (i + 1);
            assertEquals(text(want, "author"), got.author(), where + " author");
            assertEquals(text(want, "handle"), got.handle(), where + " handle");
            assertEquals(text(want, "dateText"), got.dateText(), where + " date text");
            assertEquals(text(want, "date"), got.date() == null ? null : got.date().toString(), where + " date");
            assertEquals(want.get("tweetCount").isNull() ? null : want.get("tweetCount").asInt(), got.tweetCount(), where + " tweet count");
            assertEquals(want.get("tweetsShown").asInt(), got.tweets().size(), where + " tweets shown");
            assertEquals(want.get("complete").asBoolean(), got.complete(), where + " complete");
            if (want.has("tweetIds")) {
                List<String> ids = new ArrayList<>();
                want.get("tweetIds").forEach(id -> ids.add(id.asText()));
                assertEquals(ids, got.tweets().stream().map(tweet -> tweet.tweetId()).toList(), where + " tweet ids");
            }
            List<String> ours = tagged.get(i).sentences().stream().map(Sentence::cleanText).map(LayoutsTest::comparable).toList();
            for (JsonNode sentence : want.get("sentences")) {
                sentencesExpected++;
                if (ours.contains(comparable(sentence.asText()))) {
                    sentencesFound++;
                } else {
                    System.out.println("  " + where + " missing sentence: " + sentence.asText());
                }
            }
        }
        results.put(base, String.format(Locale.ROOT, "%s: %d threads ok, sentences %d of %d", layout, threads.size(), sentencesFound, sentencesExpected));
        assertEquals(sentencesExpected, sentencesFound, base + " sentences reproduced");
    }

    @AfterAll
    static void printResults() {
        System.out.println("layout fixtures:");
        results.forEach((fixture, result) -> System.out.println("  " + fixture + "  " + result));
    }

    private static String text(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull() ? null : node.get(field).asText();
    }

    static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
    }
}
