package org.threadcoder.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.threadcoder.InputException;
import org.threadcoder.cli.Main;
import org.threadcoder.cli.Setup;
import org.threadcoder.tagging.Tagger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threadcoder-spark [INPUT...] [--out DIR] ...}: {@code threadcoder run} as a Spark job, writing the same
 * files. The only class of the job that prints and picks exit codes (those of {@code run}).
 */
@Command(name = "threadcoder-spark", mixinStandardHelpOptions = true, versionProvider = SparkRun.Version.class,
        description = "Process pages on Spark into the files of `threadcoder run` (report.html aside: `threadcoder report DIR` writes it).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was processed", "1:some input failed (the others are written)", "2:usage error"})
public final class SparkRun implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files or folders on any Hadoop file system (file:, hdfs:, s3a:), walked in sorted order. Default: seeds")
    List<String> inputs = List.of("seeds");

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, on any Hadoop file system. Default: ${DEFAULT-VALUE}")
    String out = "out";

    @Option(names = "--codebook", paramLabel = "FILE", description = "Codebook on the driver's disk (YAML or LIWC .dic). Default: models/codebook.yaml, else the bundled one")
    Path codebook;

    @Option(names = "--context", paramLabel = "FILE", description = "Context rules on the driver's disk. Default: models/context.yaml, else the bundled ones")
    Path contextRules;

    @Option(names = "--roll-up", description = "Also count each child concept under its ancestors, as `run --roll-up`.")
    boolean rollUp;

    @Option(names = "--lemmas", paramLabel = "MODE", description = "WORD (default) or CONTEXT, as `run --lemmas`.")
    Tagger.LemmaMode lemmas = Tagger.LemmaMode.WORD;

    @Option(names = "--typos", description = "Also match a word one letter away from a codebook word of 6+ letters, as `run --typos`.")
    boolean typos;

    @Option(names = "--spreadsheet-safe", description = "Prefix ' to CSV text cells starting with =, +, -, @, tab or CR, as `run --spreadsheet-safe`.")
    boolean spreadsheetSafe;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions the inputs are cut into. Default: twice Spark's default parallelism")
    int partitions;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not started by spark-submit, e.g. local[2] (spark-submit's --master is used otherwise).")
    String master;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the job's command line with the given console streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SparkRun());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println("threadcoder-spark: internal error: " + failure);
            return Main.INPUT_FAILED;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        if (partitions < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be at least 1 (0: the default), got " + partitions);
        }
        Setup.Loaded loaded;
        try {
            loaded = Setup.load(codebook, contextRules);
        } catch (InputException bad) {
            err.println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException unreadable) {
            err.println("threadcoder-spark: cannot read the codebook: " + unreadable.getMessage());
            return Main.INPUT_FAILED;
        }
        SparkConf conf = new SparkConf().setAppName("threadcoder");
        if (master != null) {
            conf.setMaster(master);
        }
        if (!conf.contains("spark.master")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no Spark master: start the job with spark-submit, or give --master (local[2] runs on 2 local cores)");
        }
        SparkJob.Result result;
        double startUp;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            startUp = (System.nanoTime() - started) / 1e9;
            result = SparkJob.run(spark, loaded, new SparkJob.Request(inputs, this.out, rollUp, new Tagger.Options(lemmas, typos), spreadsheetSafe, partitions));
        } catch (IOException cannotWrite) {
            err.println(this.out + ": cannot read inputs or write outputs: " + cannotWrite.getMessage());
            return Main.INPUT_FAILED;
        }
        result.warnings().forEach(warning -> err.println("warning: " + warning));
        result.failures().forEach(failure -> err.println(failure.file() + ": " + failure.reason()));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (result.pages() == 0) {
            err.println("threadcoder-spark: no input could be processed; nothing written, " + this.out + " left as it was");
            return Main.INPUT_FAILED;
        }
        out.printf(Locale.ROOT, "threadcoder-spark: %d %s, %d threads, %d sentences, %d mentions, %.1f%% of the text kept as tweets, "
                        + "%d %s, in %.1f s (Spark start-up %.1f s) -> %s%s%n",
                result.pages(), result.pages() == 1 ? "page" : "pages", result.threads(), result.sentences(), result.mentions(),
                100 * result.keptShare(), result.partitions(), result.partitions() == 1 ? "partition" : "partitions", seconds, startUp,
                this.out,
                result.failures().isEmpty() ? "" : " (" + result.failures().size() + " failed)");
        return result.failures().isEmpty() ? Main.OK : Main.INPUT_FAILED;
    }

    /** Supplies {@code --version}: the core's, which the manifest names. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"threadcoder-spark " + Main.version()};
        }
    }
}
