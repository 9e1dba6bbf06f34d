package org.threadcoder.report;

import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.threadcoder.InputException;
import org.threadcoder.output.AtomicFile;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS, script, SVG and the run's data as JSON; no network loads)
 * for reviewing a run, read back from the files the run wrote in its output folder. The same
 * files always give the same bytes.
 */
public final class ReportWriter {
    /** The report's file name in the output folder. */
    public static final String FILE = "report.html";

    private ReportWriter() {
    }

    /**
     * Reads {@code concept-map.json}, {@code sentences.csv} and {@code mentions.csv} from
     * {@code outFolder} and writes {@code report.html} beside them, atomically.
     *
     * @return the report's path
     * @throws InputException when an input file is missing or malformed (the message names it)
     * @throws IOException    when the report cannot be written
     */
    public static Path write(Path outFolder) throws IOException, InputException {
        return write(outFolder, outFolder);
    }

    /**
     * Reads a run's files from {@code from} and writes {@code report.html} into {@code into} (the
     * staging folder of an {@link org.threadcoder.output.OutputSet} that replaces {@code from}).
     */
    public static Path write(Path from, Path into) throws IOException, InputException {
        ReportData data = ReportData.read(from);
        Document document = new ReportPage(data).build();
        Path target = into.resolve(FILE);
        try (AtomicFile file = new AtomicFile(target)) {
            file.writer().write(document.outerHtml());
            file.writer().write('\n');
            file.commit();
        }
        return target;
    }
}
