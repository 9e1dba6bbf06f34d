package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tweet count a numbering marker gives, which lets a run skip the numbers of lost tweets. */
class NumberingStyleTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "7/12|12", "(1/5)|5", "[Thread 2/7]|7", "1 of 3|3", "1of2|2", "10/120|120",
            "3/|-1", "(2)|-1", "1/n|-1", "1/?|-1", "/4|-1", "2./|-1"})
    void aMarkerGivesTheCountAfterItsSlashOrOf(String marker, int count) {
        assertEquals(count, NumberingStyle.count(marker));
    }
}
