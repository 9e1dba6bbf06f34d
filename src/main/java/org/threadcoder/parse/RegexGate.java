package org.threadcoder.parse;

import java.util.ArrayList;
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
        try {
            Reader reader = new Reader(pattern.pattern(), (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0);
            Part whole = reader.alternation();
            if (reader.at < reader.source.length()) {
                return OPEN;
            }
            return new RegexGate(whole.longest, whole.required, reader.folding, whole.first);
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

    /**
     * What a piece of an expression can match: its longest length, lists of words it always holds one of
     * each, the characters it can start with, and whether it can match nothing.
     */
    private record Part(int longest, List<List<String>> required, FirstChars first, boolean empty) {
    }

    /**
     * A set of characters a match can start with: each ASCII char by a bit, every other char as one. Read
     * loosely (a class it cannot read is every char), so it only ever holds too much.
     */
    record FirstChars(long low, long high, boolean other) {
        static final FirstChars NONE = new FirstChars(0, 0, false);
        static final FirstChars ANY = new FirstChars(-1L, -1L, true);
        static final FirstChars DIGITS = range('0', '9');
        /** What {@code \s} matches without {@code UNICODE_CHARACTER_CLASS}: {@code [ \t\n\x0B\f\r]}. */
        static final FirstChars SPACES = of(' ').with(range('\t', '\r'));
        /** What {@code \w} matches without {@code UNICODE_CHARACTER_CLASS}: {@code [a-zA-Z_0-9]}. */
        static final FirstChars WORD = range('a', 'z').with(range('A', 'Z')).with(DIGITS).with(of('_'));

        static FirstChars of(char c) {
            return c < 64 ? new FirstChars(1L << c, 0, false) : c < 128 ? new FirstChars(0, 1L << (c - 64), false) : new FirstChars(0, 0, true);
        }

        /** The chars {@code from} to {@code to}, both included. */
        static FirstChars range(char from, char to) {
            FirstChars chars = NONE;
            for (int c = from; c <= Math.min(to, 127); c++) {
                chars = chars.with(of((char) c));
            }
            return to >= 128 ? chars.with(of('\u0080')) : chars;
        }

        FirstChars with(FirstChars more) {
            return new FirstChars(low | more.low, high | more.high, other || more.other);
        }

        /**
         * As compared with {@code CASE_INSENSITIVE | UNICODE_CASE}: both cases of each ASCII letter, and any char
         * past ASCII (the Kelvin sign is a k); a char past ASCII may fold to any ASCII letter.
         */
        FirstChars folded() {
            long letters = high & 0x07FFFFFE_07FFFFFEL;
            long bothCases = letters | letters >>> 32 & 0x07FFFFFEL | (letters & 0x07FFFFFEL) << 32;
            long asciiLetters = other ? 0x07FFFFFE_07FFFFFEL : 0;
            return new FirstChars(low, high | bothCases | asciiLetters, other || letters != 0);
        }

        boolean holds(char c) {
            return c < 64 ? (low & 1L << c) != 0 : c < 128 ? (high & 1L << (c - 64)) != 0 : other;
        }
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
            FirstChars first = FirstChars.NONE;
            boolean empty = false;
            List<String> anyOf = new ArrayList<>();
            for (Part branch : branches) {
                longest = Math.max(longest, branch.longest);
                first = first.with(branch.first);
                empty |= branch.empty;
                List<String> best = mostSelective(branch.required);
                if (best == null) {
                    anyOf = null;
                } else if (anyOf != null) {
                    anyOf.addAll(best);
                }
            }
            return new Part(longest, anyOf == null ? List.of() : List.of(anyOf), first, empty);
        }

        /** A run of atoms: lengths add up, and every required atom's word lists and every literal run hold. */
        Part sequence() throws Unreadable {
            long longest = 0;
            List<List<String>> required = new ArrayList<>();
            FirstChars first = FirstChars.NONE;
            // whether every atom so far can match nothing: then the next one's chars can start a match
            boolean empty = true;
            StringBuilder run = new StringBuilder();
            while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
                Atom atom = atom();
                Quantity quantity = quantity();
                if (empty) {
                    first = first.with(atom.part.first);
                    empty = atom.part.empty || quantity.least == 0;
                }
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
            return new Part((int) Math.min(longest, UNBOUNDED), required, first, empty);
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

        private static final Part ANY_CHARACTER = oneCharacter(FirstChars.ANY);
        private static final Part NOTHING = new Part(0, List.of(), FirstChars.NONE, true);

        /** One character (a code point, up to two chars) of a set. */
        private static Part oneCharacter(FirstChars chars) {
            return new Part(2, List.of(), chars, false);
        }

        Atom atom() throws Unreadable {
            char c = source.charAt(at);
            switch (c) {
                case '(' -> {
                    at++;
                    int lookaround = source.startsWith("?=", at) || source.startsWith("?!", at) ? 2
                            : source.startsWith("?<=", at) || source.startsWith("?<!", at) ? 3 : 0;
                    if (lookaround > 0) {
                        // zero width: it consumes nothing, so a match's length, words and first char are the rest's
                        at += lookaround;
                        alternation();
                        if (at >= source.length() || source.charAt(at) != ')') {
                            throw new Unreadable();
                        }
                        at++;
                        return new Atom(NOTHING, null);
                    }
                    if (source.startsWith("?:", at)) {
                        at += 2;
                    } else if (source.startsWith("?<", at) && at + 2 < source.length() && Character.isLetter(source.charAt(at + 2))) {
                        int close = source.indexOf('>', at);
                        if (close < 0) {
                            throw new Unreadable();
                        }
                        at = close + 1;
                    } else if (at < source.length() && source.charAt(at) == '?') {
                        throw new Unreadable(); // flags, atomic groups: not read here
                    }
                    Part inner = alternation();
                    if (at >= source.length() || source.charAt(at) != ')') {
                        throw new Unreadable();
                    }
                    at++;
                    return new Atom(inner, null);
                }
                case '[' -> {
                    FirstChars members = characterClass();
                    return new Atom(oneCharacter(folding ? members.folded() : members), null);
                }
                case '.' -> {
                    at++;
                    return new Atom(ANY_CHARACTER, null);
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
            FirstChars first = FirstChars.of(text.charAt(0));
            return new Atom(new Part(text.length(), List.of(List.of(folding ? fold(text) : text)), folding ? first.folded() : first, false), text);
        }

        private Atom escape() throws Unreadable {
            if (at + 1 >= source.length()) {
                throw new Unreadable();
            }
            char next = source.charAt(at + 1);
            at += 2;
            switch (next) {
                case 'd' -> {
                    return new Atom(oneCharacter(FirstChars.DIGITS), null);
                }
                case 's' -> {
                    return new Atom(oneCharacter(FirstChars.SPACES), null);
                }
                case 'w' -> {
                    return new Atom(oneCharacter(FirstChars.WORD), null);
                }
                case 'S', 'D', 'W', 'h', 'H', 'v', 'V' -> {
                    return new Atom(ANY_CHARACTER, null);
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
                    return new Atom(ANY_CHARACTER, null);
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

        /**
         * Reads a character class {@code [...]}: the chars it holds, every char when it is negated or holds an
         * escape read no further; nested classes and intersections are not read.
         */
        private FirstChars characterClass() throws Unreadable {
            at++;
            boolean negated = at < source.length() && source.charAt(at) == '^';
            if (negated) {
                at++;
            }
            FirstChars members = FirstChars.NONE;
            boolean first = true;
            while (at < source.length()) {
                char c = source.charAt(at);
                if (c == '\\') {
                    members = members.with(at + 1 < source.length() ? classEscape(source.charAt(at + 1)) : FirstChars.ANY);
                    at += 2;
                    if (at + 1 < source.length() && source.charAt(at) == '-' && source.charAt(at + 1) != ']') {
                        members = FirstChars.ANY; // a range from an escaped char: not read
                    }
                } else if (c == '[' || source.startsWith("&&", at)) {
                    throw new Unreadable();
                } else if (c == ']' && !first) {
                    at++;
                    return negated ? FirstChars.ANY : members;
                } else if (at + 2 < source.length() && source.charAt(at + 1) == '-' && source.charAt(at + 2) != ']') {
                    // a range; one to an escaped char is not read
                    boolean plain = source.charAt(at + 2) != '\\' && c <= source.charAt(at + 2);
                    members = members.with(plain ? FirstChars.range(c, source.charAt(at + 2)) : FirstChars.ANY);
                    at += plain ? 3 : 2;
                } else {
                    members = members.with(FirstChars.of(c));
                    at++;
                }
                first = false;
            }
            throw new Unreadable();
        }

        /** The chars an escape inside a class stands for: a class ({@code \\d}), a char ({@code \\.}), or every char when not read. */
        private static FirstChars classEscape(char escaped) {
            return switch (escaped) {
                case 'd' -> FirstChars.DIGITS;
                case 's' -> FirstChars.SPACES;
                case 'w' -> FirstChars.WORD;
                case 't' -> FirstChars.of('\t');
                case 'n' -> FirstChars.of('\n');
                default -> Character.isLetterOrDigit(escaped) ? FirstChars.ANY : FirstChars.of(escaped);
            };
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
