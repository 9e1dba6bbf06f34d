package org.threadcoder.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** An RFC 4180 UTF-8 CSV file with a header row, written atomically, one row at a time. */
public final class CsvTable implements Closeable {
    private final AtomicFile file;
    private final CSVPrinter printer;

    public CsvTable(Path target, List<String> header) throws IOException {
        this.file = new AtomicFile(target);
        this.printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(file.writer());
    }

    public void row(Object... values) throws IOException {
        printer.printRecord(values);
    }

    public void row(List<?> values) throws IOException {
        printer.printRecord(values);
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
