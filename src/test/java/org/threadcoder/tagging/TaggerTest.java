package org.threadcoder.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;

class TaggerTest {

    private static List<Mention> tag(String text) {
        int length = text.codePointCount(0, text.length());
        Sentence sentence = new Sentence("s#t1.s1", "s#t1", 1, new Span(0, length), text, text, 1, 1, List.of());
        return TestSupport.pipeline().tagger().tag(sentence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            This is why treatments fail.                               | treatment-outcome      | treatments fail          | treatment* fail*
            This is not a treatment failure.                           | treatment-outcome      | treatment failure        | treatment failure
            Treatment failures happen.                                 | treatment-outcome      | Treatment failures       | treatment failure
            It is the 𝘱𝘳𝘦𝘤𝘰𝘯𝘥𝘪𝘵𝘪𝘰𝘯 of 𝘤𝘰𝘯𝘧𝘪𝘥𝘦𝘯𝘵𝘪𝘢𝘭𝘪𝘵𝘺.             | confidentiality        | 𝘤𝘰𝘯𝘧𝘪𝘥𝘦𝘯𝘵𝘪𝘢𝘭𝘪𝘵𝘺          | confidentiality
            They reached a MEETING OF THE MINDS.                       | alliance-goals         | MEETING OF THE MINDS     | meeting of minds
            The claims come from Randomized Controlled Trials.         | research-evidence      | Randomized Controlled Trials | randomized controlled trial
            CBT’s story                                                 | modality-cbt           | CBT                      | CBT
            Patients who exercised improved.                           | modality-exercise      | exercised                | exercise
            """)
    void matchesWordFamiliesMultiwordTermsAndNormalizedText(String text, String concept, String matched, String term) {
        Mention mention = tag(text).stream().filter(found -> found.conceptId().equals(concept)).findFirst()
                .orElseThrow(() -> new AssertionError(concept + " not found in: " + text + " -> " + tag(text)));
        assertEquals(matched, mention.matchedText());
        assertEquals(term, mention.term());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'about CONFIDENTIALITY.'                        | 6  | 21
            'Cafe\u0301 \uD83D\uDE42\tabout CONFIDENTIALITY.'     | 14 | 29
            '\tthe `confidentiality` of it'                 | 6  | 21
            """)
    void mentionSpansAreCodePointsOfTheSentenceWhateverCharsComeBefore(String text, int start, int end) {
        Mention mention = tag(text).stream().filter(found -> found.conceptId().equals("confidentiality")).findFirst()
                .orElseThrow(() -> new AssertionError("confidentiality not found in: " + text));
        assertEquals(new Span(start, end), mention.span());
        assertEquals("confidentiality", mention.matchedText().toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            There is mutual agreement about purpose of the work.        | alliance-goals
            We find ourselves in difficulties.                         | ''
            Cognitive dissonance kicks in.                             | ''
            She offers a sliding scale for clients on low incomes.     | institutional-care
            The sliding scale of progress has its setbacks.            | ''
            He stopped taking his medicines after a week.              | modality-medication;treatment-outcome
            Medicine as a profession has a long history.               | ''
            Ketamine-assisted therapy is offered at the clinic.        | treatment-modality
            People felt relief from anxiety within days.               | treatment-outcome
            We tried non-pharmacological approaches first.             | treatment-modality
            """)
    void longerMatchesWinAndNearMissesStayUntagged(String text, String concepts) {
        List<String> found = tag(text).stream().map(Mention::conceptId).distinct().sorted().toList();
        assertEquals(concepts.isEmpty() ? List.of() : List.of(concepts.split(";")), found);
    }

    /** Other senses of a codebook word, met on real pages, against the sense the concept means (same word, tagged). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A therapist friend of mine swears a lot.                         | working-alliance    | false
            A therapist friend of mine swears a lot.                         | professional-ethics | false
            My therapist is not my friend, and that is the point.            | working-alliance    | true
            Accepting it was a bitter pill for the whole team.               | modality-medication | false
            She stopped the pill her psychiatrist prescribed.                | modality-medication | true
            He publishes posts like this about patients every week.          | research-evidence   | false
            The study was published with data from patients.                 | research-evidence   | true
            Staff wore masks to reduce exposure for patients with anxiety.   | modality-cbt        | false
            Exposure to feared situations is how the anxiety eased.          | modality-cbt        | true
            Just open up the settings and say what you think.                | disclosure          | false
            It took months before I could open up and tell my therapist.     | disclosure          | true
            Since the fatigue began I have been unable to work, exercise or see friends. | treatment-outcome | false
            Therapy is trying to work it out with you.                       | treatment-outcome   | false
            The therapy worked for me in the end.                            | treatment-outcome   | true
            For a year I was unable to study or do much at all.               | research-evidence   | false
            Students call it a study drug, but for me it is a medication.    | research-evidence   | false
            A study done on these patients found the same.                   | research-evidence   | true
            In the trial therapy was compared with waitlist for six months.  | institutional-care  | false
            The clinic has a waitlist of six months for therapy.             | institutional-care  | true
            With anxiety they were quicker to run away from danger.          | modality-exercise   | false
            Running most mornings helps my anxiety.                          | modality-exercise   | true
            The Diagnostic and Statistical Manual lists it under mood disorders. | research-evidence | false
            It helps to find a counselor you really connect with.            | alliance-bond       | true
            Online you can connect with groups of other parents.              | alliance-bond       | false
            Do you feel comfortable with your therapist yet?                 | alliance-bond       | true
            I am comfortable with the new schedule at work.                  | alliance-bond       | false
            It was weeks before I could share the memory with my counselor. | disclosure          | true
            You could confide in a friend you have known for years.         | disclosure          | false
            You could confide in the school counselor about it.             | disclosure          | true
            Ask your clinician what they are obligated to report.           | professional-ethics | true
            Prescribing is outside a counselor's scope of practice.          | professional-ethics | true
            Over time I built a good relationship with my therapist.        | working-alliance    | true
            I spent the first few sessions mostly crying.                    | modality-brief-therapy | false
            The plan only covers a few sessions of therapy a year.           | modality-brief-therapy | true
            Some charities offer free counseling to carers.                  | institutional-care  | true
            A counselor would have to report that to child services.         | professional-ethics | true
            We would have to report the results to the funder anyway.         | professional-ethics | false
            The exam results came up short again.                            | research-evidence   | false
            The trial results at one-year follow-up were mixed.              | research-evidence   | true
            I went back on anti-depressants and it has helped.               | modality-medication | true
            I went back on anti-depressants and it has helped.               | treatment-outcome   | true
            In EMDR the eye movements may not matter much.                   | modality-exercise   | false
            Couples counselling helped us more than either of us expected.   | treatment-modality  | true
            """)
    void otherSensesOfATermStayUntagged(String text, String concept, boolean tagged) {
        List<String> found = tag(text).stream().map(Mention::conceptId).distinct().toList();
        assertEquals(tagged, found.contains(concept), text + " -> " + found);
    }
}
