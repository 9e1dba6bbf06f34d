package org.threadcoder.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.tagging.Tagger;
import picocli.CommandLine.Option;

/** The options every command that runs the pipeline shares (a picocli mixin): codebook, context rules, lemma mode. */
final class PipelineOptions {

    @Option(names = "--codebook", paramLabel = "FILE", description = "Codebook (YAML, or a LIWC dictionary .dic). Default: models/codebook.yaml")
    Path codebook;

    @Option(names = "--context", paramLabel = "FILE", description = "Context rules (YAML). Default: models/context.yaml")
    Path contextRules;

    @Option(names = "--lemmas", paramLabel = "MODE",
            description = "How lemmas are found: WORD (each word as noun, verb and adjective; fast, default) "
                    + "or CONTEXT (POS-tag sentences holding a codebook word; slow).")
    Tagger.LemmaMode lemmas = Tagger.LemmaMode.WORD;

    /** Loads the codebook and context rules the options name. */
    Setup.Loaded load() throws InputException, IOException {
        return Setup.load(codebook, contextRules);
    }

    /** A pipeline for what {@link #load()} gave. */
    Pipeline pipeline(Setup.Loaded loaded) {
        return new Pipeline(loaded.codebook(), loaded.contextRules(), LanguageModels.english(), lemmas);
    }
}
