package org.threadcoder.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.TestSupport;

/**
 * A bracket holds its sentences together on its line, not past it: an unroller shortens a link inside a bracket
 * ("(see journal.org/articles/…") and the closing bracket is lost with the rest of it.
 */
class OpenBracketTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a bracket left open at a line's end (its link cut short) holds no sentence end on the lines after it
            "Group sessions should be compared (more trials should journal.org/articles/ab12…⏎Everyone gets a tested treatment first.⏎"
                    + "The rest is a waste of people's time.|The rest is a waste of people's time.",
            "Some worry about side effects (see the pooled data in example.org/review/x1…⏎We ask about sleep every week.⏎"
                    + "Then we adjust the dose.|Then we adjust the dose.",
            // inside one line, a bracket still holds its sentences together
            "They stayed the course (it was hard. it took months) and it paid off.|They stayed the course (it was hard. it took months) and it paid off.",
            "We tried it (It was hard. It took months.) and kept going.|We tried it (It was hard. It took months.) and kept going."})
    void anOpenBracketHoldsSentencesTogetherOnlyOnItsLine(String text, String last, @TempDir Path folder) throws Exception {
        List<String> found = TestSupport.sentencesOfPage(folder, text.replace("⏎", "\n"));
        assertEquals(last, found.get(found.size() - 1), () -> "sentences: " + found);
    }
}
