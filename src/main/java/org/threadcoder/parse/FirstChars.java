package org.threadcoder.parse;

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
