package org.threadcoder.tagging;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one mapping of a rule file, read as the types its format gives them, with every problem
 * noted at its line so that a loader can name all of them: an unknown key (with the keys known there),
 * a list where one value belongs, a word where a number does, an empty item in a list. A value with a
 * problem reads as absent. A key given twice takes its last value and its first line.
 *
 * <p>Values are read as leniently as a researcher writes them: any scalar is text ({@code version: 2}
 * is "2"), a number may be quoted ({@code "5"}) or decimal (cut to a whole number), true and false may
 * be {@code yes}, {@code off} or {@code 1}.
 */
final class YamlFields {
    private static final BigDecimal INT_RANGE = BigDecimal.valueOf(1L << 31);
    private final YamlNode.Mapping mapping;
    private final List<String> known;
    private final List<YamlLines.Problem> problems;
    private final Map<String, YamlNode> values = new HashMap<>();
    private final Map<String, Integer> keyLines = new HashMap<>();

    /**
     * @param known    the keys this mapping may have, in the order a message about an unknown key lists them
     * @param problems where problems are noted
     */
    YamlFields(YamlNode.Mapping mapping, List<String> known, List<YamlLines.Problem> problems) {
        this.mapping = mapping;
        this.known = List.copyOf(known);
        this.problems = problems;
        for (YamlNode.Pair pair : mapping.pairs()) {
            if (!(pair.key() instanceof YamlNode.Scalar key)) {
                problem(pair.key(), "a key must be a single value, got " + YamlNode.describe(pair.key()));
            } else if (!known.contains(key.value())) {
                // at the line its value starts on, where messages have always put it (the same line unless the value is a block)
                problem(pair.value(), "unknown key '" + key.value() + "' (known here: " + String.join(", ", known) + ")");
            } else {
                values.put(key.value(), pair.value());
                keyLines.putIfAbsent(key.value(), key.line());
            }
        }
    }

    /**
     * The fields of a file's root mapping; null for a file with nothing in it, and null with a problem
     * for a file whose root is a list or a single value.
     */
    static YamlFields root(YamlNode root, List<String> known, List<YamlLines.Problem> problems) {
        if (root == null || root instanceof YamlNode.Scalar scalar && scalar.isNothing()) {
            return null;
        }
        if (root instanceof YamlNode.Mapping mapping) {
            return new YamlFields(mapping, known, problems);
        }
        problems.add(new YamlLines.Problem(root.line(), "the file must be a mapping of " + String.join(", ", known) + "; got "
                + YamlNode.describe(root)));
        return null;
    }

    /** The line the mapping starts on. */
    int line() {
        return mapping.line();
    }

    /** The line of the key, or the mapping's when the key is absent. */
    int lineOf(String key) {
        return keyLines.getOrDefault(knownKey(key), mapping.line());
    }

    boolean has(String key) {
        return values.containsKey(knownKey(key));
    }

    /** A single value as text; null when absent or empty ({@code ~}). */
    String text(String key) {
        YamlNode node = value(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.value();
        }
        problem(node, "'" + key + "' must be a single value, got " + YamlNode.describe(node));
        return null;
    }

    /** A list of single values as text; null when absent or empty. */
    List<String> texts(String key) {
        YamlNode node = value(key);
        return node == null ? null : texts(key, node);
    }

    /** A list of lists of single values ({@code [[trust], [therap*]]}); null when absent or empty. */
    List<List<String>> textLists(String key) {
        YamlNode node = value(key);
        if (node == null || !isList(key, node)) {
            return null;
        }
        List<List<String>> lists = new ArrayList<>();
        for (YamlNode item : ((YamlNode.Sequence) node).items()) {
            if (!(item instanceof YamlNode.Sequence)) {
                itemProblem(key, item, "must be a list");
                return null;
            }
            List<String> texts = texts(key, item);
            if (texts == null) {
                return null;
            }
            lists.add(texts);
        }
        return lists;
    }

    /**
     * A whole number; 0 when absent. An empty value ({@code ~}, {@code ""}, {@code "null"}) is 0 when
     * {@code emptyIsZero}, else a problem.
     */
    int wholeNumber(String key, boolean emptyIsZero) {
        YamlNode node = values.get(knownKey(key));
        if (node == null) {
            return 0;
        }
        String problem = "'" + key + "' must be a whole number, got " + YamlNode.describe(node);
        if (!(node instanceof YamlNode.Scalar scalar)) {
            problem(node, problem);
            return 0;
        }
        String written = scalar.value().strip();
        boolean empty = scalar.isNothing() || scalar.kind() == YamlNode.Kind.TEXT && (written.isEmpty() || written.equals("null"));
        if (empty) {
            if (!emptyIsZero) {
                problem(node, problem);
            }
            return 0;
        }
        BigInteger number = switch (scalar.kind()) {
            case WHOLE_NUMBER -> YamlNode.wholeNumber(scalar.value());
            case DECIMAL_NUMBER -> decimal(scalar.value());
            case TEXT -> written.matches("[-+]?[0-9]+") ? new BigInteger(written) : null;
            default -> null;
        };
        if (number == null || number.bitLength() > 31) {
            problem(node, problem + (number == null ? "" : ", which is too large"));
            return 0;
        }
        return number.intValue();
    }

