package org.threadcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;

/** Cells a spreadsheet would run as formulas: as written by default, prefixed with ' under --spreadsheet-safe. */
class SpreadsheetSafeTest {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @TempDir
    Path temp;

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(csv))) {
            return parser.getRecords();
        }
    }

    private static List<String> cells(Path out) throws IOException {
        List<String> cells = new ArrayList<>();
        for (String file : List.of("sentences.csv", "mentions.csv", "threads.csv")) {
            for (CSVRecord row : rows(out.resolve(file))) {
                row.forEach(cells::add);
            }
        }
        return cells;
    }

    @Test
    void formulaCellsArePrefixedOnlyWhenAsked() throws IOException {
        Path page = TestSupport.resource("cells/formula-cells.txt");
        Path plain = temp.resolve("plain");
        Path safe = temp.resolve("safe");
        assertEquals(0, CommandRun.of("run", page.toString(), "--out", plain.toString()).exitCode());
        CommandRun run = CommandRun.of("run", page.toString(), "--out", safe.toString(), "--spreadsheet-safe");
        assertEquals(0, run.exitCode(), "the report still reads the prefixed cells: " + run.err());

        List<CSVRecord> sentences = rows(plain.resolve("sentences.csv"));
        assertEquals("=HYPERLINK(\"https://example.org/x\",\"open me\")", sentences.get(0).get("author"), "by default cells are as written");
        List<String> starting = cells(plain).stream().filter(cell -> !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0).toList();
        assertTrue(starting.size() >= 4, "the fixture has formula cells: " + starting);

        List<CSVRecord> safeSentences = rows(safe.resolve("sentences.csv"));
        assertEquals("'=HYPERLINK(\"https://example.org/x\",\"open me\")", safeSentences.get(0).get("author"));
        assertTrue(safeSentences.stream().anyMatch(row -> row.get("clean_text").startsWith("'=SUM(1,1)")), "clean_text protected");
        assertTrue(safeSentences.stream().anyMatch(row -> row.get("text").startsWith("'-2 points")), "text protected");
        for (String cell : cells(safe)) {
            assertFalse(!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0, "a cell a spreadsheet would run: " + cell);
        }
        String report = Files.readString(safe.resolve("report.html"));
        // the report draws its text from the data it embeds: that holds the text as written, unprotected
        assertTrue(report.contains("\"-2 points for a ") && !report.contains("'-2 points"), "the report shows the text as written");
    }
}
