package org.threadcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;

/**
 * Every sentence and mention of every real page: {@code source[start:end]} (code points, as Python
 * slices) gives back its text, and no site text reaches a sentence.
 */
class OffsetRoundTripTest {
    /** Thread Reader's own words; none may reach a sentence. */
    static final List<String> SITE_TEXT = List.of("Profile picture", "Missing some Tweet", "force a refresh", "Keep Current with",
            "Read all threads", "Removed Anytime", "Save it as PDF", "unroll", "ThreadReaderApp", "help page", "More from @",
            "Read 12 tweets", "Thread Reader help", "indie developers", "Premium", "donation", "Donate", "crypto", "Ethereum",
            "Bitcoin", "0xfe58350B", "Follow Us", "• • •", "min read", "Read on X", "Thank you for your support");

    /** The seed, the context pages and every layout fixture that is a thread source. */
    static Stream<Path> pages() throws java.io.IOException {
        List<Path> pages = new java.util.ArrayList<>(List.of(TestSupport.seed(), TestSupport.resource("context/ctx_01_alliance.txt"),
                TestSupport.resource("context/ctx_02_evidence.txt"), TestSupport.resource("context/ctx_03_privacy.txt")));
        try (Stream<Path> layouts = java.nio.file.Files.list(TestSupport.resource("layouts"))) {
            layouts.filter(file -> !file.getFileName().toString().endsWith(".json") && !file.getFileName().toString().endsWith(".md")
                            || file.getFileName().toString().endsWith(".md") && !file.getFileName().toString().equals("README.md"))
                    .filter(file -> !file.getFileName().toString().startsWith("10-") && !file.getFileName().toString().startsWith("08-not"))
                    .sorted().forEach(pages::add);
        }
        return pages.stream();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void offsetsRoundTripAndNoSiteText(Path file) throws InputException {
        Page page = TestSupport.pipeline().parse(new Pipeline.Input(file, file.getFileName().toString()));
        // extracted pages (HTML, JSON, repaired mojibake) are addressed by the text the run writes to sources/
        String source = page.extracted() ? page.text().text() : TestSupport.read(file);
        int[] codePoints = source.codePoints().toArray();
        int sentences = 0;
        for (TaggedThread thread : TestSupport.pipeline().process(page)) {
            for (Sentence sentence : thread.sentences()) {
                assertEquals(sentence.text(), slice(codePoints, sentence.span().start(), sentence.span().end()), sentence.id());
                // the clean text, what analysis reads: a tweet may link to the site (threadreaderapp.com/thread/…), and the
                // masked link stays inside the sentence's span
                for (String site : SITE_TEXT) {
                    assertFalse(sentence.cleanText().toLowerCase(Locale.ROOT).contains(site.toLowerCase(Locale.ROOT)),
                            sentence.id() + " holds site text '" + site + "': " + sentence.cleanText());
                }
                sentences++;
            }
            for (Mention mention : thread.mentions()) {
                assertEquals(mention.matchedText(), slice(codePoints, mention.span().start(), mention.span().end()), mention.id());
            }
        }
        System.out.printf("%s: %d threads, %d sentences, offsets round-trip, no site text%n", file.getFileName(), page.threads().size(), sentences);
    }

    private static String slice(int[] codePoints, int start, int end) {
        return new String(codePoints, start, end - start);
    }
}
