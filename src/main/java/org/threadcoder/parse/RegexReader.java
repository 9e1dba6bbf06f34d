package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive reader of a regular expression's syntax (alternation, sequence, quantified atoms), for
 * {@link RegexGate}: what each piece can match. A construct it does not know is {@link Unreadable}.
 */
final class RegexReader {
    private static final int UNBOUNDED = RegexGate.UNBOUNDED;

    /**
     * What a piece of an expression can match: its longest length, lists of words it always holds one of
     * each, the characters it can start with, and whether it can match nothing.
     */
    record Part(int longest, List<List<String>> required, FirstChars first, boolean empty) {
    }

    /** An expression holds a construct the reader does not know. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super(null, null, false, false);
        }
    }

    private final String source;
    private final boolean folding;
    private int at;

    RegexReader(String source, boolean folding) {
        this.source = source;
        this.folding = folding;
    }

    /** The whole expression read, or {@link Unreadable} when it holds what this reader does not know. */
    Part whole() throws Unreadable {
        Part whole = alternation();
        if (at < source.length()) {
            throw new Unreadable();
        }
        return whole;
    }

    private Part alternation() throws Unreadable {
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
            required.add(List.of(folding ? RegexGate.fold(run.toString()) : run.toString()));
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
        return new Atom(new Part(text.length(), List.of(List.of(folding ? RegexGate.fold(text) : text)), folding ? first.folded() : first, false), text);
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