    /** True or false ({@code yes}/{@code no}, {@code on}/{@code off}, a number: 0 is false); null when absent or empty. */
    Boolean truth(String key) {
        YamlNode node = value(key);
        if (!(node instanceof YamlNode.Scalar scalar)) {
            if (node != null) {
                problem(node, "'" + key + "' must be true or false, got " + YamlNode.describe(node));
            }
            return null;
        }
        String written = scalar.value().strip();
        return switch (scalar.kind()) {
            case TRUE -> true;
            case FALSE -> false;
            case NOTHING -> null;
            case WHOLE_NUMBER -> YamlNode.wholeNumber(scalar.value()).signum() != 0;
            default -> switch (written) {
                case "true", "True", "TRUE" -> true;
                case "false", "False", "FALSE" -> false;
                case "", "null" -> null;
                default -> {
                    problem(node, "'" + key + "' must be true or false, got " + YamlNode.describe(node));
                    yield null;
                }
            };
        };
    }

    /** A mapping's fields; null when absent or empty. */
    YamlFields mapping(String key, List<String> knownThere) {
        YamlNode node = value(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Mapping inner) {
            return new YamlFields(inner, knownThere, problems);
        }
        problem(node, "'" + key + "' must be a mapping of " + String.join(", ", knownThere) + ", got " + YamlNode.describe(node));
        return null;
    }

    /** A list of mappings' fields, without the items that are not mappings (each a problem); null when absent or empty. */
    List<YamlFields> mappings(String key, List<String> knownThere) {
        YamlNode node = value(key);
        if (node == null || !isList(key, node)) {
            return null;
        }
        List<YamlFields> mappings = new ArrayList<>();
        for (YamlNode item : ((YamlNode.Sequence) node).items()) {
            if (item instanceof YamlNode.Mapping inner) {
                mappings.add(new YamlFields(inner, knownThere, problems));
            } else {
                itemProblem(key, item, "must be a mapping of " + String.join(", ", knownThere));
            }
        }
        return mappings;
    }

    /** The key's value; null when absent or an empty scalar. */
    private YamlNode value(String key) {
        YamlNode node = values.get(knownKey(key));
        return node instanceof YamlNode.Scalar scalar && scalar.isNothing() ? null : node;
    }

    private String knownKey(String key) {
        if (!known.contains(key)) {
            throw new IllegalArgumentException("key '" + key + "' is not one of this mapping's " + known);
        }
        return key;
    }

    private List<String> texts(String key, YamlNode node) {
        if (!isList(key, node)) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : ((YamlNode.Sequence) node).items()) {
            if (!(item instanceof YamlNode.Scalar scalar) || scalar.isNothing()) {
                itemProblem(key, item, "must be a single value");
                return null;
            }
            texts.add(scalar.value());
        }
        return texts;
    }

    private boolean isList(String key, YamlNode node) {
        if (node instanceof YamlNode.Sequence) {
            return true;
        }
        problem(node, "'" + key + "' must be a list, got " + YamlNode.describe(node)
                + (node instanceof YamlNode.Scalar scalar && !scalar.value().isBlank() ? " (a list of one is [" + scalar.value() + "])" : ""));
        return false;
    }

    private void itemProblem(String key, YamlNode item, String expected) {
        problem(item, item instanceof YamlNode.Scalar scalar && scalar.isNothing() ? "an item of '" + key + "' is empty"
                : "an item of '" + key + "' " + expected + ", got " + YamlNode.describe(item));
    }

    /** A decimal number cut to a whole one; null when it is none ({@code .inf}, {@code .nan}, a sexagesimal {@code 1:30.5}). */
    private static BigInteger decimal(String written) {
        try {
            BigDecimal number = new BigDecimal(written.replace("_", ""));
            // not expanded past the int range, where a huge exponent would take all memory: it is only too large
            return number.abs().compareTo(INT_RANGE) >= 0 ? INT_RANGE.toBigInteger() : number.toBigInteger();
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private void problem(YamlNode node, String message) {
        problems.add(new YamlLines.Problem(node.line(), message));
    }
}
