package org.threadcoder.sentences;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * OpenNLP's published English models (Universal Dependencies EWT, models 1.3), loaded once from the
 * classpath, never downloaded. Models are thread-safe; the ME objects made from them are not, so
 * each worker asks for its own.
 */
public final class LanguageModels {
    /** Model artifacts as they stand in the {@code opennlp-models-*-en} jars. */
    public static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    public static final String TOKENIZER_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    public static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    public static final String LEMMATIZER_MODEL = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    private static volatile LanguageModels english;

    private final SentenceModel sentenceModel;
    private final TokenizerModel tokenizerModel;
    private final POSModel posModel;
    private final LemmatizerModel lemmatizerModel;

    private LanguageModels() {
        try {
            sentenceModel = new SentenceModel(open(SENTENCE_MODEL));
            tokenizerModel = new TokenizerModel(open(TOKENIZER_MODEL));
            posModel = new POSModel(open(POS_MODEL));
            lemmatizerModel = new LemmatizerModel(open(LEMMATIZER_MODEL));
        } catch (IOException broken) {
            throw new UncheckedIOException("cannot load the OpenNLP English models from the classpath", broken);
        }
    }

    /** The English models, loaded on first use and shared. */
    public static LanguageModels english() {
        LanguageModels loaded = english;
        if (loaded == null) {
            synchronized (LanguageModels.class) {
                loaded = english;
                if (loaded == null) {
                    loaded = new LanguageModels();
                    english = loaded;
                }
            }
        }
        return loaded;
    }

    private static InputStream open(String name) throws IOException {
        InputStream stream = LanguageModels.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IOException("model " + name + " is not on the classpath (opennlp-models-*-en 1.3.0 jars)");
        }
        return stream;
    }

    public SentenceDetectorME newSentenceDetector() {
        return new SentenceDetectorME(sentenceModel);
    }

    public TokenizerME newTokenizer() {
        return new TokenizerME(tokenizerModel);
    }

    public POSTaggerME newPosTagger() {
        return new POSTaggerME(posModel);
    }

    public LemmatizerME newLemmatizer() {
        return new LemmatizerME(lemmatizerModel);
    }

    /** The model file names, for the run manifest. */
    public static java.util.List<String> names() {
        return java.util.List.of(SENTENCE_MODEL, TOKENIZER_MODEL, POS_MODEL, LEMMATIZER_MODEL);
    }
}
