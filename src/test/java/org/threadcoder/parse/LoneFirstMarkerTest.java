package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;

/** An excerpt cut after its first tweet keeps that tweet's lone "1/5": masked when it closes a sentence, kept when it is a fraction. */
class LoneFirstMarkerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Here is what good therapy looks like! 1/5|1/5|true",
            "Why do clients drop out? A thread (1/n)|(1/n)|true",
            "Ask what helped last week. 🧵 1/7|1/7|true",
            "Add 1/2 cup of patience to every first session|1/2|false",
            "Most clients come for 1/4 of the sessions they planned|1/4|false"})
    void aLoneFirstMarkerIsMaskedOnlyWhenItClosesASentence(String firstLine, String marker, boolean masked) throws InputException {
        String text = firstLine + "\nAnd then the excerpt goes on about something else entirely.\n";
        Page page = new TextPageParser().parse("excerpt.txt", text, "0".repeat(64), false, new ArrayList<>());
        // spans count code points: the 🧵 before a marker is one
        int at = text.codePointCount(0, text.indexOf(marker));
        int end = at + marker.codePointCount(0, marker.length());
        boolean covered = page.threads().stream().flatMap(thread -> thread.noise().stream())
                .anyMatch(noise -> noise.start() <= at && noise.end() >= end);
        assertEquals(masked, covered, firstLine);
    }
}
