package org.threadcoder.tagging;

import java.util.Arrays;
import java.util.List;

/**
 * Where a sentence quotes: per token, the first token of the quotation it stands in and how many tokens that
 * quotation holds. Read from the normalized text, where curly quotes are already straight: a double quote opens
 * and the next one closes; a single quote opens after a space or bracket before a letter and closes after a
 * letter or end mark before a space or punctuation, so "don't" and "CBT's" are no quotation. A double quote left
 * open runs to the sentence's end (a tweet cut mid-quote).
 *
 * @param start per token, the first token of its quotation, or -1 outside any
 * @param words per token, the number of tokens of its quotation (0 outside any)
 */
record Quotations(int[] start, int[] words) {

    static Quotations of(String text, List<int[]> tokens) {
        int[] start = new int[tokens.size()];
        int[] words = new int[tokens.size()];
        Arrays.fill(start, -1);
        int token = 0;
        int i = 0;
        while (i < text.length() && token < tokens.size()) {
            int close;
            if (text.charAt(i) == '"') {
                close = text.indexOf('"', i + 1);
            } else if (opensSingle(text, i) && (close = closingSingle(text, i + 1)) >= 0) {
                // an unclosed single quote is an elision ("'90s"), not a quotation
            } else {
                i++;
                continue;
            }
            int end = close < 0 ? text.length() : close;
            while (token < tokens.size() && tokens.get(token)[0] <= i) {
                token++;
            }
            int first = token;
            while (token < tokens.size() && tokens.get(token)[1] <= end) {
                token++;
            }
            for (int t = first; t < token; t++) {
                start[t] = first;
                words[t] = token - first;
            }
            i = end + 1;
        }
        return new Quotations(start, words);
    }

    private static boolean opensSingle(String text, int at) {
        if (text.charAt(at) != '\'') {
            return false;
        }
        boolean afterSpace = at == 0 || Character.isWhitespace(text.charAt(at - 1)) || "([{".indexOf(text.charAt(at - 1)) >= 0;
        return afterSpace && at + 1 < text.length() && Character.isLetterOrDigit(text.charAt(at + 1));
    }

    /** The closing single quote after {@code from}, or -1. */
    private static int closingSingle(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) != '\'') {
                continue;
            }
            char before = text.charAt(i - 1);
            boolean afterWord = Character.isLetterOrDigit(before) || ".,!?".indexOf(before) >= 0;
            boolean beforeBreak = i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
            if (afterWord && beforeBreak) {
                return i;
            }
        }
        return -1;
    }
}
