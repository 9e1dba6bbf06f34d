package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CsvTable} writes RFC 4180 records: minimal quoting, doubled quotes, CRLF ends; a spreadsheet-safe table defuses formulas. */
class CsvTableTest {
    @TempDir
    Path temp;

    private String written(Object cell, boolean spreadsheetSafe) throws Exception {
        Path file = temp.resolve("table.csv");
        try (CsvTable table = new CsvTable(file, List.of("id", "cell"), spreadsheetSafe)) {
            table.row(Arrays.asList("t1", cell));
            table.commit();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals("id,cell\r\n", text.substring(0, 9), "header row first");
        return text.substring(9);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "plain words|t1,plain words\\r\\n",
            "a, b|t1,\"a, b\"\\r\\n",
            "she said \"no\"|t1,\"she said \"\"no\"\"\"\\r\\n",
            "#hashtag first|t1,\"#hashtag first\"\\r\\n",
            "ends with a space |t1,\"ends with a space \"\\r\\n",
            "=HYPERLINK(1)|t1,=HYPERLINK(1)\\r\\n",
            "🧵 thread|t1,🧵 thread\\r\\n"})
    void quotesOnlyWhatMustBeQuoted(String cell, String expected) throws Exception {
        assertEquals(expected.replace("\\r\\n", "\r\n"), written(cell, false));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "=cmd|t1,'=cmd\\r\\n",
            "+1 this|t1,'+1 this\\r\\n",
            "-- quoted|t1,'-- quoted\\r\\n",
            "@handle said|t1,'@handle said\\r\\n",
            "no formula|t1,no formula\\r\\n"})
    void aSpreadsheetSafeTableDefusesFormulaStarts(String cell, String expected) throws Exception {
        assertEquals(expected.replace("\\r\\n", "\r\n"), written(cell, true));
    }

    @org.junit.jupiter.api.Test
    void aLineBreakInsideACellIsQuotedAndNumbersAndEmptyCellsStayBare() throws Exception {
        assertEquals("t1,\"two\nlines\"\r\n", written("two\nlines", false));
        assertEquals("t1,-3\r\n", written(-3, true), "a number is never a text cell, even spreadsheet-safe");
        assertEquals("t1,\r\n", written(null, false));
        assertEquals("t1,\r\n", written("", false));
    }
}
