package org.threadcoder.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A cheap test that rules a line out before a site rule's regular expression runs on it, read from
 * the expression itself: the longest text it can match whole, and words one of which any match must
 * hold (compared case-folded as {@code CASE_INSENSITIVE | UNICODE_CASE} compares them), and the
 * characters a match can start with (a count starts with a digit, a tweet's sentence with a letter).
 * Most lines are tweet text, longer than a header and without its words, so most regexes never start. Where the
 * expression holds a construct this reader does not know, the gate lets every line through: the
 * gate only ever skips a line the regex could not match.
 */
final class RegexGate {
    /** No bound on the length. */
    static final int UNBOUNDED = Integer.MAX_VALUE;
    /** A gate that lets every line through. */
    static final RegexGate OPEN = new RegexGate(UNBOUNDED, List.of(), false, FirstChars.ANY);

    /** The longest text (in chars) the expression matches whole. */
    private final int longest;
    /** Lists of folded words: every match holds one word of each list. */
    private final List<List<String>> required;
    /** Whether the pattern ignores case, so lines are compared folded. */
    private final boolean folding;
    /** The characters a non-empty match can start with. */
    private final FirstChars first;

    private RegexGate(int longest, List<List<String>> required, boolean folding, FirstChars first) {
        this.longest = longest;
        this.required = required.stream().map(List::copyOf).toList();
        this.folding = folding;
        this.first = first;
    }

    /** The gate of a pattern matched whole ({@link java.util.regex.Matcher#matches()}); {@link #OPEN} when it cannot be read. */
    static RegexGate of(Pattern pattern) {
        if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
            return OPEN;
        }
        if ((pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 && (pattern.flags() & Pattern.UNICODE_CASE) == 0) {
            return OPEN; // ASCII-only case folding: words are folded otherwise below
        }
        boolean folding = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
        try {
            RegexReader.Part whole = new RegexReader(pattern.pattern(), folding).whole();
            return new RegexGate(whole.longest(), whole.required(), folding, whole.first());
        } catch (RegexReader.Unreadable unknown) {
            return OPEN;
        }
    }

    /** Whether the pattern ignores case (its words are folded). */
    boolean folding() {
        return folding;
    }

    /** The longest text the expression matches, {@link #UNBOUNDED} when none. */
    int longest() {
        return longest;
    }

    /** Lists of words (folded): every match holds one word of each list. */
    List<List<String>> required() {
        return required;
    }

    /** Whether a match could start as {@code line} does (an empty line always could). */
    boolean mayStart(String line) {
        return mayStartAt(line, 0);
    }

    /** Whether a match could start at {@code text[at]} (at the end of the text, one always could). */
    boolean mayStartAt(String text, int at) {
        return at >= text.length() || first.holds(text.charAt(at));
    }

    /**
     * Whether the regex might match {@code line} whole.
     *
     * @param folded the line folded by {@link #fold(String)}, read when the pattern ignores case
     */
    boolean admits(String line, String folded) {
        if (line.length() > longest || !mayStart(line)) {
            return false;
        }
        String haystack = folding ? folded : line;
        for (List<String> words : required) {
            if (!containsAny(haystack, words)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(String haystack, List<String> words) {
        for (String word : words) {
            if (haystack.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Each code point as case-insensitive matching with Unicode case compares it: the lower case of its upper case. */
    static String fold(String text) {
        int length = text.length();
        char[] ascii = null;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return foldUnicode(text);
            }
            if (c >= 'A' && c <= 'Z') {
                if (ascii == null) {
                    ascii = text.toCharArray();
                }
                ascii[i] = (char) (c + ('a' - 'A'));
            }
        }
        return ascii == null ? text : new String(ascii);
    }

    private static String foldUnicode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(codePoint)));
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }
}
