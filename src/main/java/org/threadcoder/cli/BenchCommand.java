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
import org.threadcoder.bench.ScalingBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threadcoder bench [INPUT...]}: MB/s and sentences/s per stage and end to end, on one core;
 * with {@code --scaling}, time per MB on one ever larger line, sentence and thread ({@link ScalingBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Measure throughput per stage and end to end (one core).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files or folders. Default: seeds/")
    List<Path> inputs = List.of(Path.of("seeds"));

    @Option(names = "--seconds", paramLabel = "S", description = "Time per stage. Default: ${DEFAULT-VALUE}")
    double seconds = 3;

    @Option(names = "--scaling", description = "Instead: time per MB end to end on one generated line, sentence and thread "
            + "at each of --sizes (parse, split and tag; 'parse' is that stage's share); flat figures mean linear time.")
    boolean scaling;

    @Option(names = "--sizes", paramLabel = "SIZE", split = ",", description = "Input sizes for --scaling (k = 1,000 bytes, m = 1,000,000). "
            + "Default: 10k,100k,1m,10m")
    List<String> sizes = List.of("10k", "100k", "1m", "10m");

    @Option(names = "--keep-inputs", paramLabel = "DIR", description = "With --scaling: write the generated inputs into DIR and keep them "
            + "(to run them through `threadcoder run` under /usr/bin/time).")
    Path keepInputs;

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
            if (scaling) {
                return scaling(out, loaded);
            }
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

    private int scaling(PrintWriter out, Setup.Loaded loaded) throws IOException, InputException {
        List<Long> bytes = sizes.stream().map(size -> parseSize(size.strip())).toList();
        List<ScalingBench.Row> rows = new ScalingBench(pipelineOptions.pipeline(loaded), seconds).run(bytes, keepInputs);
        out.printf(Locale.ROOT, "%-9s %12s %6s %10s %10s %8s %12s%n", "shape", "bytes", "runs", "s/MB", "MB/s", "parse", "vs smallest");
        ScalingBench.Row first = null;
        for (ScalingBench.Row row : rows) {
            first = first == null || first.shape() != row.shape() ? row : first;
            out.printf(Locale.ROOT, "%-9s %12d %6d %10.3f %10.2f %7.0f%% %11.2fx%n", row.shape().name().toLowerCase(Locale.ROOT),
                    row.bytes(), row.runs(), row.secondsPerMegabyte(), 1 / row.secondsPerMegabyte(), 100 * row.parseShare(),
                    row.secondsPerMegabyte() / first.secondsPerMegabyte());
        }
        return Main.OK;
    }

    private long parseSize(String size) {
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(?i)(\\d+)([km]?)").matcher(size);
        if (!parts.matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sizes: '" + size + "' is not a size such as 10k or 1m");
        }
        long unit = switch (parts.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1_000L;
            case "m" -> 1_000_000L;
            default -> 1L;
        };
        return Long.parseLong(parts.group(1)) * unit;
    }
}
