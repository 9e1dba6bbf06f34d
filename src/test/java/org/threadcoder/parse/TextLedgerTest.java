package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threadcoder.InputException;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Ledger;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.Span;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;

/**
 * The ledger invariant on every text fixture (layouts, seed, context pages, the report's injection
 * page): every line of a page is accounted for, either as tweet text inside exactly one thread or
 * named by a rule of the site-text table; the ledger's parts add up to the page; every sentence is
 * the exact source slice its offsets name; and no sentence holds a site-text phrase.
 */
class TextLedgerTest {
    /** Phrases only site text says (matched case-sensitively, as the sites write them). */
    private static final List<String> SITE_PHRASES = List.of("Missing some Tweet", "force a refresh", "Keep Current with", "Profile picture",
            "Read all threads", "min read", "You can follow @", "Latest Threads Unrolled", "Tip: mention @twtextapp", "Send us removal request",
            "Profile Banner", "Followers", "Joined ", "Stay in touch and get notified", "added to My Authors", "Become a Premium Member",
            "Thread Reader help you", "Help | About", "Cookie Policy", "+ Your Authors");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> results = new TreeMap<>();

    /** Every fixture the text reader takes: layouts that are not rejected (.txt and .md), the seed, the context pages, the injection page. */
    static Stream<Path> textFixtures() throws IOException {
        List<Path> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestSupport.resource("layouts"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Path expected = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
                boolean text = name.endsWith(".txt") || name.endsWith(".md") && !name.equals("README.md");
                if (text && Files.exists(expected) && !JSON.readTree(expected.toFile()).get("rejected").asBoolean()) {
                    fixtures.add(file);
                }
            }
        }
        fixtures.add(TestSupport.seed());
        try (Stream<Path> files = Files.list(TestSupport.resource("context"))) {
            files.filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().forEach(fixtures::add);
        }
        fixtures.add(TestSupport.resource("report/injection.txt"));
        return fixtures.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFixtures")
    void everyLineIsAccountedFor(Path fixture) throws IOException, InputException {
        String text = Files.readString(fixture);
        String name = fixture.getFileName().toString();
        TextPageParser.Parsed parsed = new TextPageParser().read(name, text, "0".repeat(64), new ArrayList<>());
        Page page = parsed.page();
        SourceText source = page.text();
        List<MarkedLine> lines = parsed.lines();

        int at = 0;
        int siteCodePoints = 0;
        for (MarkedLine line : lines) {
            String where = name + " line " + line.line().number() + " \"" + line.line().text() + "\"";
            assertEquals(at, line.line().start(), where + ": lines follow each other");
            at = line.line().next();
            assertEquals(line.rule() == null, line.isText(), where);
            if (!line.isText()) {
                assertFalse(line.rule().id().isBlank() || line.rule().name().isBlank(), where + ": a line that is not tweet text is named by a rule");
            }
            if (!line.isText() && line.role() != SiteRule.Role.NOISE) {
                siteCodePoints += codePoints(source, line.line().start(), line.line().next());
            }
            Span content = content(source, line.line());
            if (content == null) {
                continue;
            }
            if (line.isText()) {
                List<TweetThread> holding = page.threads().stream().filter(thread -> thread.span().overlaps(content)).toList();
                assertEquals(1, holding.size(), where + ": tweet text lies inside exactly one thread");
                // what of the line falls outside the thread's span (a 🧵 before the first marker, after the last) is masked noise
                List<Span> noise = new ArrayList<>();
                for (int[] range : InlineNoise.find(List.of(line.line())).noise()) {
                    noise.add(source.span(range[0], range[1]));
                }
                Span span = holding.get(0).span();
                assertTrue(span.contains(content) || covered(outside(content, span), noise, source),
                        where + ": the part outside " + holding.get(0).id() + " " + span + " is masked noise");
            } else {
                for (TweetThread thread : page.threads()) {
                    if (thread.span().overlaps(content)) {
                        assertTrue(covered(content, thread.noise(), source), where + ": site text or noise inside " + thread.id() + " is masked");
                    }
                }
            }
        }
        assertEquals(text.length(), at, name + ": the lines cover the text");
        assertEquals(text.length(), lines.stream().mapToInt(line -> line.line().width()).sum(), name + ": line widths add up to the text");

        Ledger ledger = page.ledger();
        assertNotNull(ledger, name);
        assertEquals(text.codePointCount(0, text.length()), ledger.chars(), name + ": ledger counts code points");
        assertEquals(ledger.chars(), ledger.inThreads() + ledger.siteText() + ledger.noise(), name + ": " + ledger);
        assertEquals(siteCodePoints, ledger.siteText(), name + ": site text is the lines named as site text");

        int[] codePoints = text.codePoints().toArray();
        int sentences = 0;
        for (TaggedThread thread : TestSupport.pipeline().process(page)) {
            for (Sentence sentence : thread.sentences()) {
                sentences++;
                Span span = sentence.span();
                assertEquals(new String(codePoints, span.start(), span.length()), sentence.text(), sentence.id() + ": offsets round-trip");
                for (String phrase : SITE_PHRASES) {
                    assertFalse(sentence.cleanText().contains(phrase), sentence.id() + " holds site text \"" + phrase + "\": " + sentence.cleanText());
                }
            }
        }
        results.put(name, String.format(java.util.Locale.ROOT, "%d lines, %d threads, %d sentences, %s", lines.size(), page.threads().size(),
                sentences, ledger));
    }

    @AfterAll
    static void printResults() {
        System.out.println("text ledgers (" + results.size() + " fixtures):");
        results.forEach((fixture, result) -> System.out.println("  " + fixture + "  " + result));
    }

    /** The line without its leading and trailing white space, in code points, or null for a blank line. */
    private static Span content(SourceText source, Line line) {
        String text = line.text();
        int from = text.length() - text.stripLeading().length();
        int to = text.stripTrailing().length();
        return from >= to ? null : source.span(line.start() + from, line.start() + to);
    }

    /** Whether every non-space code point of the spans lies in one of the masked spans. */
    private static boolean covered(List<Span> spans, List<Span> masked, SourceText source) {
        return spans.stream().allMatch(span -> covered(span, masked, source));
    }

    private static boolean covered(Span span, List<Span> masked, SourceText source) {
        int[] text = source.text().codePoints().toArray();
        for (int point = span.start(); point < span.end(); point++) {
            if (Character.isWhitespace(text[point])) {
                continue;
            }
            int offset = point;
            if (masked.stream().noneMatch(part -> part.start() <= offset && offset < part.end())) {
                return false;
            }
        }
        return true;
    }

    /** The parts of {@code content} before and after {@code span}. */
    private static List<Span> outside(Span content, Span span) {
        List<Span> parts = new ArrayList<>();
        if (content.start() < span.start()) {
            parts.add(new Span(content.start(), Math.min(span.start(), content.end())));
        }
        if (content.end() > span.end()) {
            parts.add(new Span(Math.max(span.end(), content.start()), content.end()));
        }
        return parts;
    }

    private static int codePoints(SourceText source, int charStart, int charEnd) {
        return source.codePointOffset(charEnd) - source.codePointOffset(charStart);
    }
}
