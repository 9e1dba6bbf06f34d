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
import org.threadcoder.bench.Benchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadcoder bench [INPUT...]}: MB/s and sentences/s per stage and end to end, on one core. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Measure throughput per stage and end to end (one core).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files or folders. Default: seeds/")
    List<Path> inputs = List.of(Path.of("seeds"));

    @Option(names = "--seconds", paramLabel = "S", description = "Time per stage. Default: ${DEFAULT-VALUE}")
    double seconds = 3;

    @CommandLine.Mixin
    PipelineOptions pipelineOptions = new PipelineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Setup.Loaded loaded = pipelineOptions.load();
            Inputs.Expansion expansion = Inputs.expand(inputs);
            if (!expansion.failures().isEmpty()) {
                expansion.failures().forEach(failure -> err.println(failure.file() + ": " + failure.reason()));
                return Main.INPUT_FAILED;
            }
            List<Benchmark.Result> results = new Benchmark(pipelineOptions.pipeline(loaded), seconds).run(expansion.inputs(), loaded.manifest());
            out.printf(Locale.ROOT, "%-34s %10s %14s%n", "stage", "MB/s", "sentences/s");
            for (Benchmark.Result result : results) {
                out.printf(Locale.ROOT, "%-34s %10.2f %14.0f%n", result.stage(), result.megabytesPerSecond(), result.sentencesPerSecond());
            }
            return Main.OK;
        } catch (InputException bad) {
            err.println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException unreadable) {
            err.println("threadcoder: " + unreadable.getMessage());
            return Main.INPUT_FAILED;
        }
    }
}
