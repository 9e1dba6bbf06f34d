package org.threadcoder.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An RFC 4180 UTF-8 CSV file with a header row, written atomically, one row at a time by Commons
 * CSV's {@code CSVFormat.RFC4180} printer (minimal quoting, CRLF record ends).
 *
 * <p>Spreadsheet-safe tables prefix {@code '} to every text cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, the characters that make Excel,
 * LibreOffice and Google Sheets read a cell as a formula. Off by default: with it, {@code text} is
 * no longer exactly {@code source[start:end]}. Numbers and booleans are never text cells.
 */
public final class CsvTable implements Closeable {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final AtomicFile file;
    private final CSVPrinter printer;
    private final boolean spreadsheetSafe;
    /**
     * The row being printed: the printer appends a char at a time, and a buffered file writer takes a lock for
     * each (tens of millions on a large run); the row goes to the file in one write.
     */
    private final StringBuilder row = new StringBuilder(256);

    public CsvTable(Path target, List<String> header) throws IOException {
        this(target, header, false);
    }

    public CsvTable(Path target, List<String> header, boolean spreadsheetSafe) throws IOException {
        this.file = new AtomicFile(target);
        this.spreadsheetSafe = spreadsheetSafe;
        try {
            this.printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(row);
            drain();
        } catch (IOException | RuntimeException failed) {
            file.close();
            throw failed;
        }
    }

    public void row(Object... values) throws IOException {
        row(java.util.Arrays.asList(values));
    }

    public void row(List<?> values) throws IOException {
        if (!spreadsheetSafe) {
            printer.printRecord(values);
        } else {
            List<Object> safe = new ArrayList<>(values.size());
            for (Object value : values) {
                safe.add(value instanceof String text ? protect(text) : value);
            }
            printer.printRecord(safe);
        }
        drain();
    }

    /** Writes the printed row to the file and empties it. */
    private void drain() throws IOException {
        file.writer().append(row);
        row.setLength(0);
    }

    /** The cell a spreadsheet shows as text: {@code '} before a formula character at the start. */
    public static String protect(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /**
     * A cell as written before {@link #protect}: the leading {@code '} removed when a formula
     * character follows it. For readers of a run's CSVs (the report) that may meet either kind.
     */
    public static String unprotect(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /** As {@link #unprotect(String)}, only when that makes the cell {@code codePoints} long (a text cell whose offsets say its length). */
    public static String unprotect(String cell, int codePoints) {
        String bare = unprotect(cell);
        return bare != cell && cell.codePointCount(0, cell.length()) != codePoints && bare.codePointCount(0, bare.length()) == codePoints
                ? bare : cell;
    }

    public void commit() throws IOException {
        printer.flush();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
