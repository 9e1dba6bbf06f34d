package org.threadcoder.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.threadcoder.InputException;

/**
 * ConText-style rules read from YAML ({@code models/context.yaml}): per rule a category, trigger
 * words, a direction and a scope in tokens; terminators that end a scope; pseudo-triggers that
 * look like triggers but are not; words that, right after a negation, take the negation themselves ("not severely", "not how");
 * when a quotation is someone else's words.
 */
public record ContextRules(String version, List<Rule> rules, List<String> pseudo, Set<String> terminators, Set<String> negatesNextWord,
                           Quoting quoting, Set<String> verbsKeepScope) implements java.io.Serializable {

    /** The context categories a rule can set. */
    public enum Category { NEGATED, HYPOTHETICAL, UNCERTAIN, REPORTED, QUESTION }

    /** Which way a trigger looks for the concept. */
    public enum Direction { FORWARD, BACKWARD, BOTH }

    /**
     * One rule.
     *
     * @param category      the attribute it sets
     * @param direction     where the concept may stand relative to the trigger
     * @param scope         how many tokens away the concept may start; 0 = to the end of the sentence
     * @param verbsEndScope whether a verb or auxiliary between trigger and concept ends the scope
     * @param clauseBreaksEndScope whether clause punctuation between trigger and concept ends a limited scope; a hedge
     *                      reaches a fronted phrase ("Off the drugs, it may be felt more"), a negation does not
     * @param triggers      the trigger words and phrases
     */
    public record Rule(Category category, Direction direction, int scope, boolean verbsEndScope, boolean clauseBreaksEndScope,
                       List<String> triggers) implements java.io.Serializable {
        public Rule {
            if (category == null || direction == null) {
                throw new IllegalArgumentException("context rule needs a category and a direction, got " + category + " " + direction);
            }
            if (scope < 0) {
                throw new IllegalArgumentException("context rule scope must be >= 0, got " + scope);
            }
            if (triggers == null || triggers.isEmpty()) {
                throw new IllegalArgumentException("context rule " + category + " has no triggers");
            }
            triggers = List.copyOf(triggers);
        }
    }

    /**
     * When a concept inside quotation marks is {@code reported}.
     *
     * @param minWords a quotation of at least this many tokens is someone's words; shorter ones are scare quotes
     *                 ({@code not "relapse"}), 0 turns quotations off
     * @param namedBy     words that, just before a shorter quotation, make it a name others use ({@code call it "depression"})
     * @param namedWithin how many tokens may stand between such a word (or one of {@code ownWords}) and the quotation
     * @param ownWords    words that, just before a quotation, make it a title, a term talked about or the author's own
     *                    words, not someone else's ({@code the paper "…"}, {@code what I mean by "…"}, {@code as I wrote: "…"})
     */
    public record Quoting(int minWords, List<String> namedBy, int namedWithin, List<String> ownWords) implements java.io.Serializable {
        public static final Quoting NONE = new Quoting(0, List.of(), 0, List.of());

        public Quoting {
            if (minWords < 0 || namedWithin < 0) {
                throw new IllegalArgumentException("quotations minWords and namedWithin must be >= 0, got " + minWords + " and " + namedWithin);
            }
            namedBy = namedBy == null ? List.of() : List.copyOf(namedBy);
            ownWords = ownWords == null ? List.of() : List.copyOf(ownWords);
        }
    }

    /** Rules without quotation handling. */
    public ContextRules(String version, List<Rule> rules, List<String> pseudo, Set<String> terminators, Set<String> negatesNextWord) {
        this(version, rules, pseudo, terminators, negatesNextWord, Quoting.NONE, Set.of());
    }

    public ContextRules {
        quoting = quoting == null ? Quoting.NONE : quoting;
        rules = List.copyOf(rules);
        pseudo = pseudo == null ? List.of() : List.copyOf(pseudo);
        terminators = terminators == null ? Set.of() : Set.copyOf(terminators);
        negatesNextWord = negatesNextWord == null ? Set.of() : Set.copyOf(negatesNextWord);
        verbsKeepScope = verbsKeepScope == null ? Set.of() : Set.copyOf(verbsKeepScope);
    }

    private static final List<String> FILE_KEYS = List.of("version", "verbsKeepScope", "terminators", "negatesNextWord", "rules", "pseudo",
            "quotations");
    private static final List<String> RULE_KEYS = List.of("category", "direction", "scope", "verbsEndScope", "clauseBreaksEndScope", "triggers");
    private static final List<String> QUOTATION_KEYS = List.of("minWords", "namedBy", "namedWithin", "ownWords");

    /** Loads rules from a file. */
    public static ContextRules load(Path path) throws InputException {
        try (InputStream stream = Files.newInputStream(path)) {
            return read(path.toString(), stream);
        } catch (NoSuchFileException missing) {
            throw new InputException(path.toString(), "no such context rule file");
        } catch (IOException unreadable) {
            throw new InputException(path.toString(), "cannot read context rules: " + unreadable.getMessage(), unreadable);
        }
    }

    /** Reads rules from a stream named {@code file} in messages. Of several problems the first is named, with how many more there are. */
    public static ContextRules read(String file, InputStream stream) throws InputException {
        byte[] bytes;
        try {
            bytes = stream.readAllBytes();
        } catch (IOException unreadable) {
            throw new InputException(file, "cannot read context rules: " + unreadable.getMessage(), unreadable);
        }
        YamlLines.Read read = YamlLines.read(bytes);
        List<YamlLines.Problem> problems = new ArrayList<>(read.problems());
        YamlFields fields = problems.isEmpty() ? YamlFields.root(read.root(), FILE_KEYS, problems) : null;
        if (fields == null) {
            throw problems.isEmpty() ? new InputException(file, "no context rules") : failure(file, problems);
        }
        List<YamlFields> ruleFields = fields.mappings("rules", RULE_KEYS);
        List<RuleEntry> entries = new ArrayList<>();
        for (YamlFields entry : ruleFields == null ? List.<YamlFields>of() : ruleFields) {
            entries.add(new RuleEntry(entry.text("category"), entry.text("direction"), entry.wholeNumber("scope", true),
                    Boolean.TRUE.equals(entry.truth("verbsEndScope")), entry.truth("clauseBreaksEndScope"), entry.texts("triggers")));
        }
        String version = fields.text("version");
        List<String> pseudo = fields.texts("pseudo");
        List<String> terminators = fields.texts("terminators");
        List<String> negatesNextWord = fields.texts("negatesNextWord");
        List<String> verbsKeepScope = fields.texts("verbsKeepScope");
        YamlFields quotations = fields.mapping("quotations", QUOTATION_KEYS);
        int minWords = quotations == null ? 0 : quotations.wholeNumber("minWords", true);
        List<String> namedBy = quotations == null ? null : quotations.texts("namedBy");
        int namedWithin = quotations == null ? 0 : quotations.wholeNumber("namedWithin", true);
        List<String> ownWords = quotations == null ? null : quotations.texts("ownWords");
        if (!problems.isEmpty()) {
            throw failure(file, problems);
        }
        if (entries.isEmpty()) {
            throw new InputException(file, "no context rules");
        }
        try {
            List<Rule> rules = new ArrayList<>();
            for (RuleEntry entry : entries) {
                rules.add(new Rule(parse(Category.class, entry.category()), parse(Direction.class, entry.direction()), entry.scope(),
                        entry.verbsEndScope(), entry.clauseBreaksEndScope() == null || entry.clauseBreaksEndScope(), entry.triggers()));
            }
            Quoting quoting = quotations == null ? Quoting.NONE : new Quoting(minWords, namedBy, namedWithin, ownWords);
            return new ContextRules(version, rules, pseudo, lower(terminators), lower(negatesNextWord), quoting, lower(verbsKeepScope));
        } catch (IllegalArgumentException invalid) {
            throw new InputException(file, invalid.getMessage());
        }
    }

    /** The first problem in line order, and how many more there are. */
    private static InputException failure(String file, List<YamlLines.Problem> problems) {
        List<YamlLines.Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(YamlLines.Problem::line));
        YamlLines.Problem first = sorted.get(0);
        return new InputException(file, (first.line() > 0 ? "line " + first.line() + ": " : "") + first.message()
                + (sorted.size() > 1 ? " (and " + (sorted.size() - 1) + " more)" : ""));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + value + "'");
        }
    }

    private static Set<String> lower(List<String> words) {
        return words == null ? Set.of() : words.stream().map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** A rule as written. */
    private record RuleEntry(String category, String direction, int scope, boolean verbsEndScope, Boolean clauseBreaksEndScope,
                             List<String> triggers) {
    }
}
