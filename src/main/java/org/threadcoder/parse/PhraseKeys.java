package org.threadcoder.parse;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Locale;

/**
 * How a line is read before a site phrase is looked up (and a tweet before it is compared with
 * another): NFKC, curly quotes straightened, white space folded and trimmed, and for a key lower
 * case. ASCII, which most lines are, is folded without the normalizer.
 */
final class PhraseKeys {
    private PhraseKeys() {
    }

    /** The key a phrase is looked up by: {@link #normalized}, lower case. */
    static String key(String text) {
        return normalized(text).toLowerCase(Locale.ROOT);
    }

    /** {@link #key(String)} of {@code chars[offset, offset + count)}; ASCII in one pass and one copy (a key a tweet). */
    static String key(char[] chars, int offset, int count) {
        CharBuffer text = CharBuffer.wrap(chars, offset, count);
        return isAscii(text) ? foldedAscii(text, true) : key(text.toString());
    }

    /** NFKC (math-bold letters read plain), curly quotes straight, white space folded and trimmed. */
    static String normalized(String text) {
        if (isAscii(text)) {
            return foldedAsciiSpace(text); // NFKC leaves ASCII as it is, and it has no quotes to straighten
        }
        // an ellipsis stays one character (NFKC would make it three), so a stray "…" is one damaged character
        String nfkc = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text.replace('\u2026', '\u0085'),
                Normalizer.Form.NFKC).replace('\u0085', '\u2026');
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            switch (c) {
                case '\u2018', '\u2019' -> out.append('\'');
                case '\u201C', '\u201D' -> out.append('"');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** ASCII text with each run of white space ({@link Character#isWhitespace}) as one space, trimmed; the text itself when it has none to fold. */
    private static String foldedAsciiSpace(String text) {
        int length = text.length();
        boolean fold = length > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1)));
        for (int i = 0; i < length && !fold; i++) {
            char c = text.charAt(i);
            fold = Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(text.charAt(i + 1)));
        }
        return fold ? foldedAscii(text, false) : text;
    }

    /** ASCII text with white space folded and trimmed, in lower case when asked. */
    private static String foldedAscii(CharSequence text, boolean lowerCase) {
        // a char array, not a StringBuilder: this runs on most lines of a page, and a builder checks its room per char
        char[] out = new char[text.length()];
        int size = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = size > 0;
                continue;
            }
            if (space) {
                out[size++] = ' ';
                space = false;
            }
            out[size++] = lowerCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(out, 0, size);
    }
}
