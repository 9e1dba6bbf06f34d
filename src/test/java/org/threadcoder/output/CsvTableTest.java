package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvTable} writes the bytes Commons CSV's RFC 4180 printer writes, cell for cell. */
class CsvTableTest {
    @TempDir
    Path temp;

    @Test
    void writesWhatCommonsCsvWritesForCellsOfEveryKind() throws Exception {
        String[] pieces = {"a", "Z", " ", "\t", ",", "\"", "\r", "\n", "\r\n", "#", "!", "=", "-", "'", "é", "🧵", "\u0000", "x y", ";", "$"};
        Random random = new Random(4180);
        List<String> header = List.of("id", "text", "count", "flag", "note");
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 5_000; r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    row.add(null);
                } else if (kind == 1) {
                    row.add(random.nextInt(2000) - 1000);
                } else if (kind == 2) {
                    row.add(random.nextBoolean());
                } else if (kind == 3) {
                    row.add("");
                } else {
                    StringBuilder cell = new StringBuilder();
                    for (int k = random.nextInt(6); k >= 0; k--) {
                        cell.append(pieces[random.nextInt(pieces.length)]);
                    }
                    row.add(cell.toString());
                }
            }
            rows.add(row);
        }
        Path file = temp.resolve("table.csv");
        try (CsvTable table = new CsvTable(file, header)) {
            for (List<Object> row : rows) {
                table.row(row);
            }
            table.commit();
        }
        StringWriter expected = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(expected)) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        }
        assertEquals(expected.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
