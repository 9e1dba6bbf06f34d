package org.threadcoder.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.SourceText;

/** A line opening with a bullet is a list item: each is its own sentence, whatever the bullet's glyph. */
class ListItemsTest {
    private final SentenceSplitter splitter = new SentenceSplitter(LanguageModels.english().newSentenceDetector());

    private List<String> sentences(String text) {
        return splitter.split(new SourceText(text), TestSupport.wholeText(text)).stream().map(Sentence::text).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"•", "●", "○", "■", "▪", "◆", "►", "→", "-", "*"})
    void eachBulletedLineIsASentence(String bullet) {
        String text = "What the sessions worked on:\n" + bullet + " Sleep routines\n" + bullet + " Worry time\n" + bullet + " Getting back to work";
        assertEquals(List.of("What the sessions worked on:", bullet + " Sleep routines", bullet + " Worry time", bullet + " Getting back to work"),
                sentences(text));
    }
}
