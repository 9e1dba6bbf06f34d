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
            description = "How words are keyed: WORD (by inflection: trials is trial, went is go; fast, default) "
                    + "or CONTEXT (also the lemmatizer's lemma, POS-tagging sentences holding a codebook word; slow).")
    Tagger.LemmaMode lemmas = Tagger.LemmaMode.WORD;

    @Option(names = "--typos", description = "Also match a word one letter away from a codebook word of 6+ letters (marked fuzzy). "
            + "Off by default: on real pages it mostly took real words for typos.")
    boolean typos;

    /** Loads the codebook and context rules the options name, while the models every run needs load on other threads. */
    Setup.Loaded load() throws InputException, IOException {
        LanguageModels.english().prefetch();
        Setup.Loaded loaded = Setup.load(codebook, contextRules);
        // the POS tagger is needed where a context rule ends its scope at a verb, or to key words by context
        if (lemmas == Tagger.LemmaMode.CONTEXT || loaded.contextRules().rules().stream().anyMatch(rule -> rule.verbsEndScope())) {
            LanguageModels.english().prefetchTagging(lemmas == Tagger.LemmaMode.CONTEXT);
        }
        return loaded;
    }

    /** A pipeline for what {@link #load()} gave. */
    Pipeline pipeline(Setup.Loaded loaded) {
        return new Pipeline(loaded.codebook(), loaded.contextRules(), LanguageModels.english(), new Tagger.Options(lemmas, typos));
    }
}
