package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.output.OutputSet;
import org.threadcoder.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code threadcoder report [OUT_DIR]}: writes {@code report.html} from the files of an earlier run. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write report.html (one self-contained page: concept map, sentences, threads, review and export) from the files of an earlier run.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:an input file is missing or malformed, or the report cannot be written",
            "2:usage error"})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "OUT_DIR", arity = "0..1",
            description = "Output folder of a run (holds concept-map.json, sentences.csv, mentions.csv). Default: ${DEFAULT-VALUE}")
    Path folder = Path.of("out");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (OutputSet set = OutputSet.update(folder)) {
            // the report replaces the folder as a whole, like a run: a stopped or failed write leaves the previous report
            ReportWriter.write(folder, set.folder());
            set.commit();
            set.repairs().forEach(repair -> err.println("warning: " + repair));
            out.println("threadcoder: report written to " + folder.resolve(ReportWriter.FILE));
            return Main.OK;
        } catch (InputException bad) {
            err.println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException cannotWrite) {
            err.println(folder + ": cannot write " + ReportWriter.FILE + ", left as it was: " + cannotWrite.getMessage());
            return Main.INPUT_FAILED;
        } catch (OutOfMemoryError tooLarge) {
            err.println("threadcoder: " + org.threadcoder.Pipeline.outOfMemory("building the report") + "; " + folder + " left as it was");
            return Main.INPUT_FAILED;
        }
    }
}
