package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.threadcoder.model.Context;

/**
 * Sets context attributes on the concept matches of a sentence from {@link ContextRules}: triggers
 * are found with the same word-family trie as codebook terms (pseudo-triggers compete with them, so
 * "not only" cancels "not"), then each trigger marks the matches within its scope and direction.
 * Immutable after construction: share it between workers.
 */
final class ContextDetector {
    private static final String PSEUDO = "pseudo";
    private static final Set<String> VERB_TAGS = Set.of("VERB", "AUX");

    private final ContextRules rules;
    private final TermMatcher triggers;

    ContextDetector(ContextRules rules, Function<String, List<String>> termKeys) {
        this.rules = rules;
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            byRule.put("rule-" + i, rules.rules().get(i).triggers());
        }
        byRule.put(PSEUDO, rules.pseudo());
        this.triggers = TermMatcher.compile(byRule, termKeys);
    }

    /** Supplies POS tags of the tokens {@code [from, to)}, only when a rule needs them. */
    interface Tags {
        String[] get(int from, int to);
    }

    /**
     * The context of each match.
     *
     * @param words    the sentence's tokens (normalized, lower case)
     * @param keys     their word-family keys
     * @param matches  the concept matches
     * @param question whether each token stands before a question mark in its clause
     * @param clauseBreak whether clause punctuation (, ; : ( ) —) stands right before each token
     * @param tags     POS tags, computed on demand
     * @param trigger  turns a token range into the source text of a trigger, for the record
     */
    List<Context> contexts(List<String> words, List<String[]> keys, List<TermMatcher.Match> matches, boolean[] question,
                           boolean[] clauseBreak, Tags tags, Function<int[], String> trigger) {
        List<TermMatcher.Match> found = triggers.match(keys, words).stream()
                .filter(match -> !match.term().conceptId().equals(PSEUDO)).toList();
        List<Context> contexts = new ArrayList<>(matches.size());
        for (TermMatcher.Match concept : matches) {
            Map<ContextRules.Category, String> set = new EnumMap<>(ContextRules.Category.class);
            for (TermMatcher.Match triggerMatch : found) {
                ContextRules.Rule rule = rules.rules().get(Integer.parseInt(triggerMatch.term().conceptId().substring("rule-".length())));
                if (set.containsKey(rule.category()) || overlaps(triggerMatch, concept) || !inScope(rule, triggerMatch, concept, words, clauseBreak)) {
                    continue;
                }
                if (rule.category() == ContextRules.Category.NEGATED) {
                    if (triggerMatch.end() < words.size() && rules.negatesNextWord().contains(words.get(triggerMatch.end()))) {
                        continue;
                    }
                    if (isContrast(triggerMatch, matches)) {
                        continue;
                    }
                    if (rule.verbsEndScope() && triggerMatch.end() < concept.first() && !onlyDeterminers(words, triggerMatch.end(), concept.first())
                            && verbBetween(tags.get(triggerMatch.end(), concept.first()))) {
                        continue;
                    }
                }
                set.put(rule.category(), trigger.apply(new int[] {triggerMatch.first(), triggerMatch.end()}));
            }
            if (question[concept.first()]) {
                set.putIfAbsent(ContextRules.Category.QUESTION, "?");
            }
            contexts.add(set.isEmpty() ? Context.ASSERTED : new Context(set.containsKey(ContextRules.Category.NEGATED),
                    set.containsKey(ContextRules.Category.HYPOTHETICAL), set.containsKey(ContextRules.Category.UNCERTAIN),
                    set.containsKey(ContextRules.Category.REPORTED), set.containsKey(ContextRules.Category.QUESTION),
                    String.join("; ", new java.util.LinkedHashSet<>(set.values()))));
        }
        return contexts;
    }

    /** "supports CBT not psychoanalysis": a negation right after a concept contrasts two concepts. */
    private static boolean isContrast(TermMatcher.Match trigger, List<TermMatcher.Match> concepts) {
        for (TermMatcher.Match concept : concepts) {
            if (concept.end() == trigger.first()) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(TermMatcher.Match trigger, TermMatcher.Match concept) {
        return trigger.first() < concept.end() && concept.first() < trigger.end();
    }

    /** Whether the concept starts within the trigger's scope and direction, with no terminator between. */
    private boolean inScope(ContextRules.Rule rule, TermMatcher.Match trigger, TermMatcher.Match concept, List<String> words,
                            boolean[] clauseBreak) {
        boolean after = concept.first() >= trigger.end();
        boolean before = concept.end() <= trigger.first();
        int distance;
        int from;
        int to;
        if (after && rule.direction() != ContextRules.Direction.BACKWARD) {
            distance = concept.first() - trigger.end();
            from = trigger.end();
            to = concept.first();
        } else if (before && rule.direction() != ContextRules.Direction.FORWARD) {
            distance = trigger.first() - concept.end();
            from = concept.end();
            to = trigger.first();
        } else {
            return false;
        }
        if (rule.scope() > 0 && distance >= rule.scope()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (rules.terminators().contains(words.get(i))) {
                return false;
            }
        }
        for (int i = from; i <= to && rule.scope() > 0; i++) {
            if (i < clauseBreak.length && clauseBreak[i]) {
                return false;
            }
        }
        return true;
    }

    /** Words that are never verbs: with only these between trigger and concept ("not a", "no real") the tagger is not needed. */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "any", "this", "that", "these", "those", "such", "more",
            "much", "many", "enough", "real", "single", "clear", "good", "strong", "further", "of", "my", "our", "their", "your");

    private static boolean onlyDeterminers(List<String> words, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!DETERMINERS.contains(words.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean verbBetween(String[] tags) {
        for (String tag : tags) {
            if (VERB_TAGS.contains(tag)) {
                return true;
            }
        }
        return false;
    }
}
