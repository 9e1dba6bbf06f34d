package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.threadcoder.InputException;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.Tweet;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.sentences.SentenceSplitter;

/** {@link ThreadReaderHtmlParser} on the saved-HTML fixtures and on small made-up pages. */
class HtmlThreadParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ThreadReaderHtmlParser parser = new ThreadReaderHtmlParser();

    @Test
    void tweetsAreTakenFromThePageBodyOnly() throws Exception {
        String html = TestSupport.read(TestSupport.resource("layouts/08-thread-page.html"));
        Page plain = parser.parse("page.html", html, "hash");
        String planted = "<div class=\"content-tweet\" data-tweet=\"1\" data-screenname=\"someone\">Planted words that are no tweet.</div>";
        String tampered = html.replaceFirst("(?i)<head>", "<head><template>" + planted + "</template>")
                .replaceFirst("(?i)<body([^>]*)>", "<body$1><template>" + planted + "</template><svg><foreignObject>" + planted
                        + "</foreignObject></svg>");
        Page page = parser.parse("page.html", tampered, "hash");
        assertEquals(plain.text().text(), page.text().text(), "markup in the head, a template or an SVG adds no tweet");
        assertFalse(page.text().text().contains("Planted"));
    }

    @Test
    void threadPageMatchesItsExpectation() throws Exception {
        String html = TestSupport.read(TestSupport.resource("layouts/08-thread-page.html"));
        assertTrue(ThreadReaderHtmlParser.recognises(html));
        Page page = parser.parse("08-thread-page.html", html, "hash");
        assertTrue(page.extracted(), "HTML text is extracted");

        JsonNode expected = expected("08-thread-page");
        assertEquals(expected.get("threads").size(), page.threads().size(), "thread count");
        TweetThread thread = page.threads().get(0);
        JsonNode want = expected.get("threads").get(0);
        assertEquals(want.get("author").asText(), thread.author());
        assertEquals(want.get("handle").asText(), thread.handle());
        assertEquals(want.get("dateText").asText(), thread.dateText());
        assertEquals(want.get("date").asText(), String.valueOf(thread.date()));
        assertEquals(want.get("tweetCount").asInt(), thread.tweetCount());
        assertEquals(want.get("tweetsShown").asInt(), thread.tweets().size());
        assertEquals(want.get("complete").asBoolean(), thread.complete());
        List<String> ids = new ArrayList<>();
        want.get("tweetIds").forEach(id -> ids.add(id.asText()));
        assertEquals(ids, thread.tweets().stream().map(Tweet::tweetId).toList());
        assertEquals("08-thread-page.html#t1", thread.id());
        assertEquals("https://x.com/DrRLindqvist/status/1501542210938470401", thread.url());
        assertTrue(page.warnings().isEmpty(), page.warnings().toString());

        // every tweet span covers exactly that tweet's text, as a reader sees it
        List<String> shown = readerTexts(html);
        for (int i = 0; i < thread.tweets().size(); i++) {
            Tweet tweet = thread.tweets().get(i);
            assertEquals(shown.get(i), page.text().slice(tweet.span()), "tweet " + (i + 1));
            assertFalse(tweet.inferred());
            assertNull(tweet.marker());
        }
        assertEquals("In trials, many people who respond to eight to twelve sessions of therapy have relapsed within two years. "
                + "Response is not the same thing as recovery.\n\nRelapse is common, and it is rarely discussed at the start.",
                page.text().slice(thread.tweets().get(1).span()));
        assertTrue(page.text().slice(thread.tweets().get(2).span()).endsWith("long-standing problems & early adversity."),
                "entity decoded, image dropped, trailing breaks trimmed");
        assertTrue(page.text().slice(thread.tweets().get(5).span()).contains("isn't your failure"));
        assertFalse(page.text().text().contains("Subscribe"), "site text left out");

        printSentenceMismatches(page, want);
    }

    @Test
    void pageWithoutTweetsIsRejectedWithOneLineReason() {
        String html = TestSupport.read(TestSupport.resource("layouts/08-not-a-thread.html"));
        assertFalse(ThreadReaderHtmlParser.recognises(html));
        assertTrue(ThreadReaderHtmlParser.looksLikeHtml(html));
        InputException rejected = assertThrows(InputException.class, () -> parser.parse("08-not-a-thread.html", html, "hash"));
        assertEquals("an HTML page with no Thread Reader tweets (no div.content-tweet)", rejected.reason());
        assertFalse(rejected.reason().contains("\n"));
        assertEquals("08-not-a-thread.html", rejected.file());
    }

    @Test
    void textPagesAreNotHtml() {
        String text = TestSupport.read(TestSupport.resource("layouts/01-header-seed-form.txt"));
        assertFalse(ThreadReaderHtmlParser.looksLikeHtml(text));
        assertFalse(ThreadReaderHtmlParser.recognises(text));
    }

    @Test
    void markersLinksAndLineBreaks() throws InputException {
        String html = page(header("Ann Example", "ann", "Jan 5", "3 tweets")
                + tweet("ann", "11", "1/ First <b>point</b>,<br>second line. <a href=\"https://t.co/x\">example.org/long/pa…</a>")
                + tweet("ann", "12", "Middle   tweet with a fraction 1/2 and an image.<br><br><br><span class=\"entity-image\"><a href=\"#\"><img alt=\"Image\"></a></span> (2/3)")
                + tweet("ann", "13", "<a href=\"/user/bob\">@bob</a> agreed 🧵 3/3"));
        Page page = parser.parse("made.html", html, "hash");
        TweetThread thread = page.threads().get(0);
        assertEquals("Ann Example", thread.author());
        assertEquals("Jan 5", thread.dateText());
        assertNull(thread.date(), "no year, no ISO date");
        assertEquals(3, thread.tweetCount());
        List<String> texts = thread.tweets().stream().map(tweet -> page.text().slice(tweet.span())).toList();
        assertEquals(List.of("1/ First point,\nsecond line. example.org/long/pa…", "Middle tweet with a fraction 1/2 and an image.\n\n(2/3)",
                "@bob agreed 🧵 3/3"), texts);
        assertEquals(List.of("1/", "(2/3)", "3/3"), thread.tweets().stream().map(tweet -> page.text().slice(tweet.marker())).toList());
        assertEquals(List.of("example.org/long/pa…", "🧵"), thread.noise().stream().map(span -> page.text().slice(span)).toList());
        assertEquals(texts.get(0) + "\n" + texts.get(1) + "\n" + texts.get(2), page.text().text());
    }

    @Test
    void secondHeaderStartsSecondThread() throws InputException {
        String html = page(header("Ann Example", "ann", "Jan 5, 2021", "2 tweets")
                + tweet("ann", "21", "One.") + tweet("ann", "22", "Two.")
                + "<div class=\"thread-info\"><a class=\"time\">Feb 6, 2022</a> &bull; 1 tweet</div>" + tweet("ann", "31", "Three."));
        Page page = parser.parse("two.html", html, "hash");
        assertEquals(2, page.threads().size());
        assertEquals("One.\nTwo.\n\n\nThree.", page.text().text());
        TweetThread second = page.threads().get(1);
        assertEquals("two.html#t2", second.id());
        assertEquals("Ann Example", second.author(), "the name from the first header, same handle");
        assertEquals("2022-02-06", second.date().toString());
        assertEquals(1, second.tweetCount());
        assertEquals("https://x.com/ann/status/31", second.url());
        assertEquals("Three.", page.text().slice(second.span()));
    }

    @Test
    void mediaOnlyTweetAndWrongCountAreWarned() throws InputException {
        String html = page(header("Ann Example", "ann", "Jan 5, 2021", "3 tweets")
                + tweet("ann", "41", "Words.") + tweet("ann", "42", "<img alt=\"Image\" src=\"x.png\">"));
        Page page = parser.parse("media.html", html, "hash");
        assertEquals(1, page.threads().get(0).tweets().size());
        assertEquals(List.of("tweet 42 has no text (media only?), left out", "media.html#t1: the header announces 3 tweets, the page shows 1"),
                page.warnings());
    }

    @Test
    void astralCharactersGiveCodePointOffsets() throws InputException {
        Page page = parser.parse("emoji.html", page(tweet("ann", "51", "𝑩𝒐𝒍𝒅 start.") + tweet("ann", "52", "Next 😀 tweet.")), "hash");
        TweetThread thread = page.threads().get(0);
        assertEquals(new Span(12, 25), thread.tweets().get(1).span());
        assertEquals("Next 😀 tweet.", page.text().slice(thread.tweets().get(1).span()));
        assertNull(thread.author(), "no header, no author");
        assertNull(thread.dateText());
    }

    private static String page(String body) {
        return "<!DOCTYPE html><html><head><title>t</title></head><body><div class=\"t-main\">" + body + "</div></body></html>";
    }

    private static String header(String name, String handle, String date, String count) {
        return "<h4 class=\"twitter_name\"><a href=\"/user/" + handle + "\">" + name + "</a></h4>"
                + "<div class=\"screenName tw-follow\"><a>@" + handle + "</a></div>"
                + "<div class=\"thread-info\"><a class=\"time\" data-time=\"1\">" + date + "</a> <span class=\"dot2\">&bull;</span> " + count
                + " <span class=\"dot2\">&bull;</span> 1 min read</div>";
    }

    private static String tweet(String handle, String id, String inner) {
        return "<div class=\"content-tweet allow-preview\" data-screenname=\"" + handle + "\" data-tweet=\"" + id + "\">\n        " + inner
                + "\n        <sup class=\"tw-permalink\"><i class=\"fas fa-link\"></i></sup>\n      </div>";
    }

    /** Tweet texts derived independently of the parser: jsoup's whole text with breaks as newlines, media and permalinks gone. */
    private static List<String> readerTexts(String html) {
        List<String> texts = new ArrayList<>();
        for (Element tweet : Jsoup.parse(html).select("div.content-tweet")) {
            tweet.select("sup.tw-permalink, img, .entity-image").remove();
            for (TextNode node : tweet.textNodes()) {
                node.text(node.getWholeText().replaceAll("\\s+", " "));
            }
            tweet.select("br").forEach(br -> br.replaceWith(new TextNode("\u0000")));
            String text = tweet.wholeText().replace('\u0000', '\n');
            texts.add(text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip());
        }
        return texts;
    }

    private static JsonNode expected(String name) throws IOException {
        return JSON.readTree(TestSupport.resource("layouts/" + name + ".expected.json").toFile());
    }

    /** Sentences are the layout test's to assert; here mismatches are only printed, to help while parsers change. */
    static void printSentenceMismatches(Page page, JsonNode want) {
        SentenceSplitter splitter = new SentenceSplitter(LanguageModels.english().newSentenceDetector());
        List<String> ours = splitter.split(page.text(), page.threads().get(0)).stream().map(Sentence::cleanText).toList();
        for (JsonNode sentence : want.get("sentences")) {
            if (!ours.contains(sentence.asText())) {
                System.out.println("  " + page.source() + " sentence not reproduced: " + sentence.asText());
            }
        }
    }
}
