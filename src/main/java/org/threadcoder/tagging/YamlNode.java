package org.threadcoder.tagging;

import java.math.BigInteger;
import java.util.List;

/**
 * One node of a rule file as {@link YamlLines} reads it: a scalar, a sequence or a mapping, with the
 * 1-based line it starts on. Kept apart from SnakeYAML's own node classes so the reading needs only
 * its event parser, and so that what a scalar is (text, number, true or false, nothing) is decided
 * once, where the event's tag and quoting are still known.
 */
sealed interface YamlNode {

    /** The 1-based line the node starts on (0 when the parser gives none). */
    int line();

    /** What a scalar holds, as YAML's implicit typing reads it: {@code yes} is TRUE, {@code ~} NOTHING, {@code "12"} TEXT. */
    enum Kind { TEXT, WHOLE_NUMBER, DECIMAL_NUMBER, TRUE, FALSE, NOTHING }

    /** A scalar: the value as written (without quotes), and what it holds. */
    record Scalar(String value, Kind kind, int line) implements YamlNode {
        public Scalar {
            if (value == null || kind == null) {
                throw new IllegalArgumentException("a scalar needs a value and a kind, got " + value + " and " + kind);
            }
        }

        boolean isNothing() {
            return kind == Kind.NOTHING;
        }
    }

    /** A sequence and its items in order. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A key and its value; keys are scalars in a rule file, anything else is kept to be reported. */
    record Pair(YamlNode key, YamlNode value) {
        public Pair {
            if (key == null || value == null) {
                throw new IllegalArgumentException("a mapping entry needs a key and a value, got " + key + " and " + value);
            }
        }
    }

    /** A mapping and its entries in file order, repeated keys included. */
    record Mapping(List<Pair> pairs, int line) implements YamlNode {
        public Mapping {
            pairs = List.copyOf(pairs);
        }
    }

    /** How a message names what it found: the value in quotes, "nothing", "a list" or "a mapping". */
    static String describe(YamlNode node) {
        if (node instanceof Scalar scalar) {
            return scalar.isNothing() ? "nothing" : "'" + scalar.value() + "'";
        }
        return node instanceof Sequence ? "a list" : "a mapping";
    }

    /**
     * The whole number a scalar writes in one of YAML 1.1's forms ({@code -12}, {@code 1_000}, {@code 0x1F},
     * {@code 0b101}, octal {@code 017}), or null when it writes none (a sexagesimal {@code 1:20} stays text).
     */
    static BigInteger wholeNumber(String written) {
        boolean negative = written.startsWith("-");
        String digits = negative || written.startsWith("+") ? written.substring(1) : written;
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            char form = digits.charAt(1);
            if (form == 'x' || form == 'X' || form == 'b' || form == 'B') {
                radix = form == 'x' || form == 'X' ? 16 : 2;
                digits = digits.substring(2);
            } else if (form == '_' || (form >= '0' && form <= '9')) {
                radix = 8;
                digits = digits.substring(1);
            } else {
                return null;
            }
        }
        digits = digits.replace("_", "");
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char digit = digits.charAt(i);
            // ASCII only: Character.digit would also take other scripts' digits
            if (digit > 'z' || Character.digit(digit, radix) < 0) {
                return null;
            }
        }
        BigInteger number = new BigInteger(digits, radix);
        return negative ? number.negate() : number;
    }
}
