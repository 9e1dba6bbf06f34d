package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.TestSupport;

/** A link ends before the punctuation of the sentence around it, as autolinkers read it. */
class LinkEndTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "example.org/guide/step1.             | example.org/guide/step1",
            "https://example.org/a/b,             | https://example.org/a/b",
            "https://example.org/a/b).            | https://example.org/a/b",
            "https://example.org/wiki/Foo_(bar)   | https://example.org/wiki/Foo_(bar)",
            "https://example.org/wiki/Foo_(bar)). | https://example.org/wiki/Foo_(bar)",
            "example.org/list?id=3]               | example.org/list?id=3",
            "'example.org/q?a=1!\"'               | example.org/q?a=1",
            "example.org/2021/04/hea…             | example.org/2021/04/hea…",
            "example.org/2021/04/hea...           | example.org/2021/04/hea..."})
    void aLinkLeavesOutTheSentencesPunctuation(String chunk, String link) {
        assertEquals(link, chunk.substring(0, InlineNoise.linkEnd(chunk, 0, chunk.length())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the period after a link ends its sentence; the bracket after it closes the one before it
            "There is a list at example.org/clinics. Call the one nearest you.|2",
            "Try the sleep diary (https://example.org/diary) and keep it for a week. Bring it to the session.|2",
            "Try the sleep diary (see example.org/diary). Bring it to the session.|2"})
    void theSentenceAroundALinkEndsWhereItsPunctuationSays(String text, int sentences, @TempDir Path folder) throws Exception {
        List<String> found = TestSupport.sentencesOfPage(folder, text);
        assertEquals(sentences, found.size(), () -> "sentences: " + found);
    }
}
