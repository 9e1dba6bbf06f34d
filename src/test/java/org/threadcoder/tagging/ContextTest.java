package org.threadcoder.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Context;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;

/** Context attributes from {@code models/context.yaml} on the cases the issue names, traps included. */
class ContextTest {

    private static Context contextOf(String text, String concept) {
        int length = text.codePointCount(0, text.length());
        Sentence sentence = new Sentence("s#t1.s1", "s#t1", 1, new Span(0, length), text, text, 1, 1, List.of());
        List<Mention> mentions = TestSupport.pipeline().tagger().tag(sentence);
        return mentions.stream().filter(mention -> mention.conceptId().equals(concept)).findFirst()
                .orElseThrow(() -> new AssertionError(concept + " not tagged in: " + text + " -> " + mentions)).context();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            This is not a treatment failure.                                        | treatment-outcome   | negated
            There is no evidence that brief therapy helps here.                     | research-evidence   | negated
            Nobody discussed confidentiality with me.                               | confidentiality     | negated
            What if therapy requires earned trust?                                  | alliance-bond       | hypothetical;question
            If the alliance ruptures, the patient leaves.                           | working-alliance    | hypothetical
            A therapist who breaks confidentiality would lose the patient.          | confidentiality     | hypothetical
            Perhaps antidepressants work faster.                                    | modality-medication | uncertain
            Reimbursement schedules are not necessarily aligned with patient needs. | institutional-care  | uncertain
            It is not always possible to reach a meeting of minds.                  | alliance-goals      | ''
            The narrative is that CBT is evidence-based.                            | modality-cbt        | reported
            They say medication works faster than talk therapy.                     | modality-medication | reported
            People who think the purpose of therapy is to soothe are wrong.         | therapy-purpose     | reported
            Does CBT really outperform psychodynamic therapy?                       | modality-cbt        | question
            The patients were not severely depressed to begin with.                 | depression          | ''
            We don't protect privacy because it's a legal requirement.              | confidentiality     | ''
            Institutions have agendas not necessarily aligned with patients.        | institutional-care  | uncertain
            That is not how research works.                                         | research-evidence   | ''
            The evidence supports CBT not psychoanalysis.                           | modality-psychodynamic | ''
            Confidentiality is not only a legal duty but a clinical one.            | confidentiality     | ''
            In May, our clinic signed a new insurance contract.                     | institutional-care  | ''
            Patients cannot reach a shared understanding this way.                  | alliance-goals      | ''
            My colleague wrote "CBT is the gold standard for everything" again.     | modality-cbt        | reported
            This is withdrawal, not "relapse".                                      | treatment-outcome   | negated
            Patients call it "depression" when it is grief.                         | depression          | reported
            The new paper "Antidepressants and sleep in older adults" is out.       | modality-medication | ''
            So what do I mean by "informed consent to treatment"?                   | professional-ethics | question
            Even if the therapeutic alliance is strong, dropout happens.            | working-alliance    | hypothetical
            The team will decide if medication is needed.                           | modality-medication | ''
            If you missed last week's thread on confidentiality, it is pinned.      | confidentiality     | ''
            The question is whether antidepressants help.                           | modality-medication | ''
            Those patients could not access care for months.                        | institutional-care  | ''
            Clinicians cannot prescribe antidepressants without a consult.          | modality-medication | ''
            The review failed to find that longer therapy improves outcomes.        | treatment-outcome   | negated
            I don't think medication is the answer here.                            | modality-medication | negated
            Nothing here is not about confidentiality.                              | confidentiality     | ''
            A common misconception is that antidepressants change your personality. | modality-medication | reported
            Respondents say they were forced into treatment.                        | professional-ethics | reported
            The article says remission rates were higher with medication.           | modality-medication | ''
            After the taper, withdrawal may be felt for months.                     | modality-medication | uncertain
            Off the antidepressants, it may be felt more strongly.                  | modality-medication | uncertain
            Relapse rates fell, maybe the clinic changed.                           | treatment-outcome   | ''
            Her problem isn't depression.                                           | depression          | negated
            The answer isn't medication.                                            | modality-medication | negated
            Many of my clients do not have insurance at all.                        | institutional-care  | negated
            She has never suffered from depression.                                 | depression          | negated
            This has never been scientifically proven.                              | research-evidence   | negated
            The odds of not being on antipsychotics were higher.                    | modality-medication | ''
            My depression made me think "Why am I so weak?" every day.              | depression          | ''
            Does CBT "work" for everyone?                                           | modality-cbt        | question
            """)
    void setsAttributes(String text, String concept, String expected) {
        Context context = contextOf(text, concept);
        List<String> attributes = new java.util.ArrayList<>();
        if (context.negated()) {
            attributes.add("negated");
        }
        if (context.hypothetical()) {
            attributes.add("hypothetical");
        }
        if (context.uncertain()) {
            attributes.add("uncertain");
        }
        if (context.reported()) {
            attributes.add("reported");
        }
        if (context.question()) {
            attributes.add("question");
        }
        assertEquals(expected, String.join(";", attributes), "trigger: " + context.trigger());
    }
}
