package org.threadcoder.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.SourceText;

/** What follows a sentence's end mark on its line without a word (an emoji, marks) is part of that sentence. */
class TrailingSymbolsTest {
    private final SentenceSplitter splitter = new SentenceSplitter(LanguageModels.english().newSentenceDetector());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The last session was hard. 💔⏎Next week we start again.|The last session was hard. 💔|Next week we start again.",
            "It helped more than I expected! 🙏|It helped more than I expected! 🙏|",
            "She listened, then said nothing. :(|She listened, then said nothing. :(|",
            "A line ends here.⏎🙂⏎Another line follows.|A line ends here.|Another line follows."})
    void symbolsAfterTheEndJoinTheSentenceOnTheirLine(String text, String first, String second) {
        String source = text.replace("⏎", "\n");
        List<String> expected = Arrays.stream(new String[] {first, second}).filter(sentence -> sentence != null).toList();
        assertEquals(expected, splitter.split(new SourceText(source), TestSupport.wholeText(source)).stream().map(Sentence::text).toList());
    }
}
