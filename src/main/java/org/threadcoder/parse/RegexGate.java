package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A cheap test that rules a line out before a site rule's regular expression runs on it, read from
 * the expression itself: the longest text it can match whole, and words one of which any match must
 * hold (compared case-folded as {@code CASE_INSENSITIVE | UNICODE_CASE} compares them). Most lines
 * are tweet text, longer than a header and without its words, so most regexes never start. Where the
 * expression holds a construct this reader does not know, the gate lets every line through: the
 * gate only ever skips a line the regex could not match.
 */
final class RegexGate {
    /** No bound on the length. */
    static final int UNBOUNDED = Integer.MAX_VALUE;
    /** A gate that lets every line through. */
    static final RegexGate OPEN = new RegexGate(UNBOUNDED, List.of(), false);

    /** The longest text (in chars) the expression matches whole. */
    private final int longest;
    /** Lists of folded words: every match holds one word of each list. */
    private final List<List<String>> required;
    /** Whether the pattern ignores case, so lines are compared folded. */
    private final boolean folding;

    private RegexGate(int longest, List<List<String>> required, boolean folding) {
        this.longest = longest;
        this.required = required.stream().map(List::copyOf).toList();
        this.folding = folding;
    }

    /** The gate of a pattern matched whole ({@link java.util.regex.Matcher#matches()}); {@link #OPEN} when it cannot be read. */
    static RegexGate of(Pattern pattern) {
        if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
            return OPEN;
        }
        if ((pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 && (pattern.flags() & Pattern.UNICODE_CASE) == 0) {
            return OPEN; // ASCII-only case folding: words are folded otherwise below
        }
        try {
            Reader reader = new Reader(pattern.pattern(), (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0);
            Part whole = reader.alternation();
            if (reader.at < reader.source.length()) {
                return OPEN;
            }
            return new RegexGate(whole.longest, whole.required, reader.folding);
        } catch (Unreadable unknown) {
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

    /**
     * Whether the regex might match {@code line} whole.
     *
     * @param folded the line folded by {@link #fold(String)}, read when the pattern ignores case
     */
    boolean admits(String line, String folded) {
        if (line.length() > longest) {
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

    /** What a piece of an expression can match: its longest length, and lists of words it always holds one of each. */
    private record Part(int longest, List<List<String>> required) {
    }

    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super(null, null, false, false);
        }
    }

    /** A recursive reader of the expression's syntax: alternation, sequence, quantified atoms. */
    private static final class Reader {
        private final String source;
        private final boolean folding;
        private int at;

        Reader(String source, boolean folding) {
            this.source = source;
            this.folding = folding;
        }

        Part alternation() throws Unreadable {
            List<Part> branches = new ArrayList<>();
            branches.add(sequence());
            while (at < source.length() && source.charAt(at) == '|') {
                at++;
                branches.add(sequence());
            }
            if (branches.size() == 1) {
                return branches.get(0);
            }
            int longest = 0;
            List<String> anyOf = new ArrayList<>();
            for (Part branch : branches) {
                longest = Math.max(longest, branch.longest);
                List<String> best = mostSelective(branch.required);
                if (best == null) {
                    anyOf = null;
                } else if (anyOf != null) {
                    anyOf.addAll(best);
                }
            }
            return new Part(longest, anyOf == null ? List.of() : List.of(anyOf));
        }

        /** A run of atoms: lengths add up, and every required atom's word lists and every literal run hold. */
        Part sequence() throws Unreadable {
            long longest = 0;
            List<List<String>> required = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
                Atom atom = atom();
                Quantity quantity = quantity();
                long atomLongest = quantity.most == UNBOUNDED || atom.part.longest == UNBOUNDED ? UNBOUNDED
                        : (long) atom.part.longest * quantity.most;
                longest = longest == UNBOUNDED || atomLongest == UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, longest + atomLongest);
                if (atom.literal != null && quantity.least == 1 && quantity.most == 1) {
                    run.append(atom.literal);
                    continue;
                }
                endRun(run, required);
                if (quantity.least >= 1) {
                    required.addAll(atom.part.required);
                }
            }
            endRun(run, required);
            return new Part((int) Math.min(longest, UNBOUNDED), required);
        }

        private void endRun(StringBuilder run, List<List<String>> required) {
            if (run.length() > 0) {
                required.add(List.of(folding ? fold(run.toString()) : run.toString()));
                run.setLength(0);
            }
        }

        /** The list whose shortest word is longest: the one fewest lines pass. */
        private static List<String> mostSelective(List<List<String>> lists) {
            List<String> best = null;
            for (List<String> list : lists) {
                if (best == null || shortest(list) > shortest(best)) {
                    best = list;
                }
            }
            return best;
        }

        private static int shortest(List<String> words) {
            int shortest = Integer.MAX_VALUE;
            for (String word : words) {
                shortest = Math.min(shortest, word.length());
            }
            return words.isEmpty() ? 0 : shortest;
        }

        /** One atom; {@code literal} set when it is one literal code point. */
        private record Atom(Part part, String literal) {
        }

        private record Quantity(int least, int most) {
        }

        private static final Part ONE_CHARACTER = new Part(2, List.of());
        private static final Part NOTHING = new Part(0, List.of());

        Atom atom() throws Unreadable {
            char c = source.charAt(at);
            switch (c) {
                case '(' -> {
                    at++;
                    if (source.startsWith("?:", at)) {
                        at += 2;
                    } else if (source.startsWith("?<", at) && at + 2 < source.length() && Character.isLetter(source.charAt(at + 2))) {
                        int close = source.indexOf('>', at);
                        if (close < 0) {
                            throw new Unreadable();
                        }
                        at = close + 1;
                    } else if (at < source.length() && source.charAt(at) == '?') {
                        throw new Unreadable(); // look-around, flags, atomic groups: not read here
                    }
                    Part inner = alternation();
                    if (at >= source.length() || source.charAt(at) != ')') {
                        throw new Unreadable();
                    }
                    at++;
                    return new Atom(inner, null);
                }
                case '[' -> {
                    skipClass();
                    return new Atom(ONE_CHARACTER, null);
                }
                case '.' -> {
                    at++;
                    return new Atom(ONE_CHARACTER, null);
                }
                case '^', '$' -> {
                    at++;
                    return new Atom(NOTHING, null);
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{', '}', ']' -> throw new Unreadable();
                default -> {
                    int codePoint = source.codePointAt(at);
                    at += Character.charCount(codePoint);
                    return literal(codePoint);
                }
            }
        }

        private Atom literal(int codePoint) {
            String text = new String(Character.toChars(codePoint));
            return new Atom(new Part(text.length(), List.of(List.of(folding ? fold(text) : text))), text);
        }

        private Atom escape() throws Unreadable {
            if (at + 1 >= source.length()) {
                throw new Unreadable();
            }
            char next = source.charAt(at + 1);
            at += 2;
            switch (next) {
                case 's', 'S', 'd', 'D', 'w', 'W', 'h', 'H', 'v', 'V' -> {
                    return new Atom(ONE_CHARACTER, null);
                }
                case 'b', 'B' -> {
                    return new Atom(NOTHING, null);
                }
                case 'p', 'P' -> {
                    if (at < source.length() && source.charAt(at) == '{') {
                        int close = source.indexOf('}', at);
                        if (close < 0) {
                            throw new Unreadable();
                        }
                        at = close + 1;
                    } else {
                        at++;
                    }
                    return new Atom(ONE_CHARACTER, null);
                }
                case 't' -> {
                    return literal('\t');
                }
                case 'n' -> {
                    return literal('\n');
                }
                case 'x' -> {
                    if (at < source.length() && source.charAt(at) == '{') {
                        int close = source.indexOf('}', at);
                        if (close < 0) {
                            throw new Unreadable();
                        }
                        int codePoint = Integer.parseInt(source.substring(at + 1, close), 16);
                        at = close + 1;
                        return literal(codePoint);
                    }
                    throw new Unreadable();
                }
                default -> {
                    if (Character.isLetterOrDigit(next)) {
                        throw new Unreadable(); // back references, \Q…\E, control escapes: not read here
                    }
                    return literal(next);
                }
            }
        }

        /** Skips a character class {@code [...]}; nested classes and intersections are not read. */
        private void skipClass() throws Unreadable {
            at++;
            if (at < source.length() && source.charAt(at) == '^') {
                at++;
            }
            boolean first = true;
            while (at < source.length()) {
                char c = source.charAt(at);
                if (c == '\\') {
                    at += 2;
                } else if (c == '[' || source.startsWith("&&", at)) {
                    throw new Unreadable();
                } else if (c == ']' && !first) {
                    at++;
                    return;
                } else {
                    at++;
                }
                first = false;
            }
            throw new Unreadable();
        }

        Quantity quantity() throws Unreadable {
            if (at >= source.length()) {
                return new Quantity(1, 1);
            }
            char c = source.charAt(at);
            Quantity quantity;
            switch (c) {
                case '?' -> quantity = new Quantity(0, 1);
                case '*' -> quantity = new Quantity(0, UNBOUNDED);
                case '+' -> quantity = new Quantity(1, UNBOUNDED);
                case '{' -> {
                    int close = source.indexOf('}', at);
                    if (close < 0) {
                        throw new Unreadable();
                    }
                    String[] bounds = source.substring(at + 1, close).split(",", -1);
                    try {
                        int least = Integer.parseInt(bounds[0].strip());
                        int most = bounds.length == 1 ? least : bounds[1].isBlank() ? UNBOUNDED : Integer.parseInt(bounds[1].strip());
                        if (bounds.length > 2) {
                            throw new Unreadable();
                        }
                        quantity = new Quantity(least, most);
                    } catch (NumberFormatException notBounds) {
                        throw new Unreadable();
                    }
                    at = close;
                }
                default -> {
                    return new Quantity(1, 1);
                }
            }
            at++;
            if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
                at++; // lazy or possessive: the same texts match
            }
            return quantity;
        }
    }
}
