package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.lemmatizer.Lemmatizer;
import opennlp.tools.postag.POSTagger;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Context;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;
import org.threadcoder.sentences.WordTokenizer;

/**
 * Tags a sentence with codebook concepts: tokens of its normalized view are keyed by word family
 * (of the surface form and of its lemmas) and run through the compiled {@link TermMatcher}.
 *
 * <p>Words are keyed in one of two ways. {@link LemmaMode#WORD} (the default) keys each word by its
 * inflectional family ({@link WordFamily}: "trials" is "trial", "went" is "go"; "effective" is not
 * "effect"), cached: no model runs, so it goes at the speed of a hash lookup. {@link LemmaMode#CONTEXT}
 * also POS-tags every sentence that holds a codebook word and adds the lemmatizer's lemma for
 * (word, tag), the textbook way, at the POS tagger's speed. Not thread-safe: one per worker.
 */
public final class Tagger {
    private static final int LEMMA_CACHE_LIMIT = 200_000;
    /** Longer tokens (a run of letters with no space) are no dictionary word: keyed by their surface only, and not cached. */
    private static final int LONGEST_WORD = 40;

    /** How lemmas are found. */
    public enum LemmaMode {
        /** Each word keyed by its inflectional family, cached; no model runs. */
        WORD,
        /** Sentences holding a codebook word are POS-tagged; lemmas from (word, tag), cached. */
        CONTEXT
    }

    /**
     * How words are keyed and whether misspellings count.
     *
     * @param lemmas how words are keyed
     * @param typos  whether a word one letter from a codebook word of 6+ letters matches it (marked fuzzy);
     *               off by default: on real pages it took real words for typos ("ability" for Abilify)
     */
    public record Options(LemmaMode lemmas, boolean typos) implements java.io.Serializable {
        /** Inflectional keys, no typo tolerance. */
        public static final Options DEFAULT = new Options(LemmaMode.WORD, false);

        public Options {
            if (lemmas == null) {
                throw new IllegalArgumentException("tagger options need a lemma mode");
            }
        }
    }

    private final TermMatcher matcher;
    private final TypoIndex typos;
    private final ContextDetector context;
    private final WordTokenizer tokenizer;
    /** The POS tagger and the lemmatizer, made on first need (the models behind them are the slowest to load). */
    private final java.util.function.Supplier<POSTagger> posTaggerSource;
    private final java.util.function.Supplier<Lemmatizer> lemmatizerSource;
    private POSTagger posTagger;
    private Lemmatizer lemmatizer;
    private final LemmaMode mode;
    private final boolean typoTolerant;
    private final WordFamily family = new WordFamily();
    private final Map<String, String[]> keyCache = new HashMap<>();
    private final Map<String, String> typoCache = new HashMap<>();
    /** {@link LemmaMode#WORD}: what each word met gives, looked up by its chars. */
    private final WordCache<Word> wordCache = new WordCache<>(LEMMA_CACHE_LIMIT);

    /**
     * What a word gives in {@link LemmaMode#WORD}, the same wherever it stands: its keys (its family's, and the key
     * of the codebook word it misspells when typos count), whether it matched only as a typo, whether a match
     * can start at it, and what the matcher needs to know of it ({@link TermMatcher.TokenFacts}).
     */
    private record Word(String text, String[] keys, boolean fuzzy, boolean starts, boolean startsTerm, long nearGroups) {
    }

    public Tagger(TermMatcher matcher, ContextRules contextRules, WordTokenizer tokenizer, POSTagger posTagger, Lemmatizer lemmatizer,
                  Options options) {
        this(matcher, contextRules, tokenizer, posTagger == null ? null : () -> posTagger, lemmatizer == null ? null : () -> lemmatizer, options);
    }

    /** As the constructor above, with the POS tagger and the lemmatizer made when a sentence first needs them. */
    public Tagger(TermMatcher matcher, ContextRules contextRules, WordTokenizer tokenizer, java.util.function.Supplier<POSTagger> posTagger,
                  java.util.function.Supplier<Lemmatizer> lemmatizer, Options options) {
        if (matcher == null || contextRules == null || tokenizer == null || posTagger == null || lemmatizer == null || options == null) {
            throw new IllegalArgumentException("tagger needs a matcher, context rules, tokenizer, POS tagger, lemmatizer and options");
        }
        this.matcher = matcher;
        this.typos = new TypoIndex(matcher.surfaceWords());
        this.context = new ContextDetector(contextRules, termKeys(tokenizer));
        this.tokenizer = tokenizer;
        this.posTaggerSource = posTagger;
        this.lemmatizerSource = lemmatizer;
        this.mode = options.lemmas();
        this.typoTolerant = options.typos();
    }

    /** Compiles a codebook with the same tokenizing and keying that sentences get. */
    public static TermMatcher compile(Codebook codebook, WordTokenizer tokenizer) {
        return TermMatcher.compile(codebook, termKeys(tokenizer));
    }

