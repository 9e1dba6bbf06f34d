package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.Inputs;
import org.threadcoder.bench.Benchmark;
import org.threadcoder.bench.ScalingBench;
import org.threadcoder.sentences.LanguageModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threadcoder bench [INPUT...]}: OpenNLP's sentence detector alone, then each stage and the whole run, in MB/s,
 * sentences/s and as a ratio to the detector ({@link Benchmark}); with {@code --scaling}, time per MB on one ever larger
 * line, sentence and thread ({@link ScalingBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Measure throughput: OpenNLP's sentence detector alone, each stage and the whole run (one worker), "
                + "in MB/s, sentences/s and as a ratio to the detector.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was measured", "1:some input was skipped (the others are measured)", "2:usage error"})
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files or folders. Default: seeds/")
    List<Path> inputs = List.of(Path.of("seeds"));

    @Option(names = "--passes", paramLabel = "N", description = "Timed passes per stage after one warm-up pass; the median is shown. "
            + "Default: ${DEFAULT-VALUE}")
    int passes = 3;

    @Option(names = "--seconds", paramLabel = "S", description = "A pass goes over the inputs again until it has run S seconds "
            + "(with --scaling: each size). Default: ${DEFAULT-VALUE}")
    double seconds = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Also time the whole run with N workers (N > 1). Default: 1 (not)")
    int threads = 1;

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
        if (passes < 1 || threads < 1 || seconds < 0 || scaling && seconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--passes and --threads must be at least 1 and --seconds at least 0 "
                    + "(above 0 with --scaling), got " + passes + ", " + threads + ", " + seconds);
        }
        try {
            Setup.Loaded loaded = pipelineOptions.load();
            if (scaling) {
                return scaling(out, loaded);
            }
            Inputs.Expansion expansion = Inputs.expand(inputs);
            Benchmark.Report report = new Benchmark(pipelineOptions.pipeline(loaded), LanguageModels.english(),
                    new Benchmark.Options(passes, seconds, threads)).run(expansion.inputs(), loaded.manifest());
            expansion.warnings().forEach(warning -> err.println("warning: " + warning));
            expansion.failures().forEach(failure -> err.println(failure.file() + ": " + failure.reason()));
            report.skipped().forEach(failure -> err.println(failure.file() + ": " + failure.reason()));
            if (report.inputs() == 0) {
                err.println("threadcoder: no input could be processed; nothing measured");
                return Main.INPUT_FAILED;
            }
            print(out, report);
            return expansion.failures().isEmpty() && report.skipped().isEmpty() ? Main.OK : Main.INPUT_FAILED;
        } catch (InputException bad) {
            err.println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException unreadable) {
            err.println("threadcoder: " + unreadable.getMessage());
            return Main.INPUT_FAILED;
        }
    }

    private void print(PrintWriter out, Benchmark.Report report) {
        out.printf(Locale.ROOT, "%d inputs, %.1f MB, %d skipped; median of %d passes after a warm-up; CPU s: the measuring thread's, "
                + "for a whole run all threads of the JVM%n", report.inputs(), report.bytes() / 1e6, report.skipped().size(), passes);
        out.printf(Locale.ROOT, "%-38s %9s %12s %12s %9s %9s%n", "stage", "MB/s", "sentences/s", "x detector", "wall s", "CPU s");
        row(out, report, report.detector());
        for (Benchmark.Figure figure : report.stages()) {
            row(out, report, figure);
        }
    }

    private static void row(PrintWriter out, Benchmark.Report report, Benchmark.Figure figure) {
        out.printf(Locale.ROOT, "%-38s %9.2f %12.0f %12.3f %9.2f %9.2f%n", figure.stage(), figure.megabytesPerSecond(),
                figure.sentencesPerSecond(), report.ratio(figure), figure.wallSeconds(), figure.cpuSeconds());
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
