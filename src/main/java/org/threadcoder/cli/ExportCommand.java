package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.qdpx.QdpxExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadcoder export qdpx [OUT_DIR] [--to FILE] [--unit mention|sentence] [--inputs INPUT...]}. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Export a run for other tools.", subcommands = {ExportCommand.Qdpx.class})
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    /** The unit of a coded selection, as the option reads. */
    enum Unit { mention, sentence }

    @Command(name = "qdpx", mixinStandardHelpOptions = true,
            description = "Write a REFI-QDA 1.5 project (.qdpx), the exchange format of QDA tools: each page a text source, "
                    + "the codebook as codes, each mention (or tagged sentence) a coded selection, each thread a case.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "1:the run's files or inputs are missing, changed or unreadable, or the file cannot be written",
                "2:usage error"})
    static final class Qdpx implements Callable<Integer> {
        @Parameters(paramLabel = "OUT_DIR", arity = "0..1", description = "The run's output folder. Default: ${DEFAULT-VALUE}")
        Path folder = Path.of("out");

        @Option(names = "--to", paramLabel = "FILE", description = "The project file. Default: OUT_DIR/project.qdpx")
        Path target;

        @Option(names = "--unit", paramLabel = "UNIT", description = "What a coded selection is: mention (default) or sentence.")
        Unit unit = Unit.mention;

        @Option(names = "--inputs", paramLabel = "INPUT", arity = "1..*",
                description = "The files or folders the run read, for pages whose offsets index the input itself. Default: seeds/")
        List<Path> inputs = List.of(Path.of("seeds"));

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path file = target != null ? target : folder.resolve("project.qdpx");
            try {
                QdpxExport.Result result = QdpxExport.export(folder, inputs, file,
                        unit == Unit.sentence ? QdpxExport.Unit.SENTENCE : QdpxExport.Unit.MENTION);
                out.printf(Locale.ROOT, "threadcoder: %d sources, %d selections, %d codings, %d notes -> %s%n", result.sources(),
                        result.selections(), result.codings(), result.notes(), result.file());
                return Main.OK;
            } catch (InputException bad) {
                err.println(bad.getMessage());
                return Main.INPUT_FAILED;
            } catch (IOException cannotWrite) {
                err.println("threadcoder: cannot export " + folder + " to " + file + ": " + cannotWrite);
                return Main.INPUT_FAILED;
            }
        }
    }
}
