package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.output.OutputSet;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.eval.Evaluation;
import org.threadcoder.eval.EvaluationReport;
import org.threadcoder.eval.GoldStandard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadcoder eval --gold FILE [INPUT...] [--out DIR] [--codebook FILE]}: the pipeline against human coding. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Run the pipeline on the sources a gold file codes and compare with the human coding: sentence boundaries, "
                + "concepts per gold sentence (precision, recall, F1, Cohen's kappa; micro and macro) and context attributes. "
                + "Prints a table and writes eval.json and eval.csv.",
            "Gold: a JSON object like seed.gold.json, or a CSV with header source,start,end,concept,negated "
                + "[,hypothetical,uncertain,reported,question]; spans in Unicode code points."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated (whatever the scores: a measurement, not a test)",
            "1:bad gold file or input, or the outputs cannot be written", "2:usage error"})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--gold", paramLabel = "FILE", required = true, description = "Gold standard (JSON or CSV).")
    Path gold;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files or folders holding the sources the gold names. Default: each source beside the gold file, else in seeds/")
    List<Path> inputs = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder for eval.json and eval.csv. Default: ${DEFAULT-VALUE}")
    Path out = Path.of("out");

    @CommandLine.Mixin
    PipelineOptions pipelineOptions = new PipelineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Evaluation.Result result;
        Setup.Loaded loaded;
        try {
            loaded = pipelineOptions.load();
            GoldStandard goldStandard = GoldStandard.read(gold, loaded.codebook().ids());
            List<Pipeline.Input> sources;
            if (inputs.isEmpty()) {
                sources = Evaluation.defaultInputs(goldStandard, gold, Path.of("seeds"));
            } else {
                Inputs.Expansion expansion = Inputs.expand(inputs);
                if (!expansion.failures().isEmpty()) {
                    expansion.failures().forEach(failure -> err.println(failure.file() + ": " + failure.reason()));
                    return Main.INPUT_FAILED;
                }
                sources = expansion.inputs();
            }
            Pipeline pipeline = pipelineOptions.pipeline(loaded);
            result = new Evaluation(pipeline).evaluate(goldStandard, sources);
        } catch (InputException bad) {
            err.println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException unreadable) {
            err.println("threadcoder: cannot read the codebook: " + unreadable.getMessage());
            return Main.INPUT_FAILED;
        }
        EvaluationReport.print(result, out);
        try (OutputSet set = OutputSet.update(this.out)) {
            // eval.json and eval.csv change together: the folder is replaced as a whole, as by a run
            List<Path> written = EvaluationReport.write(result, loaded.manifest(), set.folder());
            set.commit();
            set.repairs().forEach(repair -> err.println("warning: " + repair));
            out.println("threadcoder: evaluation written to " + this.out.resolve(written.get(0).getFileName()) + " and "
                    + this.out.resolve(written.get(1).getFileName()));
        } catch (InputException unusable) {
            err.println(unusable.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException cannotWrite) {
            err.println(this.out + ": cannot write " + EvaluationReport.JSON_FILE + ", " + EvaluationReport.CSV_FILE + ": "
                    + cannotWrite.getMessage());
            return Main.INPUT_FAILED;
        }
        return Main.OK;
    }
}
