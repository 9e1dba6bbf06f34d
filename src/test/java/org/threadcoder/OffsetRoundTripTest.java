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

    static Stream<Path> pages() {
        return Stream.of(TestSupport.seed(), TestSupport.resource("context/ctx_01_alliance.txt"),
                TestSupport.resource("context/ctx_02_evidence.txt"), TestSupport.resource("context/ctx_03_privacy.txt"));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void offsetsRoundTripAndNoSiteText(Path file) throws InputException {
        Page page = TestSupport.pipeline().parse(new Pipeline.Input(file, file.getFileName().toString()));
        int[] codePoints = TestSupport.read(file).codePoints().toArray();
        int sentences = 0;
        for (TaggedThread thread : TestSupport.pipeline().process(page)) {
            for (Sentence sentence : thread.sentences()) {
                assertEquals(sentence.text(), slice(codePoints, sentence.span().start(), sentence.span().end()), sentence.id());
                for (String site : SITE_TEXT) {
                    assertFalse(sentence.text().toLowerCase(Locale.ROOT).contains(site.toLowerCase(Locale.ROOT)),
                            sentence.id() + " holds site text '" + site + "': " + sentence.text());
                }
                sentences++;
            }
            for (Mention mention : thread.mentions()) {
                assertEquals(mention.matchedText(), slice(codePoints, mention.span().start(), mention.span().end()), mention.id());
            }
        }
        System.out.printf("%s: %d sentences, offsets round-trip%n", file.getFileName(), sentences);
    }

    private static String slice(int[] codePoints, int start, int end) {
        return new String(codePoints, start, end - start);
    }
}
