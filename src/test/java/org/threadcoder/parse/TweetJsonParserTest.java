package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threadcoder.InputException;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Page;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.Tweet;

/** {@link TweetJsonParser} on the twarc2 fixtures and on small made-up files. */
class TweetJsonParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TweetJsonParser parser = new TweetJsonParser();
    @TempDir
    Path temp;

    private Path write(String name, String content) {
        try {
            return Files.writeString(temp.resolve(name), content);
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"09-twarc2-responses", "09-twarc2-flat"})
    void fixtureMatchesItsExpectation(String name) throws Exception {
        String content = TestSupport.read(TestSupport.resource("layouts/" + name + ".jsonl"));
        assertTrue(TweetJsonSniffer.recognises(content));
        Page page = parser.parse(name + ".jsonl", content, "hash");
        assertTrue(page.extracted());
        JsonNode expected = JSON.readTree(TestSupport.resource("layouts/" + name + ".expected.json").toFile());
        assertEquals(expected.get("threads").size(), page.threads().size(), "thread count");
        Map<String, String> texts = tweetTexts(content);
        for (int i = 0; i < page.threads().size(); i++) {
            JsonNode want = expected.get("threads").get(i);
            TweetThread thread = page.threads().get(i);
            String where = name + " thread " + (i + 1);
            assertEquals(want.get("author").asText(), thread.author(), where);
            assertEquals(want.get("handle").asText(), thread.handle(), where);
            assertNull(thread.dateText(), where);
            assertEquals(want.get("date").asText(), String.valueOf(thread.date()), where);
            assertNull(thread.tweetCount(), where);
            assertEquals(want.get("tweetsShown").asInt(), thread.tweets().size(), where);
            assertEquals(want.get("complete").asBoolean(), thread.complete(), where);
            List<String> ids = new ArrayList<>();
            want.get("tweetIds").forEach(id -> ids.add(id.asText()));
            assertEquals(ids, thread.tweets().stream().map(Tweet::tweetId).toList(), where);
            assertEquals("https://x.com/" + thread.handle() + "/status/" + ids.get(0), thread.url(), where);
            for (Tweet tweet : thread.tweets()) {
                assertEquals(texts.get(tweet.tweetId()), page.text().slice(tweet.span()), where + " tweet " + tweet.index());
                assertFalse(tweet.inferred());
            }
            HtmlThreadParserTest.printSentenceMismatches(onlyThread(page, i), want);
        }
    }

    @Test
    void responsesLeaveOutOthersRepliesDecodeEntitiesAndMaskLinks() throws InputException {
        String content = TestSupport.read(TestSupport.resource("layouts/09-twarc2-responses.jsonl"));
        Page page = parser.parse("r.jsonl", content, "hash");
        assertEquals(List.of("1 reply by other users left out"), page.warnings());
        TweetThread first = page.threads().get(0);
        String third = page.text().slice(first.tweets().get(2).span());
        assertTrue(third.endsWith("ask about that & plan for it."), third);
        assertEquals(List.of("https://t.co/Q8vWx2LmPa"), first.noise().stream().map(span -> page.text().slice(span)).toList());
        assertFalse(page.text().text().contains("Sam Ortiz") || page.text().text().contains("matches my experience"));
        assertTrue(page.text().text().contains("for them. https://t.co/Q8vWx2LmPa\n\n\nComing off"), "threads three breaks apart");
    }

    @Test
    void missingRootMakesThreadIncompleteAndStartsAtEarliest() throws InputException {
        String content = flat("2", "1", "u1", "2023-01-01T10:01:00Z", "2/ second") + "\n"
                + flat("3", "1", "u1", "2023-01-01T10:02:00Z", "3/ third &lt;3 &amp;amp;") + "\n";
        Page page = parser.parse("x.jsonl", content, "hash");
        TweetThread thread = page.threads().get(0);
        assertFalse(thread.complete());
        assertEquals("Ann", thread.author());
        assertEquals("https://x.com/ann/status/1", thread.url());
        assertEquals("2/ second\n3/ third <3 &amp;", page.text().text());
        assertEquals(List.of("2/", "3/"), thread.tweets().stream().map(tweet -> page.text().slice(tweet.marker())).toList());
        assertEquals(List.of("x.jsonl#t1: the conversation's first tweet 1 is not in the file; the thread starts at 2"), page.warnings());
    }

    @Test
    void ordersByTimeThenNumericIdAndDropsRetweetsAndDuplicates() throws InputException {
        String retweet = "{\"id\":\"7\",\"text\":\"RT @x: hi\",\"author_id\":\"u1\",\"conversation_id\":\"7\",\"created_at\":\"2023-01-01T09:00:00Z\","
                + "\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"5\"}],\"author\":{\"id\":\"u1\",\"name\":\"Ann\",\"username\":\"ann\"}}";
        String content = flat("100", "9", "u1", "2023-01-01T10:00:00Z", "later id, same second") + "\n\n"
                + flat("9", "9", "u1", "2023-01-01T10:00:00Z", "root") + "\n"
                + flat("9", "9", "u1", "2023-01-01T10:00:00Z", "root") + "\n" + retweet + "\n";
        Page page = parser.parse("o.jsonl", content, "hash");
        assertEquals(1, page.threads().size());
        assertEquals(List.of("9", "100"), page.threads().get(0).tweets().stream().map(Tweet::tweetId).toList());
        assertTrue(page.threads().get(0).complete());
        assertEquals(List.of("1 duplicate tweet counted once", "1 retweet left out"), page.warnings());
    }

    @Test
    void aCutLineIsSkippedWithItsNumberAndTheRestKept() throws InputException {
        // line 2 was cut off mid-object (a download that stopped, a file joined by hand)
        String content = flat("1", "1", "u1", "2023-01-01T10:00:00Z", "The first tweet stays.") + "\n{\"id\": \"2\", \"text\": \n"
                + flat("3", "1", "u1", "2023-01-01T10:02:00Z", "The third tweet stays too.") + "\n";
        Page page = parser.parse("cut.jsonl", content, "hash");
        assertEquals(2, page.threads().get(0).tweets().size(), "both whole lines are read");
        List<String> skipped = page.warnings().stream().filter(warning -> warning.startsWith("line 2: not JSON (")).toList();
        assertEquals(1, skipped.size(), page.warnings().toString());
        assertTrue(skipped.get(0).endsWith("skipped") && !skipped.get(0).contains("\n"), "one line naming the line: " + skipped.get(0));
        InputException nothing = assertThrows(InputException.class, () -> parser.parse("bad.jsonl", "{\"id\": \"2\", \"text\": \n", "hash"));
        assertTrue(nothing.reason().startsWith("no tweets found (1 line skipped; the first: line 1: not JSON ("), nothing.reason());
    }

    @Test
    void aUsernameThatIsNoHandleNeverReachesAUrl() throws InputException {
        String line = flat("7", "7", "u9", "2023-01-01T10:00:00Z", "A tweet whose author record was tampered with.")
                .replace("\"username\":\"ann\"", "\"username\":\"@SUM(1,1)\"");
        Page page = parser.parse("odd.jsonl", line + "\n", "hash");
        TweetThread thread = page.threads().get(0);
        assertNull(thread.handle(), "not a handle: left out");
        assertEquals("https://x.com/i/status/7", thread.url());
        assertTrue(page.warnings().contains("usernames that are not X handles ([A-Za-z0-9_]{1,15}) left out: '@SUM(1,1)'"), page.warnings().toString());
        assertEquals("https://x.com/i/web/status/7", org.threadcoder.model.XAddress.tweet("@SUM(1,1)", "7"));
        assertNull(org.threadcoder.model.XAddress.tweet("ann", "7/../../evil"), "an id that is not digits makes no link");
    }

    @Test
    void deepOrHugeJsonIsRefusedWithANamedReason() throws InputException {
        String deep = "[".repeat(200_000);
        InputException refused = assertThrows(InputException.class, () -> new PageReader().parse(write("deep.json", deep), "deep.json"));
        assertEquals("line 1: JSON nested deeper than " + TweetJsonParser.MAX_DEPTH + " levels, not tweets", refused.reason());
        String deepLine = "{\"data\": " + "[".repeat(1000) + "\n";
        Page page = parser.parse("mixed.jsonl", flat("1", "1", "u1", "2023-01-01T10:00:00Z", "A tweet.") + "\n" + deepLine, "hash");
        assertTrue(page.warnings().contains("line 2: JSON nested deeper than " + TweetJsonParser.MAX_DEPTH + " levels, skipped"),
                page.warnings().toString());
        InputException notTweets = assertThrows(InputException.class, () -> new PageReader().parse(write("list.json", "[1, 2, 3]\n"), "list.json"));
        assertTrue(notTweets.reason().startsWith("JSON that is not tweets"), notTweets.reason());
        Page text = new PageReader().parse(write("note.txt", "[1] A claim, then text.\n"), "note.txt");
        assertEquals("plain-text", text.format(), "text that starts like JSON is read as text");
    }

    @Test
    void fileWithoutTweetsIsRejected() {
        InputException rejected = assertThrows(InputException.class,
                () -> parser.parse("empty.jsonl", "{\"data\": [], \"meta\": {\"result_count\": 0}}\n", "hash"));
        assertEquals("no tweets found", rejected.reason());
    }

    @Test
    void recognisesOnlyTweetJson() {
        assertTrue(TweetJsonSniffer.recognises("\n\n" + flat("1", "1", "u1", "2023-01-01T10:00:00Z", "x")));
        assertTrue(TweetJsonSniffer.recognises("\uFEFF{\"data\": {\"id\": \"1\", \"text\": \"one\"}}"));
        assertFalse(TweetJsonSniffer.recognises("{\n  \"data\": []\n}"), "pretty-printed JSON is not JSON Lines");
        assertFalse(TweetJsonSniffer.recognises("{\"name\": \"a codebook\"}"));
        assertFalse(TweetJsonSniffer.recognises(TestSupport.read(TestSupport.resource("layouts/01-header-seed-form.txt"))));
        assertFalse(TweetJsonSniffer.recognises("<!DOCTYPE html><html></html>"));
    }

    private static String flat(String id, String conversation, String author, String created, String text) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"author_id\":\"" + author + "\",\"conversation_id\":\"" + conversation
                + "\",\"created_at\":\"" + created + "\",\"author\":{\"id\":\"" + author + "\",\"name\":\"Ann\",\"username\":\"ann\"}}";
    }

    /** Each tweet's text as the file has it, entities decoded: what its span must cover. */
    private static Map<String, String> tweetTexts(String content) throws IOException {
        Map<String, String> texts = new HashMap<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            for (JsonNode tweet : node.has("data") ? node.get("data") : JSON.createArrayNode().add(node)) {
                texts.put(tweet.get("id").asText(), tweet.get("text").asText().replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
            }
        }
        return texts;
    }

    /** A page view with only one thread first, for the sentence printout. */
    private static Page onlyThread(Page page, int index) {
        return new Page(page.source(), page.text(), List.of(page.threads().get(index)), page.warnings(), page.sha256(), true);
    }
}
