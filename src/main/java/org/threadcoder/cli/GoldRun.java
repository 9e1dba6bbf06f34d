package org.threadcoder.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.threadcoder.InputException;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.eval.Evaluation;
import org.threadcoder.eval.GoldStandard;
import org.threadcoder.qdpx.QdpxGold;
import org.threadcoder.qdpx.QdpxProject;

/** The pipeline run against a gold file (JSON, CSV or QDPX), shared by {@code eval} and {@code codebook suggest}. */
final class GoldRun {
    private static final Path SEEDS = Path.of("seeds");

    private GoldRun() {
    }

    /**
     * Reads the gold, runs the pipeline on its sources and compares.
     *
     * @param inputs the files or folders given; empty: the gold's sources beside it or in seeds/ (a QDPX: seeds/)
     * @return the result, or null when some input could not be listed (each printed on {@code err}, one line)
     */
    static Evaluation.Result evaluate(Path gold, List<Path> inputs, Pipeline pipeline, PrintWriter out, PrintWriter err)
            throws InputException {
        if (QdpxProject.recognises(gold)) {
            List<Pipeline.Input> candidates = expand(inputs.isEmpty() ? List.of(SEEDS) : inputs, err);
            if (candidates == null) {
                return null;
            }
            QdpxGold.Reading reading = QdpxGold.read(QdpxProject.read(gold), candidates, pipeline);
            reading.notes().forEach(note -> err.println("warning: " + gold + ": " + note));
            out.printf("gold %s: %d coded selections on %d sources (matched by the SHA-256 of their text) mapped onto the pipeline's "
                    + "%d sentences there; the sentence boundaries are the pipeline's, so the sentence line below is no measure%n",
                    gold, reading.selections(), reading.inputs().size(), reading.gold().sentences().size());
            return new Evaluation(pipeline).evaluate(reading.gold(), reading.inputs());
        }
        GoldStandard goldStandard = GoldStandard.read(gold, pipeline.codebook().ids());
        List<Pipeline.Input> sources = inputs.isEmpty() ? Evaluation.defaultInputs(goldStandard, gold, SEEDS) : expand(inputs, err);
        return sources == null ? null : new Evaluation(pipeline).evaluate(goldStandard, sources);
    }

    /** The inputs under the files and folders given, or null after printing each one that cannot be listed. */
    static List<Pipeline.Input> expand(List<Path> paths, PrintWriter err) {
        Inputs.Expansion expansion = Inputs.expand(paths);
        if (!expansion.failures().isEmpty()) {
            expansion.failures().forEach(failure -> err.println(failure.file() + ": " + failure.reason()));
            return null;
        }
        return expansion.inputs();
    }
}
