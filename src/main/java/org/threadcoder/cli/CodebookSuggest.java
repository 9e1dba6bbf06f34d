package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.eval.CodebookSuggestions;
import org.threadcoder.eval.Evaluation;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.sentences.WordTokenizer;
import org.threadcoder.tagging.Tagger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codebook suggest --gold FILE [INPUT...]}: phrases the gold says the codebook lacks, and terms that tag wrongly. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"For each concept, the phrases (word-key n-grams, n = 1..3) that best separate the gold units coded with it "
                + "from the others and that no codebook term covers, with their counts and a score (log-odds ratio with an "
                + "informative Dirichlet prior, z-scored); then the codebook terms behind the most false positives, from running "
                + "the pipeline on the inputs against the gold.",
            "Printed for review; nothing is written into the codebook."})
final class CodebookSuggest implements Callable<Integer> {
    @Option(names = "--gold", paramLabel = "FILE", required = true, description = "Gold standard (JSON, CSV or QDPX), as for eval.")
    Path gold;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files or folders holding the sources the gold names. Default: each source beside the gold file, else in seeds/")
    List<Path> inputs = List.of();

    @Option(names = "--top", paramLabel = "N", description = "Phrases per concept and terms shown. Default: ${DEFAULT-VALUE}")
    int top = 10;

    @Option(names = "--min-units", paramLabel = "N", description = "The fewest coded units a phrase must stand in. Default: ${DEFAULT-VALUE}")
    int minUnits = 2;

    @CommandLine.Mixin
    PipelineOptions pipelineOptions = new PipelineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1 || minUnits < 1) {
            err.println("threadcoder: --top and --min-units must be at least 1");
            return Main.USAGE;
        }
        try {
            Setup.Loaded loaded = pipelineOptions.load();
            Pipeline pipeline = pipelineOptions.pipeline(loaded);
            Evaluation.Result result = GoldRun.evaluate(gold, inputs, pipeline, out, err);
            if (result == null) {
                return Main.INPUT_FAILED;
            }
            WordTokenizer tokenizer = new WordTokenizer(LanguageModels.english().newTokenizer());
            CodebookSuggestions.Suggestions suggestions = CodebookSuggestions.of(result, loaded.codebook(), tokenizer,
                    Tagger.termKeys(tokenizer), top, minUnits);
            out.printf("codebook %s against gold %s (%d units)%n", loaded.manifest().codebookFile(), gold, result.units().size());
            CodebookSuggestions.print(suggestions, top, out);
            return Main.OK;
        } catch (InputException bad) {
            err.println(bad.getMessage());
            return Main.INPUT_FAILED;
        } catch (IOException unreadable) {
            err.println("threadcoder: cannot read the codebook: " + unreadable.getMessage());
            return Main.INPUT_FAILED;
        }
    }
}
