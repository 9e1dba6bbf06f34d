package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.lemmatizer.Lemmatizer;
import opennlp.tools.postag.POSTagger;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;
import org.threadcoder.sentences.WordTokenizer;

/**
 * Tags a sentence with codebook concepts: tokens of its normalized view are keyed by word family
 * (of the surface form and of the lemma) and run through the compiled {@link TermMatcher}.
 *
 * <p>The POS tagger and lemmatizer are the slow models, so they run only on sentences holding at
 * least one word a term uses, and lemmas are cached by (word, tag). Not thread-safe: one per worker.
 */
public final class Tagger {
    private static final int LEMMA_CACHE_LIMIT = 200_000;

    private final TermMatcher matcher;
    private final WordTokenizer tokenizer;
    private final POSTagger posTagger;
    private final Lemmatizer lemmatizer;
    private final WordFamily family = new WordFamily();
    private final Map<String, String> lemmaCache = new HashMap<>();

    public Tagger(TermMatcher matcher, WordTokenizer tokenizer, POSTagger posTagger, Lemmatizer lemmatizer) {
        if (matcher == null || tokenizer == null || posTagger == null || lemmatizer == null) {
            throw new IllegalArgumentException("tagger needs a matcher, tokenizer, POS tagger and lemmatizer");
        }
        this.matcher = matcher;
        this.tokenizer = tokenizer;
        this.posTagger = posTagger;
        this.lemmatizer = lemmatizer;
    }

    /** Compiles a codebook with the same tokenizing and keying that sentences get. */
    public static TermMatcher compile(Codebook codebook, WordTokenizer tokenizer) {
        WordFamily family = new WordFamily();
        return TermMatcher.compile(codebook, term -> {
            String normalized = NormalizedText.normalize(term);
            List<String> keys = new ArrayList<>();
            for (int[] token : tokenizer.tokenize(normalized)) {
                keys.add(family.key(normalized.substring(token[0], token[1])));
            }
            return keys;
        });
    }

    /** The concept mentions in a sentence, in text order, with ids {@code <sentence id>.m<n>}. */
    public List<Mention> tag(Sentence sentence) {
        NormalizedText view = NormalizedText.of(sentence);
        String text = view.text();
        List<int[]> tokens = tokenizer.tokenize(text);
        List<String> words = new ArrayList<>(tokens.size());
        List<String[]> keys = new ArrayList<>(tokens.size());
        boolean candidate = false;
        for (int[] token : tokens) {
            String word = text.substring(token[0], token[1]);
            String key = family.key(word);
            words.add(word);
            keys.add(new String[] {key});
            candidate |= matcher.knows(key);
        }
        if (!candidate) {
            return List.of();
        }
        addLemmaKeys(words, keys);

        List<Mention> mentions = new ArrayList<>();
        for (TermMatcher.Match match : matcher.match(keys, words)) {
            Span span = view.sourceSpan(tokens.get(match.first())[0], tokens.get(match.end() - 1)[1]);
            String matched = slice(sentence, span);
            mentions.add(new Mention(sentence.id() + ".m" + (mentions.size() + 1), sentence.id(), sentence.threadId(),
                    match.term().conceptId(), span, matched, match.term().text()));
        }
        return mentions;
    }

    private void addLemmaKeys(List<String> words, List<String[]> keys) {
        String[] tokens = words.toArray(String[]::new);
        String[] tags = posTagger.tag(tokens);
        for (int i = 0; i < tokens.length; i++) {
            String cacheKey = tokens[i] + '\u0000' + tags[i];
            String lemma = lemmaCache.get(cacheKey);
            if (lemma == null) {
                lemma = lemmatizer.lemmatize(new String[] {tokens[i]}, new String[] {tags[i]})[0].toLowerCase(Locale.ROOT);
                if (lemmaCache.size() < LEMMA_CACHE_LIMIT) {
                    lemmaCache.put(cacheKey, lemma);
                }
            }
            String lemmaKey = family.key(lemma);
            if (!lemmaKey.equals(keys.get(i)[0])) {
                keys.set(i, new String[] {keys.get(i)[0], lemmaKey});
            }
        }
    }

    private static String slice(Sentence sentence, Span span) {
        String text = sentence.text();
        int from = text.offsetByCodePoints(0, span.start() - sentence.span().start());
        int to = text.offsetByCodePoints(from, span.length());
        return text.substring(from, to);
    }
}
