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
        List<ContextRules.Rule> ruleOf = found.stream()
                .map(match -> rules.rules().get(Integer.parseInt(match.term().conceptId().substring("rule-".length())))).toList();
        Counts counts = new Counts(words, clauseBreak, matches);
        List<Context> contexts = new ArrayList<>(matches.size());
        for (TermMatcher.Match concept : matches) {
            Map<ContextRules.Category, String> set = new EnumMap<>(ContextRules.Category.class);
            for (int t = 0; t < found.size(); t++) {
                TermMatcher.Match triggerMatch = found.get(t);
                ContextRules.Rule rule = ruleOf.get(t);
                if (set.containsKey(rule.category()) || overlaps(triggerMatch, concept) || !inScope(rule, triggerMatch, concept, counts)) {
                    continue;
                }
                if (rule.category() == ContextRules.Category.NEGATED) {
                    if (triggerMatch.end() < words.size() && rules.negatesNextWord().contains(words.get(triggerMatch.end()))) {
                        continue;
                    }
                    if (counts.conceptEndsAt(triggerMatch.first())) {
                        // "supports CBT not psychoanalysis": a negation right after a concept contrasts two concepts
                        continue;
                    }
                    if (rule.verbsEndScope() && triggerMatch.end() < concept.first()
                            && counts.nonDeterminers(triggerMatch.end(), concept.first()) > 0
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

    /**
     * Running counts over a sentence's tokens (terminators, clause breaks, words other than
     * determiners) and where concept matches end, so each (trigger, concept) check is a subtraction
     * rather than a walk over the words between them.
     */
    private final class Counts {
        private final int[] terminators;
        private final int[] clauseBreaks;
        private final int[] nonDeterminers;
        private final boolean[] conceptEnds;

        Counts(List<String> words, boolean[] clauseBreak, List<TermMatcher.Match> concepts) {
            terminators = new int[words.size() + 1];
            clauseBreaks = new int[clauseBreak.length + 1];
            nonDeterminers = new int[words.size() + 1];
            for (int i = 0; i < words.size(); i++) {
                terminators[i + 1] = terminators[i] + (rules.terminators().contains(words.get(i)) ? 1 : 0);
                nonDeterminers[i + 1] = nonDeterminers[i] + (DETERMINERS.contains(words.get(i)) ? 0 : 1);
            }
            for (int i = 0; i < clauseBreak.length; i++) {
                clauseBreaks[i + 1] = clauseBreaks[i] + (clauseBreak[i] ? 1 : 0);
            }
            conceptEnds = new boolean[words.size() + 1];
            for (TermMatcher.Match concept : concepts) {
                conceptEnds[concept.end()] = true;
            }
        }

        int terminators(int from, int to) {
            return terminators[to] - terminators[from];
        }

        /** Clause breaks at tokens {@code from..to}, both included (a break before the concept's first word counts). */
        int clauseBreaks(int from, int to) {
            int end = Math.min(to + 1, clauseBreaks.length - 1);
            return from >= end ? 0 : clauseBreaks[end] - clauseBreaks[from];
        }

        int nonDeterminers(int from, int to) {
            return nonDeterminers[to] - nonDeterminers[from];
        }

        boolean conceptEndsAt(int token) {
            return conceptEnds[token];
        }
    }

    private static boolean overlaps(TermMatcher.Match trigger, TermMatcher.Match concept) {
        return trigger.first() < concept.end() && concept.first() < trigger.end();
    }

    /** Whether the concept starts within the trigger's scope and direction, with no terminator between. */
    private static boolean inScope(ContextRules.Rule rule, TermMatcher.Match trigger, TermMatcher.Match concept, Counts counts) {
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
        if (counts.terminators(from, to) > 0) {
            return false;
        }
        return rule.scope() == 0 || counts.clauseBreaks(from, to) == 0;
    }

    /** Words that are never verbs: with only these between trigger and concept ("not a", "no real") the tagger is not needed. */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "any", "this", "that", "these", "those", "such", "more",
            "much", "many", "enough", "real", "single", "clear", "good", "strong", "further", "of", "my", "our", "their", "your");

    private static boolean verbBetween(String[] tags) {
        for (String tag : tags) {
            if (VERB_TAGS.contains(tag)) {
                return true;
            }
        }
        return false;
    }
}
