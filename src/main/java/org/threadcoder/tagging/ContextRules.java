package org.threadcoder.tagging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

    /** Reads rules from a stream named {@code file} in messages. */
    public static ContextRules read(String file, InputStream stream) throws InputException {
        RulesFile parsed;
        try {
            byte[] bytes = stream.readAllBytes();
            List<YamlLines.Problem> problems = YamlLines.read(bytes).problems();
            if (!problems.isEmpty()) {
                YamlLines.Problem first = problems.get(0);
                throw new InputException(file, (first.line() > 0 ? "line " + first.line() + ": " : "") + first.message()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
            parsed = YAML.readValue(bytes, RulesFile.class);
        } catch (JsonProcessingException malformed) {
            JsonLocation where = malformed.getLocation();
            throw new InputException(file, (where == null ? "" : "line " + where.getLineNr() + ": ") + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InputException(file, "cannot read context rules: " + unreadable.getMessage(), unreadable);
        }
        if (parsed == null || parsed.rules == null || parsed.rules.isEmpty()) {
            throw new InputException(file, "no context rules");
        }
        try {
            List<Rule> rules = parsed.rules.stream().map(entry -> new Rule(parse(Category.class, entry.category),
                    parse(Direction.class, entry.direction), entry.scope, entry.verbsEndScope,
                    entry.clauseBreaksEndScope == null || entry.clauseBreaksEndScope, entry.triggers)).toList();
            Quoting quoting = parsed.quotations == null ? Quoting.NONE
                    : new Quoting(parsed.quotations.minWords, parsed.quotations.namedBy, parsed.quotations.namedWithin,
                    parsed.quotations.ownWords);
            return new ContextRules(parsed.version, rules, parsed.pseudo, lower(parsed.terminators), lower(parsed.negatesNextWord), quoting,
                    lower(parsed.verbsKeepScope));
        } catch (IllegalArgumentException invalid) {
            throw new InputException(file, invalid.getMessage());
        }
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

    /** The file as written. */
    static final class RulesFile {
        @JsonProperty public String version;
        @JsonProperty public List<String> terminators;
        @JsonProperty public List<String> negatesNextWord;
        @JsonProperty public List<String> verbsKeepScope;
        @JsonProperty public List<RuleEntry> rules;
        @JsonProperty public List<String> pseudo;
        @JsonProperty public QuotationsEntry quotations;
    }

    /** The quotation settings as written. */
    static final class QuotationsEntry {
        @JsonProperty public int minWords;
        @JsonProperty public List<String> namedBy;
        @JsonProperty public int namedWithin;
        @JsonProperty public List<String> ownWords;
    }

    /** A rule as written. */
    static final class RuleEntry {
        @JsonProperty public String category;
        @JsonProperty public String direction;
        @JsonProperty public int scope;
        @JsonProperty public boolean verbsEndScope;
        @JsonProperty public Boolean clauseBreaksEndScope;
        @JsonProperty public List<String> triggers;
    }
}
