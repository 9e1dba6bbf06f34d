package org.threadcoder.sentences;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.Tokenizer;

/**
 * Word tokens for term matching. White-space chunks made only of letters and digits are tokens as
 * they stand (what OpenNLP's alphanumeric optimisation does, without its cost); other chunks go
 * through the OpenNLP tokenizer. Tokens are then cut at inner hyphens, slashes and ampersands
 * ("evidence-based", "understanding/agreement") and before clitics ("CBT's", "don't"), and pure
 * punctuation is dropped. Not thread-safe when the wrapped tokenizer is not.
 */
public final class WordTokenizer {
    private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};
    /**
     * Longer chunks are cut by rule, not by the model: OpenNLP's tokenizer builds features around
     * every position of a chunk, which costs the square of its length on a run of symbols.
     */
    private static final int MODEL_CHUNK_LIMIT = 100;
    /** Chunks whose model pieces are remembered: the model cuts a chunk the same way wherever it stands. */
    private static final int CACHE_LIMIT = 100_000;

    private final Tokenizer tokenizer;
    /** The model's pieces of each chunk seen (its tokens depend on the chunk alone, which holds no white space). */
    private final java.util.Map<String, opennlp.tools.util.Span[]> pieces = new java.util.HashMap<>();

    public WordTokenizer(Tokenizer tokenizer) {
        if (tokenizer == null) {
            throw new IllegalArgumentException("tokenizer must not be null");
        }
        this.tokenizer = tokenizer;
    }

    /** Char ranges {@code [start, end)} of the word tokens of {@code text}. */
    public List<int[]> tokenize(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int chunkStart = i;
            boolean alphanumeric = true;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                alphanumeric &= Character.isLetterOrDigit(text.charAt(i));
                i++;
            }
            if (chunkStart == i) {
                break;
            }
            int coreStart = chunkStart;
            int coreEnd = i;
            while (coreStart < coreEnd && isEdgePunctuation(text.charAt(coreStart))) {
                coreStart++;
            }
            while (coreEnd > coreStart && isEdgePunctuation(text.charAt(coreEnd - 1))) {
                coreEnd--;
            }
            if (alphanumeric || i - chunkStart > MODEL_CHUNK_LIMIT || isSimpleWord(text, coreStart, coreEnd)) {
                // "word," and "(word)" need no model: the word is the letters between the punctuation
                split(text, coreStart, coreEnd, tokens);
            } else {
                for (opennlp.tools.util.Span piece : modelPieces(text.substring(chunkStart, i))) {
                    split(text, chunkStart + piece.getStart(), chunkStart + piece.getEnd(), tokens);
                }
            }
        }
        return tokens;
    }

    private opennlp.tools.util.Span[] modelPieces(String chunk) {
        opennlp.tools.util.Span[] cached = pieces.get(chunk);
        if (cached == null) {
            cached = tokenizer.tokenizePos(chunk);
            if (pieces.size() < CACHE_LIMIT) {
                pieces.put(chunk, cached);
            }
        }
        return cached;
    }

    private static boolean isEdgePunctuation(char c) {
        return ",.;:!?()[]{}\"'“”‘’…*_".indexOf(c) >= 0;
    }

    /** Letters and digits joined only by hyphens, slashes, ampersands or apostrophes: cut by rule, no model needed. */
    private static boolean isSimpleWord(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && "-/&'’–—".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Cuts a model token into word parts at inner punctuation and before a clitic. */
    private static void split(String text, int start, int end, List<int[]> tokens) {
        int i = start;
        while (i < end) {
            while (i < end && !isWordChar(text.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < end && (isWordChar(text.charAt(i)) || isInnerApostrophe(text, i, end))) {
                i++;
            }
            if (wordStart < i) {
                addWithClitic(text, wordStart, i, tokens);
            }
        }
    }

    private static void addWithClitic(String text, int start, int end, List<int[]> tokens) {
        // every clitic puts an apostrophe two or three chars before the word's end (n't, 's, 're): most words have none there
        boolean apostrophe = end - start > 2 && (text.charAt(end - 2) == '\'' || text.charAt(end - 3) == '\'');
        for (int c = 0; apostrophe && c < CLITICS.length; c++) {
            String clitic = CLITICS[c];
            if (end - start > clitic.length() && endsWithLowerCase(text, end, clitic)) {
                int cut = end - clitic.length();
                tokens.add(new int[] {start, cut});
                tokens.add(new int[] {cut, end});
                return;
            }
        }
        tokens.add(new int[] {start, end});
    }

    /**
     * Whether {@code text} before {@code end} reads {@code suffix} (ASCII, lower case) once in lower case: as
     * {@code toLowerCase(Locale.ROOT).endsWith}, without the copies (lowered, a clitic's chars come only from themselves and A-Z).
     */
    private static boolean endsWithLowerCase(String text, int end, String suffix) {
        int from = end - suffix.length();
        for (int k = 0; k < suffix.length(); k++) {
            char c = text.charAt(from + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != suffix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isInnerApostrophe(String text, int i, int end) {
        char c = text.charAt(i);
        return (c == '\'' || c == '\u2019') && i + 1 < end && Character.isLetter(text.charAt(i + 1)) && i > 0 && Character.isLetter(text.charAt(i - 1));
    }
}
