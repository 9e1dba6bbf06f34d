package org.threadcoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadcoder.InputException;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.NearRule;
import org.threadcoder.output.RunManifest;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.sentences.WordTokenizer;
import org.threadcoder.tagging.CodebookCheck;
import org.threadcoder.tagging.CodebookLoader;
import org.threadcoder.tagging.LiwcCheck;
import org.threadcoder.tagging.LiwcDictionary;
import org.threadcoder.tagging.MentionCounts;
import org.threadcoder.tagging.Tagger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadcoder codebook check|stats}: keep a hand-edited codebook honest. */
@Command(name = "codebook", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Check a codebook, see how often each term and rule matched, export it, or see what a gold says it lacks.",
        subcommands = {CodebookCommand.Check.class, CodebookCommand.Stats.class, CodebookExport.class, CodebookSuggest.class})
final class CodebookCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    /** {@code codebook check [FILE] [--corpus INPUT...]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a codebook: unknown parents, duplicate ids or terms, terms that can never match; "
                    + "with --corpus, terms and rules that match nothing there. Exit 1 on any error.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Codebook (YAML or LIWC .dic). Default: models/codebook.yaml")
        Path file = Setup.DEFAULT_CODEBOOK;

        @Option(names = "--corpus", paramLabel = "INPUT", arity = "1..*", description = "Pages to run the codebook on, to find terms that match nothing")
        List<Path> corpus;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException missing) {
                err.println(file + ": no such file");
                return Main.INPUT_FAILED;
            }
            Map<String, Map<String, Integer>> mentions = null;
            if (corpus != null) {
                try {
                    mentions = corpusCounts(CodebookLoader.read(file.toString(), bytes));
                } catch (InputException invalid) {
                    mentions = null; // the check below reports why the codebook cannot be used
                }
            }
            WordTokenizer tokenizer = new WordTokenizer(LanguageModels.english().newTokenizer());
            List<CodebookCheck.Finding> findings = LiwcDictionary.recognises(file.toString(), bytes)
                    ? LiwcCheck.check(file.toString(), bytes, Tagger.termKeys(tokenizer), mentions)
                    : CodebookCheck.check(file.toString(), bytes, Tagger.termKeys(tokenizer), mentions);
            long errors = findings.stream().filter(finding -> finding.severity() == CodebookCheck.Severity.ERROR).count();
            for (CodebookCheck.Finding finding : findings) {
                (finding.severity() == CodebookCheck.Severity.ERROR ? err : out).printf("%s:%d: %s: %s%n", file, finding.line(),
                        finding.severity().name().toLowerCase(Locale.ROOT), finding.message());
            }
            out.printf("%s: %d errors, %d warnings%n", file, errors, findings.size() - errors);
            return errors == 0 ? Main.OK : Main.INPUT_FAILED;
        }

        private Map<String, Map<String, Integer>> corpusCounts(Codebook codebook) throws IOException, InputException {
            Inputs.Expansion expansion = Inputs.expand(corpus);
            Path scratch = Files.createTempDirectory("threadcoder-check");
            try {
                Setup.Loaded defaults = Setup.load(null, null);
                RunManifest manifest = defaults.manifest();
                new Pipeline(codebook, defaults.contextRules()).run(expansion.inputs(), expansion.failures(), scratch, manifest);
                return MentionCounts.read(scratch.resolve("mentions.csv"));
            } finally {
                try (var files = Files.walk(scratch)) {
                    for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    /** {@code codebook stats [--out DIR] [--codebook FILE]}. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {"Mentions per term and rule on the last run (OUT/mentions.csv): dead and over-greedy terms stand out.",
                "The codebook is the run's own, found by the name and SHA-256 its manifest (OUT/concept-map.json) gives; "
                    + "when it cannot be found, or --codebook names another, the first line says which codebook is used and why."})
    static final class Stats implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "DIR", description = "Output folder of the run. Default: ${DEFAULT-VALUE}")
        Path out = Path.of("out");

        @Option(names = "--codebook", paramLabel = "FILE", description = "Codebook (YAML or LIWC .dic). Default: the run's, "
                + "from its manifest")
        Path codebook;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter console = spec.commandLine().getOut();
            try {
                RunRules.Choice choice = RunRules.resolve(out, codebook, null);
                for (String note : choice.notes()) {
                    (choice.theRuns() ? console : spec.commandLine().getErr()).println((choice.theRuns() ? "" : "warning: ") + note);
                }
                Codebook loaded = choice.loaded().codebook();
                Map<String, Map<String, Integer>> counts = MentionCounts.read(out.resolve("mentions.csv"));
                int total = counts.values().stream().flatMap(terms -> terms.values().stream()).mapToInt(Integer::intValue).sum();
                console.printf(Locale.ROOT, "%-24s %-48s %8s %7s%n", "concept", "term or rule", "mentions", "share");
                List<String> dead = new ArrayList<>();
                for (Concept concept : loaded.concepts()) {
                    Map<String, Integer> terms = counts.getOrDefault(concept.id(), Map.of());
                    List<String> rows = new ArrayList<>(concept.terms());
                    concept.near().stream().map(NearRule::describe).forEach(rows::add);
                    for (String term : rows) {
                        int mentions = terms.getOrDefault(term, 0);
                        double share = total == 0 ? 0 : mentions / (double) total;
                        console.printf(Locale.ROOT, "%-24s %-48s %8d %6.1f%%%s%n", concept.id(), term, mentions, share * 100,
                                mentions == 0 ? "  dead" : share >= 0.10 ? "  greedy?" : "");
                        if (mentions == 0) {
                            dead.add(concept.id() + ": " + term);
                        }
                    }
                }
                console.printf("%d mentions; %d terms and rules matched nothing on this run%n", total, dead.size());
                return Main.OK;
            } catch (InputException bad) {
                spec.commandLine().getErr().println(bad.getMessage());
                return Main.INPUT_FAILED;
            }
        }
    }
}
