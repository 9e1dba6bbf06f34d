package org.threadcoder.sentences;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.DefaultEndOfSentenceScanner;
import opennlp.tools.sentdetect.EndOfSentenceScanner;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * OpenNLP's published English models (Universal Dependencies EWT, models 1.3), read from the
 * classpath, never downloaded, each on first use: a run that never needs the POS tagger or the
 * lemmatizer (the default, word-family keys) never loads them. {@link #prefetch()} starts reading the
 * sentence and tokenizer models, which every run needs, on other threads while the caller goes on.
 * Models are thread-safe; the ME objects made from them are not, so each worker asks for its own.
 */
public final class LanguageModels {
    /** Model artifacts as they stand in the {@code opennlp-models-*-en} jars. */
    public static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    public static final String TOKENIZER_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    public static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    public static final String LEMMATIZER_MODEL = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    private static final LanguageModels ENGLISH = new LanguageModels();

    private final Lazy<SentenceModel> sentenceModel = new Lazy<>(() -> new SentenceModel(open(SENTENCE_MODEL)));
    /** The same model with its sentence ends found by a table ({@link TableSentenceEndScanner}); made once, on first use. */
    private final Lazy<SentenceModel> splittingModel = new Lazy<>(() -> withTableScanner(sentenceModel.get()));
    private final Lazy<TokenizerModel> tokenizerModel = new Lazy<>(() -> new TokenizerModel(open(TOKENIZER_MODEL)));
    private final Lazy<POSModel> posModel = new Lazy<>(() -> new POSModel(open(POS_MODEL)));
    private final Lazy<LemmatizerModel> lemmatizerModel = new Lazy<>(() -> new LemmatizerModel(open(LEMMATIZER_MODEL)));

    private LanguageModels() {
    }

    /** The English models, each loaded on first use and shared. */
    public static LanguageModels english() {
        return ENGLISH;
    }

    /** Starts loading the models every run needs (sentences, tokens), each on a thread of its own; returns at once. */
    public LanguageModels prefetch() {
        sentenceModel.startLoading();
        tokenizerModel.startLoading();
        return this;
    }

    /** Starts loading the POS model (and the lemmatizer's, when asked) on threads of their own, for a run that will need them. */
    public LanguageModels prefetchTagging(boolean lemmatizer) {
        posModel.startLoading();
        if (lemmatizer) {
            lemmatizerModel.startLoading();
        }
        return this;
    }

    /** Reads a model. */
    private interface Loader<T> {
        T load() throws IOException;
    }

    /** A model read once, by the first thread that asks or by {@link #startLoading()}, and shared. */
    private static final class Lazy<T> {
        private final Loader<T> loader;
        private CompletableFuture<T> loading;

        Lazy(Loader<T> loader) {
            this.loader = loader;
        }

        synchronized void startLoading() {
            if (loading == null) {
                loading = CompletableFuture.supplyAsync(this::read, task -> {
                    Thread thread = new Thread(task, "threadcoder-model-loader");
                    thread.setDaemon(true);
                    thread.start();
                });
            }
        }

        T get() {
            CompletableFuture<T> started;
            synchronized (this) {
                if (loading == null) {
                    loading = CompletableFuture.completedFuture(read());
                }
                started = loading;
            }
            try {
                return started.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException unchecked ? unchecked : failed;
            }
        }

        private T read() {
            try {
                return loader.load();
            } catch (IOException broken) {
                throw new UncheckedIOException("cannot load the OpenNLP English models from the classpath", broken);
            }
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream stream = LanguageModels.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IOException("model " + name + " is not on the classpath (opennlp-models-*-en 1.3.0 jars)");
        }
        return stream;
    }

    /** A detector that finds what OpenNLP's does, the same sentences, with its sentence-ending characters found faster. */
    public SentenceDetectorME newSentenceDetector() {
        return new SentenceDetectorME(splittingModel.get());
    }

    /** The detector as OpenNLP ships it: the yardstick {@code threadcoder bench} measures the stages against. */
    public SentenceDetectorME newStockSentenceDetector() {
        return new SentenceDetectorME(sentenceModel.get());
    }

    /**
     * The model with a factory whose scanner is a {@link TableSentenceEndScanner} over the same characters; every other
     * part (the maxent model, abbreviations, context features, token ends) is the model's own. Where the model's
     * scanner is not OpenNLP's default one, whose behaviour the table repeats, the model is kept as it is.
     */
    static SentenceModel withTableScanner(SentenceModel model) {
        SentenceDetectorFactory factory = model.getFactory();
        EndOfSentenceScanner scanner = factory.getEndOfSentenceScanner();
        if (scanner.getClass() != DefaultEndOfSentenceScanner.class || scanner.getEOSCharacters().isEmpty()) {
            return model;
        }
        return new TableScannerModel(model, new TableScannerFactory(factory, new TableSentenceEndScanner(scanner.getEOSCharacters())));
    }

    /**
     * A sentence model whose detectors get the table scanner's factory. Built on the model's own factory (OpenNLP
     * checks a model's factory by re-creating it from its class name, which a factory made here cannot pass), and
     * handing out the other one to the detectors made from it.
     */
    static final class TableScannerModel extends SentenceModel {
        private static final long serialVersionUID = 1L;
        private final transient SentenceDetectorFactory detectorFactory;

        TableScannerModel(SentenceModel model, SentenceDetectorFactory detectorFactory) {
            super(model.getFactory().getLanguageCode(), model.getMaxentModel(), new java.util.HashMap<>(), model.getFactory());
            this.detectorFactory = detectorFactory;
        }

        @Override
        public SentenceDetectorFactory getFactory() {
            // null while the super constructor runs, which checks the model's own factory
            return detectorFactory == null ? super.getFactory() : detectorFactory;
        }
    }

    /** A sentence model's factory, its scanner replaced. */
    static final class TableScannerFactory extends SentenceDetectorFactory {
        private final EndOfSentenceScanner scanner;

        TableScannerFactory(SentenceDetectorFactory original, EndOfSentenceScanner scanner) {
            super(original.getLanguageCode(), original.isUseTokenEnd(), original.getAbbreviationDictionary(), original.getEOSCharacters());
            this.scanner = scanner;
        }

        @Override
        public EndOfSentenceScanner getEndOfSentenceScanner() {
            return scanner;
        }
    }

    public TokenizerME newTokenizer() {
        return new TokenizerME(tokenizerModel.get());
    }

    public POSTaggerME newPosTagger() {
        return new POSTaggerME(posModel.get());
    }

    public LemmatizerME newLemmatizer() {
        return new LemmatizerME(lemmatizerModel.get());
    }

    /** The model file names, for the run manifest. */
    public static java.util.List<String> names() {
        return java.util.List.of(SENTENCE_MODEL, TOKENIZER_MODEL, POS_MODEL, LEMMATIZER_MODEL);
    }
}
