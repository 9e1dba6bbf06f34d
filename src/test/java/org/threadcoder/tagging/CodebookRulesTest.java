package org.threadcoder.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;

/** Wildcards, optional words, proximity rules, exclusions and typo tolerance, on a small codebook. */
class CodebookRulesTest {
    private static Pipeline pipeline;

    @BeforeAll
    static void load() throws InputException {
        // typo tolerance is off by default; these cases test it, so it is on here
        pipeline = new Pipeline(CodebookLoader.load(TestSupport.resource("codebook/rules.yaml")), TestSupport.contextRules(),
                org.threadcoder.sentences.LanguageModels.english(), new org.threadcoder.tagging.Tagger.Options(Tagger.LemmaMode.WORD, true));
    }

    private static List<Mention> tag(String text) {
        int length = text.codePointCount(0, text.length());
        return pipeline.tagger().tag(new Sentence("s#t1.s1", "s#t1", 1, new Span(0, length), text, text, 1, 1, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            Therapists and therapies differ. => therapy:Therapists:therap*;therapy:therapies:therap*
            They reached a meeting of minds. => meeting:meeting of minds:meeting of (the) minds
            They reached a meeting of the minds. => meeting:meeting of the minds:meeting of (the) minds
            Both agreed on what the purpose was. => goals:agreed on what the purpose:near(agree*|mutual; goal|purpose; 4)
            They agreed to meet. Later, much later, the purpose. => ''
            Secure attachment matters to me. => bond:attachment:attachment
            Her attachment style is anxious. => ''
            It is a mutal process. => emotion:mutal process:mutual process~
            She resonates emotiuonally with it. => emotion:emotiuonally:emotionally~
            The mutual process is emotional. => emotion:mutual process:mutual process
            The drugs did work for her. => medication:drugs:drugs;outcome:drugs did work:near(work|working|help; drugs|therapist; 3)
            A working alliance with therapists matters. => alliance:working alliance:working alliance;therapy:therapists:therap*
            """)
    void appliesRules(String text, String expected) {
        String found = String.join(";", tag(text).stream()
                .map(mention -> mention.conceptId() + ":" + mention.matchedText() + ":" + mention.term() + (mention.fuzzy() ? "~" : ""))
                .toList());
        assertEquals(expected, found);
    }
}
