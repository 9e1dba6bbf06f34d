package org.threadcoder.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 UTF-8 CSV file with a header row, written atomically, one row at a time. Cells are
 * quoted as Commons CSV's {@code CSVFormat.RFC4180} quotes them (a test holds the two to the same
 * bytes), written straight to the file: the tables have millions of cells.
 *
 * <p>Spreadsheet-safe tables prefix {@code '} to every text cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, the characters that make Excel,
 * LibreOffice and Google Sheets read a cell as a formula. Off by default: with it, {@code text} is
 * no longer exactly {@code source[start:end]}. Numbers and booleans are never text cells.
 */
public final class CsvTable implements Closeable {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final AtomicFile file;
    private final java.io.Writer out;
    private final boolean spreadsheetSafe;

    public CsvTable(Path target, List<String> header) throws IOException {
        this(target, header, false);
    }

    public CsvTable(Path target, List<String> header, boolean spreadsheetSafe) throws IOException {
        this.file = new AtomicFile(target);
        this.spreadsheetSafe = spreadsheetSafe;
        this.out = file.writer();
        try {
            write(header);
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
            write(values);
            return;
        }
        List<Object> safe = new ArrayList<>(values.size());
        for (Object value : values) {
            safe.add(value instanceof String text ? protect(text) : value);
        }
        write(safe);
    }

    /** One record: cells separated by commas, ended by CRLF; a null cell is empty. */
    private void write(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = values.get(i);
            if (value != null) {
                cell(value instanceof String text ? text : value.toString(), i == 0);
            }
        }
        out.write("\r\n");
    }

    /**
     * A cell, quoted when it must be (Commons CSV's minimal quoting): when it holds a comma, a quote or a line
     * break, starts with a character up to {@code #} or ends with one up to a space, or is an empty first cell.
     */
    private void cell(String text, boolean first) throws IOException {
        int length = text.length();
        boolean quote;
        if (length == 0) {
            quote = first;
        } else if (text.charAt(0) <= '#') {
            quote = true;
        } else {
            quote = text.charAt(length - 1) <= ' ';
            for (int i = 0; i < length && !quote; i++) {
                char c = text.charAt(i);
                quote = c == '\n' || c == '\r' || c == '"' || c == ',';
            }
        }
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        int from = 0;
        for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
            out.write(text, from, i + 1 - from);
            out.write('"');
            from = i + 1;
        }
        out.write(text, from, length - from);
        out.write('"');
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
        out.flush();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
