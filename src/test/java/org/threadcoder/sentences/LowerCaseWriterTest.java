package org.threadcoder.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.SourceText;

/** A writer who never capitalises still ends sentences; a lower-case word after a period ends none in capitalised text. */
class LowerCaseWriterTest {
    private final SentenceSplitter splitter = new SentenceSplitter(LanguageModels.english().newSentenceDetector());

    private List<String> sentences(String text) {
        return splitter.split(new SourceText(text), TestSupport.wholeText(text)).stream().map(Sentence::text).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "you ever freeze when your therapist asks a question? that's your nervous system. be gentle with it."
                    + "|you ever freeze when your therapist asks a question?|that's your nervous system.|be gentle with it.",
            "i stopped going for a while. it wasn't the therapist, it was me! now i go every week."
                    + "|i stopped going for a while.|it wasn't the therapist, it was me!|now i go every week.",
            "we agreed on goals, e.g. sleep and work. then we started."
                    + "|we agreed on goals, e.g. sleep and work.|then we started.|",
            "The session ran long. we had a lot to cover, and it was fine."
                    + "|The session ran long. we had a lot to cover, and it was fine.||",
            "We met at 5 p.m. on Friday. The week was hard."
                    + "|We met at 5 p.m. on Friday.|The week was hard.|",
            // the pronoun "i" written in lower case opens a sentence even where the writer capitalises elsewhere
            "I am NOT a clinician. i took one course in psychology. i'm on medication for ADHD."
                    + "|I am NOT a clinician.|i took one course in psychology.|i'm on medication for ADHD.",
            "That is how I write this thread. i know it is long."
                    + "|That is how I write this thread.|i know it is long.|",
            "Read part i. it covers the basics. In part ii we go on."
                    + "|Read part i. it covers the basics.|In part ii we go on.|",
            "Some points, e.g. i think the goals matter. More later."
                    + "|Some points, e.g. i think the goals matter.|More later.|",
            // a lower-case writer may open with an acronym
            "OCD is more than tidiness. here's what it is like. compulsions take hours."
                    + "|OCD is more than tidiness.|here's what it is like.|compulsions take hours.",
            "ADHD is real. It is not laziness. we know this."
                    + "|ADHD is real.|It is not laziness. we know this.|",
            // "No." abbreviates only before a number
            "Is that ever fine? The answer is no. See rule No. 4 in the code."
                    + "|Is that ever fine?|The answer is no.|See rule No. 4 in the code."})
    void sentencesEndBeforeLowerCaseWordsOnlyInTextWrittenInLowerCase(String text, String first, String second, String third) {
        List<String> expected = Arrays.stream(new String[] {first, second, third}).filter(sentence -> sentence != null).toList();
        assertEquals(expected, sentences(text));
    }

    @org.junit.jupiter.api.Test
    void aLowerCaseWriterWhoStartsSomeSentencesWithAnAcronymStillEndsSentencesBeforeLowerCaseWords() {
        // three ends before a lower-case word, one before "ADHD": the writer writes in lower case
        assertEquals(List.of("so it's awareness month.", "nope, not a joke.", "ADHD is real.", "it is hard.", "and it is common."),
                sentences("so it's awareness month. nope, not a joke. ADHD is real. it is hard. and it is common."));
        // as many ends before a capital as before a lower-case word: capitalised text, where "etc. and" ends nothing
        assertEquals(List.of("so we met twice.", "Then we stopped, etc. and that was it.", "It ended well."),
                sentences("so we met twice. Then we stopped, etc. and that was it. It ended well."));
    }

    @org.junit.jupiter.api.Test
    void aLineBreakStartsASentenceInTextWrittenInLowerCase() {
        assertEquals(List.of("you ever notice how hard it is to rest.", "it is not laziness", "your body is still on alert"),
                sentences("you ever notice how hard it is to rest. it is not laziness\nyour body is still on alert"));
        assertEquals(List.of("You ever notice how hard it is to rest.", "It is not laziness\nand your body is still on alert"),
                sentences("You ever notice how hard it is to rest. It is not laziness\nand your body is still on alert"),
                "capitalised text runs on over a line break before a lower-case word");
    }
}
