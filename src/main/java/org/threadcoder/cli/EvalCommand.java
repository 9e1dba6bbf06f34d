package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.output.OutputSet;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.eval.CoderAgreement;
import org.threadcoder.eval.Evaluation;
import org.threadcoder.eval.EvaluationErrors;
import org.threadcoder.eval.EvaluationReport;
import org.threadcoder.eval.GoldStandard;
import org.threadcoder.qdpx.QdpxGold;
import org.threadcoder.model.Span;
import org.threadcoder.qdpx.QdpxProject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threadcoder eval --gold FILE [INPUT...] [--errors] [--out DIR] [--codebook FILE]}: the pipeline against human
 * coding; {@code eval --gold A --against B}: one coder against another.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Run the pipeline on the sources a gold file codes and compare with the human coding: sentence boundaries, "
                + "concepts per gold sentence (precision, recall, F1, Cohen's kappa; micro and macro) and context attributes. "
                + "Prints a table and writes eval.json and eval.csv.",
            "Gold: a JSON object like seed.gold.json, a CSV with header source,start,end,concept,negated "
                + "[,hypothetical,uncertain,reported,question] (spans in Unicode code points), or a REFI-QDA project (.qdpx) "
                + "coded in a QDA tool on the same texts. A CSV row with an empty concept is a unit coded with no concept (scored); "
                + "text in no listed unit is not scored.",
            "With --against B: agreement between two coders (the same table, with Cohen's kappa and Krippendorff's alpha), "
                + "units matched by source and span; no pipeline run for CSV and JSON files (INPUT is needed only for a .qdpx)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated (whatever the scores: a measurement, not a test)",
            "1:bad gold file or input, or the outputs cannot be written", "2:usage error"})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--gold", paramLabel = "FILE", required = true, description = "Gold standard (JSON, CSV or QDPX).")
    Path gold;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files or folders holding the sources the gold names. Default: each source beside the gold file, else in seeds/")
    List<Path> inputs = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder for eval.json and eval.csv. Default: ${DEFAULT-VALUE}")
    Path out = Path.of("out");

    @Option(names = "--errors", description = "Also list every false positive and false negative unit (with the term that fired, "
            + "or the concept missed) and every attribute disagreement, grouped by concept; written to errors.csv too.")
    boolean errors;

    @Option(names = "--against", paramLabel = "FILE", description = "A second coder's coding (CSV, JSON or QDPX) to compare "
            + "with --gold: coder-coder agreement; written to agreement.csv.")
    Path against;

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
            if (against != null) {
                return compareCoders(loaded, out, err);
            }
            result = GoldRun.evaluate(gold, inputs, pipelineOptions.pipeline(loaded), out, err);
            if (result == null) {
                return Main.INPUT_FAILED;
            }
        } catch (InputException bad) {
            err.println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException unreadable) {
            err.println("threadcoder: cannot read the codebook: " + unreadable.getMessage());
            return Main.INPUT_FAILED;
        }
        return report(result, loaded, out, err);
    }

    private int report(Evaluation.Result result, Setup.Loaded loaded, PrintWriter out, PrintWriter err) {
        EvaluationReport.print(result, out);
        List<EvaluationErrors.UnitError> unitErrors = errors ? EvaluationErrors.of(result) : List.of();
        if (errors) {
            EvaluationErrors.print(unitErrors, out);
        }
        try (OutputSet set = OutputSet.update(this.out)) {
            // eval.json, eval.csv and errors.csv change together: the folder is replaced as a whole, as by a run
            List<Path> written = EvaluationReport.write(result, loaded.manifest(), set.folder());
            Path errorsFile = errors ? EvaluationErrors.write(unitErrors, set.folder()) : null;
            set.commit();
            set.repairs().forEach(repair -> err.println("warning: " + repair));
            out.println("threadcoder: evaluation written to " + this.out.resolve(written.get(0).getFileName()) + " and "
                    + this.out.resolve(written.get(1).getFileName()));
            if (errorsFile != null) {
                out.println("threadcoder: errors written to " + this.out.resolve(errorsFile.getFileName()));
            }
        } catch (InputException unusable) {
            err.println(unusable.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException cannotWrite) {
            err.println(this.out + ": cannot write the evaluation files: " + cannotWrite.getMessage());
            return Main.INPUT_FAILED;
        }
        return Main.OK;
    }

    /**
     * Two coders compared. CSV and JSON files are read as they stand; a QDPX project is read onto the other side's
     * units when that side is a CSV or JSON file, else (two projects) onto the pipeline's sentences of the inputs.
     */
    private int compareCoders(Setup.Loaded loaded, PrintWriter out, PrintWriter err) throws InputException {
        boolean firstProject = QdpxProject.recognises(gold);
        boolean secondProject = QdpxProject.recognises(against);
        GoldStandard first = firstProject ? null : GoldStandard.read(gold, loaded.codebook().ids());
        GoldStandard second = secondProject ? null : GoldStandard.read(against, loaded.codebook().ids());
        if (firstProject || secondProject) {
            List<Pipeline.Input> candidates = GoldRun.expand(inputs.isEmpty() ? List.of(Path.of("seeds")) : inputs, err);
            if (candidates == null) {
                return Main.INPUT_FAILED;
            }
            Pipeline pipeline = pipelineOptions.pipeline(loaded);
            if (firstProject) {
                first = projectGold(gold, second, candidates, pipeline, err);
            }
            if (secondProject) {
                second = projectGold(against, first, candidates, pipeline, err);
            }
        }
        CoderAgreement.Result result = CoderAgreement.compare(first, second, loaded.codebook().ids());
        CoderAgreement.print(result, out);
        try {
            out.println("threadcoder: agreement written to " + CoderAgreement.write(result, this.out));
        } catch (IOException cannotWrite) {
            err.println(this.out + ": cannot write " + CoderAgreement.CSV_FILE + ": " + cannotWrite.getMessage());
            return Main.INPUT_FAILED;
        }
        return Main.OK;
    }

    /** A project read onto the other coder's units (by source), or onto the pipeline's sentences when the other is a project too. */
    private static GoldStandard projectGold(Path project, GoldStandard other, List<Pipeline.Input> inputs, Pipeline pipeline,
                                            PrintWriter err) throws InputException {
        Map<String, List<Span>> units = new LinkedHashMap<>();
        if (other != null) {
            other.sentences().forEach(unit -> units.computeIfAbsent(unit.source(), unused -> new ArrayList<>()).add(unit.span()));
        }
        QdpxGold.Reading reading = QdpxGold.read(QdpxProject.read(project), inputs, pipeline, units);
        reading.notes().forEach(note -> err.println("warning: " + project + ": " + note));
        return reading.gold();
    }
}
