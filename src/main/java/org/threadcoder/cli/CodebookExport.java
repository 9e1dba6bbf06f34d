package org.threadcoder.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.output.AtomicFile;
import org.threadcoder.output.CodebookTable;
import org.threadcoder.qdpx.CodebookXml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code codebook export --format qdc|csv [--codebook FILE] [--to FILE]}: the codebook for QDA tools or a methods appendix. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the codebook as a REFI-QDA codebook (qdc: codes with GUIDs, labels, definitions, colours, "
                + "as in an exported project) or as a table (csv: id, parent, label, definition, terms, near, exclude).")
final class CodebookExport implements Callable<Integer> {
    /** The two formats, as the option reads. */
    enum Format { qdc, csv }

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "qdc or csv")
    Format format;

    @Option(names = "--codebook", paramLabel = "FILE", description = "Codebook (YAML or LIWC .dic). Default: models/codebook.yaml")
    Path codebook;

    @Option(names = "--to", paramLabel = "FILE", description = "The file to write. Default: print it")
    Path target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text;
        try {
            Codebook loaded = Setup.load(codebook, null).codebook();
            text = format == Format.qdc ? CodebookXml.write(loaded, "threadcoder " + Main.version()) : CodebookTable.write(loaded);
        } catch (InputException bad) {
            spec.commandLine().getErr().println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException unreadable) {
            spec.commandLine().getErr().println("threadcoder: cannot read the codebook: " + unreadable.getMessage());
            return Main.INPUT_FAILED;
        }
        if (target == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        try {
            AtomicFile.write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            spec.commandLine().getOut().println("threadcoder: codebook written to " + target);
            return Main.OK;
        } catch (IOException cannotWrite) {
            spec.commandLine().getErr().println(target + ": cannot write: " + cannotWrite.getMessage());
            return Main.INPUT_FAILED;
        }
    }
}
