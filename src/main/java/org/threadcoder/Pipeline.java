package org.threadcoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.Thread;
import org.threadcoder.output.DatasetWriter;
import org.threadcoder.output.RunManifest;
import org.threadcoder.parse.PageReader;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.sentences.SentenceSplitter;
import org.threadcoder.sentences.WordTokenizer;
import org.threadcoder.tagging.ContextRules;
import org.threadcoder.tagging.Tagger;
import org.threadcoder.tagging.TermMatcher;

/**
 * The stages chained: parse a page, split each thread into sentences, tag each sentence. One
 * instance holds one set of OpenNLP ME objects: use one per worker thread; the models underneath
 * are loaded once and shared.
 */
public final class Pipeline {
    private final PageReader reader = new PageReader();
    private final SentenceSplitter splitter;
    private final Tagger tagger;
    private final Codebook codebook;

    public Pipeline(Codebook codebook, ContextRules contextRules) {
        this(codebook, contextRules, LanguageModels.english(), Tagger.LemmaMode.WORD);
    }

    public Pipeline(Codebook codebook, ContextRules contextRules, LanguageModels models, Tagger.LemmaMode lemmaMode) {
        this.codebook = codebook;
        this.splitter = new SentenceSplitter(models.newSentenceDetector());
        WordTokenizer tokenizer = new WordTokenizer(models.newTokenizer());
        TermMatcher matcher = Tagger.compile(codebook, tokenizer);
        this.tagger = new Tagger(matcher, contextRules, tokenizer, models.newPosTagger(), models.newLemmatizer(), lemmaMode);
    }

    /** An input file and the name the outputs give it. */
    public record Input(Path path, String source) {
    }

    /** An input that could not be processed, and why. */
    public record Failure(String file, String reason) {
    }

    /** What a run did. */
    public record Summary(int pages, int threads, int sentences, int mentions, List<Failure> failures, List<String> warnings) {
    }

    public Codebook codebook() {
        return codebook;
    }

    public Page parse(Input input) throws InputException {
        return reader.parse(input.path(), input.source());
    }

    public SentenceSplitter splitter() {
        return splitter;
    }

    public Tagger tagger() {
        return tagger;
    }

    /** Splits and tags every thread of a page. */
    public List<TaggedThread> process(Page page) {
        List<TaggedThread> tagged = new ArrayList<>();
        for (Thread thread : page.threads()) {
            List<Sentence> sentences = splitter.split(page.text(), thread);
            List<Mention> mentions = new ArrayList<>();
            for (Sentence sentence : sentences) {
                mentions.addAll(tagger.tag(sentence));
            }
            tagged.add(new TaggedThread(thread, sentences, mentions));
        }
        return tagged;
    }

    /**
     * Processes inputs one page at a time into {@code outFolder}. A bad input is recorded as a failure
     * and the others go on; the output files appear whole at the end, or not at all.
     */
    public Summary run(List<Input> inputs, List<Failure> earlierFailures, Path outFolder, RunManifest manifest) throws IOException {
        return run(inputs, earlierFailures, outFolder, manifest, false);
    }

    /**
     * As {@link #run(List, List, Path, RunManifest)}; with {@code rollUp} the concept map and
     * {@code threads.csv} also count each child concept under its ancestors.
     */
    public Summary run(List<Input> inputs, List<Failure> earlierFailures, Path outFolder, RunManifest manifest, boolean rollUp)
            throws IOException {
        List<Failure> failures = new ArrayList<>(earlierFailures);
        List<String> warnings = new ArrayList<>();
        int pages = 0;
        try (DatasetWriter writer = new DatasetWriter(outFolder, codebook, rollUp)) {
            for (Input input : inputs) {
                Page page;
                List<TaggedThread> tagged;
                try {
                    page = parse(input);
                    tagged = process(page);
                } catch (InputException bad) {
                    failures.add(new Failure(bad.file(), bad.reason()));
                    continue;
                }
                pages++;
                page.warnings().forEach(warning -> warnings.add(page.source() + ": " + warning));
                writer.addSource(page);
                for (TaggedThread thread : tagged) {
                    writer.write(thread, page.extracted());
                }
            }
            if (pages == 0) {
                // nothing to show: keep whatever an earlier run left in the folder rather than replace it with empty files
                return new Summary(0, 0, 0, 0, failures, warnings);
            }
            writer.commit(manifest);
            return new Summary(pages, writer.conceptMap().threads().size(), writer.conceptMap().sentenceCount(),
                    writer.conceptMap().mentionCount(), failures, warnings);
        }
    }
}
