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
        ReportData data = ReportData.read(outFolder);
        Document document = new ReportPage(data).build();
        Path target = outFolder.resolve(FILE);
        try (AtomicFile file = new AtomicFile(target)) {
            file.writer().write(document.outerHtml());
            file.writer().write('\n');
            file.commit();
        }
        return target;
    }
}
