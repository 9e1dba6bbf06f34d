package org.threadcoder.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.SourceText;

/** A "sentence" with no end is cut at the bound, with a warning; runs of marks that once cost quadratic time split correctly. */
class LongSentenceTest {
    private final SentenceSplitter splitter = new SentenceSplitter(LanguageModels.english().newSentenceDetector());

    @Test
    void aSentenceLongerThanTheBoundIsCutAtSpacesWithAWarning() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 12_000) {
            text.append("words keep coming without any end in sight and the therapist keeps listening ");
        }
        String source = text.toString().strip();
        List<String> warnings = new ArrayList<>();
        List<Sentence> sentences = splitter.split(new SourceText(source), TestSupport.wholeText(source), warnings);
        assertEquals(3, sentences.size(), "12,000 chars in pieces of at most " + SentenceSplitter.MAX_SENTENCE);
        for (Sentence sentence : sentences) {
            assertTrue(sentence.text().length() <= SentenceSplitter.MAX_SENTENCE, sentence.id() + " " + sentence.text().length());
            assertEquals(sentence.text(), source.substring(sentence.span().start(), sentence.span().end()));
            assertTrue(sentence.text().endsWith("listening") || sentence.text().matches(".*\\w$"), "cut between words");
        }
        assertEquals(String.join(" ", sentences.stream().map(Sentence::text).toList()), source, "nothing lost between the pieces");
        assertEquals(List.of("case#t1: 1 sentence longer than 5000 characters cut into pieces of at most 5000 (the first at offset 0)"), warnings);
    }

    @Test
    void aSegmentLongerThanTheDetectorWindowLosesAndRepeatsNoSentence() {
        String[] openings = {"The client", "Her therapist", "Our supervisor", "A colleague", "My patient"};
        String[] middles = {"talked about the week", "came back to the same worry", "asked what had changed",
                "noticed the pause before the answer", "wrote down one goal for next time"};
        List<String> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < SentenceSplitter.DETECTOR_WINDOW * 5 / 2; i++) {
            String sentence = openings[i % openings.length] + " " + middles[i / openings.length % middles.length] + " in week " + i + " of the work.";
            expected.add(sentence);
            text.append(sentence).append(' ');
        }
        String source = text.toString().strip();
        List<Sentence> sentences = splitter.split(new SourceText(source), TestSupport.wholeText(source));
        List<String> found = sentences.stream().map(Sentence::text).toList();
        int first = 0;
        while (first < Math.min(expected.size(), found.size()) && expected.get(first).equals(found.get(first))) {
            first++;
        }
        assertEquals(expected.size(), first, "one line of " + source.length() + " chars read in windows: first difference at sentence " + first
                + ": expected " + (first < expected.size() ? expected.get(first) : "none") + ", got " + (first < found.size() ? found.get(first) : "none"));
        assertEquals(expected.size(), found.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "?!", "a.", ". ", "(", "Mr. ", "1) "})
    void longRunsOfOneMarkSplitWithExactOffsets(String mark) {
        String source = "It starts here. " + mark.repeat(20_000) + " And it ends here.";
        List<Sentence> sentences = splitter.split(new SourceText(source), TestSupport.wholeText(source), new ArrayList<>());
        int covered = 0;
        for (Sentence sentence : sentences) {
            assertEquals(sentence.text(), source.substring(sentence.span().start(), sentence.span().end()), sentence.id());
            assertTrue(sentence.text().length() <= SentenceSplitter.MAX_SENTENCE, sentence.id());
            covered += sentence.text().replaceAll("\\s", "").length();
        }
        assertTrue(sentences.get(0).text().startsWith("It starts here."), sentences.get(0).text());
        assertTrue(sentences.get(sentences.size() - 1).text().endsWith("it ends here."), sentences.get(sentences.size() - 1).text());
        assertTrue(covered > 0 && covered <= source.replaceAll("\\s", "").length());
    }
}
