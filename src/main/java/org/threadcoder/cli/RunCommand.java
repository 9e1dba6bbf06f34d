package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.output.OutputSet;
import org.threadcoder.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadcoder run [INPUT...] [--out DIR] [--codebook FILE]}. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Process pages into sentences.csv, mentions.csv, threads.csv, concepts.csv, concept-map.json, "
                + "datapackage.json and report.html.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was processed", "1:some input failed (the others are written)", "2:usage error"})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files or folders (walked in sorted order). Default: seeds/")
    List<Path> inputs = List.of(Path.of("seeds"));

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: ${DEFAULT-VALUE}")
    Path out = Path.of("out");

    @Option(names = "--roll-up", description = "Also count each child concept under its ancestors in the concept map, "
            + "threads.csv and the report (sentences.csv and mentions.csv keep the direct tags).")
    boolean rollUp;

    @Option(names = "--threads", paramLabel = "N", description = "Pages processed in parallel. Default: the number of cores (${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-report", description = "Do not write report.html (large batch runs; `threadcoder report` can write it later).")
    boolean noReport;

    @Option(names = "--spreadsheet-safe", description = "Prefix ' to CSV text cells starting with =, +, -, @, tab or CR, so a spreadsheet "
            + "never runs them as formulas (text then no longer equals source[start:end]).")
    boolean spreadsheetSafe;

    @Option(names = "--quiet", description = "No progress line on standard error (shown only when it is a terminal).")
    boolean quiet;

    @CommandLine.Mixin
    PipelineOptions pipelineOptions = new PipelineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        Setup.Loaded loaded;
        try {
            OutputSet.requireReplaceable(this.out);
            loaded = pipelineOptions.load();
        } catch (InputException bad) {
            err.println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException unreadable) {
            err.println("threadcoder: cannot read the codebook or the output folder: " + unreadable.getMessage());
            return Main.INPUT_FAILED;
        }
        Inputs.Expansion expansion = Inputs.expand(inputs, this.out);
        Pipeline.Summary summary;
        ProgressLine progress = null;
        try {
            Pipeline pipeline = pipelineOptions.pipeline(loaded);
            Pipeline.Finisher report = noReport ? Pipeline.Finisher.NONE : ReportWriter::write;
            progress = quiet || !ProgressLine.standardErrorIsTerminal() ? null
                    : new ProgressLine(err, expansion.inputs().size(), System::nanoTime);
            summary = pipeline.run(expansion.inputs(), expansion.failures(), this.out, loaded.manifest(),
                    new Pipeline.RunOptions(rollUp, threads, spreadsheetSafe, report, progress));
        } catch (IOException cannotWrite) {
            err.println(this.out + ": cannot write outputs, left as it was: " + cannotWrite.getMessage());
            return Main.INPUT_FAILED;
        } catch (InputException unreadableOutputs) {
            err.println("threadcoder: cannot build the report, " + this.out + " left as it was: " + unreadableOutputs.getMessage());
            return Main.INPUT_FAILED;
        } catch (OutOfMemoryError tooLarge) {
            err.println("threadcoder: " + Pipeline.outOfMemory("writing the outputs") + "; " + this.out + " left as it was");
            return Main.INPUT_FAILED;
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        expansion.warnings().forEach(warning -> err.println("warning: " + warning));
        summary.warnings().forEach(warning -> err.println("warning: " + warning));
        summary.failures().forEach(failure -> err.println(failure.file() + ": " + failure.reason()));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (summary.pages() == 0) {
            err.println("threadcoder: no input could be processed; nothing written, " + this.out + " left as it was");
            return Main.INPUT_FAILED;
        }
        out.printf(Locale.ROOT, "threadcoder: %d %s, %d threads, %d sentences, %d mentions, %.1f%% of the text kept as tweets, in %.1f s -> %s%s%n",
                summary.pages(), summary.pages() == 1 ? "page" : "pages", summary.threads(), summary.sentences(),
                summary.mentions(), 100 * summary.keptShare(), seconds, this.out,
                summary.failures().isEmpty() ? "" : " (" + summary.failures().size() + " failed)");
        return summary.failures().isEmpty() ? Main.OK : Main.INPUT_FAILED;
    }
}
