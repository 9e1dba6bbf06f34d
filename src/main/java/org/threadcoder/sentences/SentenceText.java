package org.threadcoder.sentences;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** What a sentence's text becomes: pieces of a bounded length, and the clean text that tagging reads. */
final class SentenceText {
    private SentenceText() {
    }

    /**
     * A sentence range as pieces of at most {@value SentenceSplitter#MAX_SENTENCE} chars: each cut at the last white
     * space in the final tenth before the bound, else at the bound (never inside a surrogate pair).
     */
    static List<int[]> bounded(String text, int[] range) {
        if (range[1] - range[0] <= SentenceSplitter.MAX_SENTENCE) {
            return List.of(range);
        }
        List<int[]> pieces = new ArrayList<>();
        int start = range[0];
        while (range[1] - start > SentenceSplitter.MAX_SENTENCE) {
            int end = start + SentenceSplitter.MAX_SENTENCE;
            int space = end;
            while (space > end - SentenceSplitter.MAX_SENTENCE / 10 && !Character.isWhitespace(text.charAt(space - 1))) {
                space--;
            }
            if (space > end - SentenceSplitter.MAX_SENTENCE / 10) {
                end = space;
            } else if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            addTrimmed(text, start, end, pieces);
            start = end;
        }
        addTrimmed(text, start, range[1], pieces);
        return pieces;
    }

    /** Adds {@code [from, to)} without its leading and trailing white space, when anything is left. */
    static void addTrimmed(String text, int from, int to, List<int[]> pieces) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from < to) {
            pieces.add(new int[] {from, to});
        }
    }

    /** Text for analysis: NFKC, white space folded; markers and noise are already masked out. */
    static String clean(String maskedText) {
        String normalized = isAscii(maskedText) ? maskedText : Normalizer.normalize(maskedText, Normalizer.Form.NFKC);
        // each run of \s (space, tab, line feed, vertical tab, form feed, carriage return) as one space
        StringBuilder folded = null;
        int length = normalized.length();
        for (int i = 0; i < length; i++) {
            if (!BoundaryRules.isRegexSpace(normalized.charAt(i))) {
                if (folded != null) {
                    folded.append(normalized.charAt(i));
                }
                continue;
            }
            int runEnd = i + 1;
            while (runEnd < length && BoundaryRules.isRegexSpace(normalized.charAt(runEnd))) {
                runEnd++;
            }
            if (folded == null && (runEnd > i + 1 || normalized.charAt(i) != ' ')) {
                folded = new StringBuilder(length).append(normalized, 0, i);
            }
            if (folded != null) {
                folded.append(' ');
            }
            i = runEnd - 1;
        }
        return (folded == null ? normalized : folded.toString()).strip();
    }

    /** ASCII is its own NFKC form. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sentence ranges of a segment (offsets from {@code offset} in {@code work}) with each range that
     * holds no word (an emoji or marks after a sentence's end: "It broke my heart. 💔") joined to the
     * sentence before it on its line, so it is in a sentence rather than dropped.
     */
    static List<int[]> withTrailingSymbols(String work, int offset, List<int[]> sentences) {
        List<int[]> joined = new java.util.ArrayList<>(sentences.size());
        for (int[] sentence : sentences) {
            int[] previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null && !hasWordCharacter(work, offset + sentence[0], offset + sentence[1])
                    && !hasLineBreak(work, offset + previous[1], offset + sentence[0])) {
                previous[1] = sentence[1];
            } else {
                joined.add(new int[] {sentence[0], sentence[1]});
            }
        }
        return joined;
    }

    static boolean hasWordCharacter(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLineBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The offsets of a text's line-end chars (CR or LF). */
    static BitSet lineBreaks(String text) {
        BitSet breaks = new BitSet();
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            breaks.set(i);
        }
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            breaks.set(i);
        }
        return breaks;
    }
}