    /** Turns a term into word-family keys the way sentence tokens are keyed. */
    public static java.util.function.Function<String, List<String>> termKeys(WordTokenizer tokenizer) {
        WordFamily family = new WordFamily();
        return term -> {
            String normalized = NormalizedText.normalize(term);
            List<String> keys = new ArrayList<>();
            for (int[] token : tokenizer.tokenize(normalized)) {
                String word = normalized.substring(token[0], token[1]);
                boolean wildcard = token[1] < normalized.length() && normalized.charAt(token[1]) == '*';
                keys.add(wildcard ? word + "*" : family.key(word));
            }
            return keys;
        };
    }

    /** The concept mentions in a sentence, in text order, with ids {@code <sentence id>.m<n>}. */
    public List<Mention> tag(Sentence sentence) {
        NormalizedText view = NormalizedText.of(sentence);
        String text = view.text();
        List<int[]> tokens = tokenizer.tokenize(text);
        List<String> words = new ArrayList<>(tokens.size());
        List<String[]> keys;
        boolean[] fuzzy;
        TermMatcher.TokenFacts facts = null;
        if (mode == LemmaMode.WORD) {
            Word[] known = new Word[tokens.size()];
            boolean starts = false;
            for (int i = 0; i < known.length; i++) {
                known[i] = word(text, tokens.get(i));
                starts |= known[i].starts();
            }
            if (!starts) {
                return List.of(); // no term or proximity rule can start at any word: no match
            }
            keys = new ArrayList<>(known.length);
            fuzzy = new boolean[known.length];
            facts = new TermMatcher.TokenFacts(new boolean[known.length], new long[known.length]);
            for (int i = 0; i < known.length; i++) {
                words.add(known[i].text());
                keys.add(known[i].keys());
                fuzzy[i] = known[i].fuzzy();
                facts.mayStart()[i] = known[i].startsTerm();
                facts.nearGroups()[i] = known[i].nearGroups();
            }
        } else {
            for (int[] token : tokens) {
                words.add(text.substring(token[0], token[1]));
            }
            keys = contextKeys(words);
            if (keys.isEmpty()) {
                return List.of();
            }
            fuzzy = typoTolerant ? addTypoKeys(words, keys) : new boolean[words.size()];
        }
        List<TermMatcher.Match> matches = facts == null ? matcher.match(keys, words) : matcher.match(keys, words, facts);
        if (matches.isEmpty()) {
            return List.of();
        }
        ContextDetector.Marks marks = new ContextDetector.Marks(inQuestion(text, tokens), clauseBreaks(text, tokens),
                Quotations.of(text, tokens));
        List<Context> contexts = context.contexts(words, keys, matches, marks, (from, to) -> tagWindow(words, from, to),
                range -> slice(sentence, view.sourceSpan(tokens.get(range[0])[0], tokens.get(range[1] - 1)[1])));
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            TermMatcher.Match match = matches.get(i);
            Span span = view.sourceSpan(tokens.get(match.first())[0], tokens.get(match.end() - 1)[1]);
            boolean typo = false;
            for (int token = match.first(); token < match.end(); token++) {
                typo |= fuzzy[token];
            }
            mentions.add(new Mention(sentence.id() + ".m" + (mentions.size() + 1), sentence.id(), sentence.threadId(),
                    match.term().conceptId(), span, slice(sentence, span), match.term().text(), contexts.get(i), typo));
        }
        return mentions;
    }

    /** A word of a sentence's view, from the cache or worked out (and cached when it is no longer than a word). */
    private Word word(String text, int[] token) {
        Word cached = wordCache.get(text, token[0], token[1]);
        if (cached != null) {
            return cached;
        }
        String word = text.substring(token[0], token[1]);
        String[] keys = {family.key(word)};
        String typoKey = typoTolerant ? typoKey(word, keys) : "";
        boolean fuzzy = !typoKey.isEmpty();
        if (fuzzy) {
            keys = new String[] {keys[0], typoKey};
        }
        Word made = new Word(word, keys, fuzzy, matcher.canStart(keys, word), matcher.startsTerm(keys, word), matcher.nearGroups(keys, word));
        if (word.length() <= LONGEST_WORD) {
            wordCache.put(word, made);
        }
        return made;
    }

    /** The key of the codebook word a word no term knows misspells ("mutal" for "mutual"), or "" when none or more than one. */
    private String typoKey(String word, String[] keys) {
        if (word.length() < TypoIndex.MIN_LENGTH - 1 || known(keys) || matcher.knowsPrefixOf(word)) {
            return "";
        }
        String typoKey = typoCache.get(word);
        if (typoKey == null) {
            String key = typos.keyFor(word);
            typoKey = key == null ? "" : key;
            if (typoCache.size() < LEMMA_CACHE_LIMIT && word.length() <= LONGEST_WORD) {
                typoCache.put(word, typoKey);
            }
        }
        return typoKey;
    }

    /**
     * Gives a word no term knows the key of the codebook word it misspells ("mutal" for "mutual"),
     * when there is exactly one such word; returns which tokens matched only that way.
     */
    private boolean[] addTypoKeys(List<String> words, List<String[]> keys) {
        boolean[] fuzzy = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String typoKey = typoKey(word, keys.get(i));
            if (!typoKey.isEmpty()) {
                String[] extended = java.util.Arrays.copyOf(keys.get(i), keys.get(i).length + 1);
                extended[extended.length - 1] = typoKey;
                keys.set(i, extended);
                fuzzy[i] = true;
            }
        }
        return fuzzy;
    }

    private boolean known(String[] keys) {
        for (String key : keys) {
            if (matcher.knows(key)) {
                return true;
            }
        }
        return false;
    }

    /** POS tags of tokens {@code [from, to)} ({@link PosWindow}). */
    private String[] tagWindow(List<String> words, int from, int to) {
        return PosWindow.tags(posTagger(), words, from, to);
    }

    /** Per token, whether clause punctuation stands between it and the token before. */
    private static boolean[] clauseBreaks(String text, List<int[]> tokens) {
        boolean[] breaks = new boolean[tokens.size()];
        for (int i = 1; i < tokens.size(); i++) {
            for (int c = tokens.get(i - 1)[1]; c < tokens.get(i)[0]; c++) {
                // a quotation mark is no clause break: 'is not "depression"' denies the quoted word
                if (",;:()—–".indexOf(text.charAt(c)) >= 0 || text.charAt(c) == '-' && c > 0 && text.charAt(c - 1) == ' ') {
                    breaks[i] = true;
                    break;
                }
            }
        }
        return breaks;
    }

    /**
     * Per token, whether the first sentence-final mark after it is a question mark; a question quoted inside
     * the sentence ({@code I'd think "Why was I so weak?"}) asks nothing of the words before its quote.
     */
    private static boolean[] inQuestion(String text, List<int[]> tokens) {
        boolean[] question = new boolean[tokens.size()];
        char next = '.';
        boolean quoted = false;
        int token = tokens.size() - 1;
        for (int i = text.length() - 1; i >= 0 && token >= 0; i--) {
            while (token >= 0 && tokens.get(token)[0] > i) {
                question[token] = next == '?';
                token--;
            }
            char c = text.charAt(i);
            if (c == '?' || c == '.' || c == '!') {
                next = c;
                quoted = c == '?' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\u201D');
            } else if (quoted && next == '?' && (c == '\u201C' || c == '"' && (i == 0 || Character.isWhitespace(text.charAt(i - 1))))) {
                next = '.';
                quoted = false;
            }
        }
        while (token >= 0) {
            question[token] = next == '?';
            token--;
        }
        return question;
    }

    /**
     * Whether a token can have a lemma other than itself: not a number or other token without a
     * letter, not a run of letters longer than any word. Such tokens are many and mostly new (tweet
     * numbers past 999, counts, ids); the lemmatizer's beam search is the costliest step for a new word.
     */
    private static boolean needsLemma(String word) {
        if (word.length() > LONGEST_WORD) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The surface key first, then the keys of the word's lemmas under the given tags, without repeats. */
    private String[] familyKeys(String word, String[] tags) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(family.key(word));
        for (String tag : tags) {
            String lemma = lemmatizer().lemmatize(new String[] {word}, new String[] {tag})[0].toLowerCase(Locale.ROOT);
            // the model answers "O" when it has no lemma for the word
            if (!lemma.isEmpty() && !lemma.equals("o")) {
                keys.add(family.key(lemma));
            }
        }
        return keys.toArray(String[]::new);
    }

    private List<String[]> contextKeys(List<String> words) {
        boolean candidate = false;
        for (String word : words) {
            candidate |= matcher.knows(family.key(word)) || matcher.knowsPrefixOf(word);
        }
        if (!candidate) {
            return List.of();
        }
        String[] tags = posTagger().tag(words.toArray(String[]::new));
        List<String[]> keys = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (!needsLemma(words.get(i))) {
                keys.add(new String[] {family.key(words.get(i))});
                continue;
            }
            String cacheKey = words.get(i) + '\u0000' + tags[i];
            String[] cached = keyCache.get(cacheKey);
            if (cached == null) {
                cached = familyKeys(words.get(i), new String[] {tags[i]});
                if (keyCache.size() < LEMMA_CACHE_LIMIT) {
                    keyCache.put(cacheKey, cached);
                }
            }
            keys.add(cached);
        }
        return keys;
    }

    private POSTagger posTagger() {
        if (posTagger == null) {
            posTagger = posTaggerSource.get();
        }
        return posTagger;
    }

    private Lemmatizer lemmatizer() {
        if (lemmatizer == null) {
            lemmatizer = lemmatizerSource.get();
        }
        return lemmatizer;
    }

    private static String slice(Sentence sentence, Span span) {
        String text = sentence.text();
        int from = text.offsetByCodePoints(0, span.start() - sentence.span().start());
        int to = text.offsetByCodePoints(from, span.length());
        return text.substring(from, to);
    }
}
