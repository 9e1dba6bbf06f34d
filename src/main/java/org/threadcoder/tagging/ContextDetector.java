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
    private static final String NAMED_BY = "named-by";
    private static final String OWN_WORDS = "own-words";
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
        if (!rules.quoting().namedBy().isEmpty()) {
            byRule.put(NAMED_BY, rules.quoting().namedBy());
        }
        if (!rules.quoting().ownWords().isEmpty()) {
            byRule.put(OWN_WORDS, rules.quoting().ownWords());
        }
        this.triggers = TermMatcher.compile(byRule, termKeys);
    }

    /** Supplies POS tags of the tokens {@code [from, to)}, only when a rule needs them. */
    interface Tags {
        String[] get(int from, int to);
    }

    /**
     * What the punctuation of a sentence says about its tokens.
     *
     * @param question    whether each token stands before a question mark in its clause
     * @param clauseBreak whether clause punctuation (, ; : ( ) —) stands right before each token
     * @param quotations  the quotations the tokens stand in
     */
    record Marks(boolean[] question, boolean[] clauseBreak, Quotations quotations) {
    }

    /**
     * The context of each match. Negations in scope are counted: two cancel ("it doesn't mean that CBT isn't useful").
     *
     * @param words   the sentence's tokens (normalized, lower case)
     * @param keys    their word-family keys
     * @param matches the concept matches
     * @param marks   questions, clause breaks and quotations per token
     * @param tags    POS tags, computed on demand
     * @param trigger turns a token range into the source text of a trigger, for the record
     */
    List<Context> contexts(List<String> words, List<String[]> keys, List<TermMatcher.Match> matches, Marks marks, Tags tags,
                           Function<int[], String> trigger) {
        boolean[] question = marks.question();
        boolean[] clauseBreak = marks.clauseBreak();
        List<TermMatcher.Match> all = triggers.match(keys, words);
        List<TermMatcher.Match> namers = all.stream().filter(match -> match.term().conceptId().equals(NAMED_BY)).toList();
        List<TermMatcher.Match> ownWords = all.stream().filter(match -> match.term().conceptId().equals(OWN_WORDS)).toList();
        List<TermMatcher.Match> found = all.stream()
                .filter(match -> match.term().conceptId().startsWith("rule-")).toList();
        List<ContextRules.Rule> ruleOf = found.stream()
                .map(match -> rules.rules().get(Integer.parseInt(match.term().conceptId().substring("rule-".length())))).toList();
        Counts counts = new Counts(words, clauseBreak, matches);
        List<Context> contexts = new ArrayList<>(matches.size());
        for (TermMatcher.Match concept : matches) {
            Map<ContextRules.Category, String> set = new EnumMap<>(ContextRules.Category.class);
            List<String> negations = new ArrayList<>();
            for (int t = 0; t < found.size(); t++) {
                TermMatcher.Match triggerMatch = found.get(t);
                ContextRules.Rule rule = ruleOf.get(t);
                boolean negation = rule.category() == ContextRules.Category.NEGATED;
                if (!negation && set.containsKey(rule.category()) || overlaps(triggerMatch, concept)
                        || !inScope(rule, triggerMatch, concept, counts)) {
                    continue;
                }
                if (negation) {
                    // a negation word, not a phrase ("failed to find that…"), can negate the next word alone or contrast
                    boolean word = triggerMatch.end() - triggerMatch.first() == 1;
                    if (word && triggerMatch.end() < words.size() && rules.negatesNextWord().contains(words.get(triggerMatch.end()))) {
                        continue;
                    }
                    if (word && counts.conceptEndsAt(triggerMatch.first())) {
                        // "supports CBT not psychoanalysis": a negation word right after a concept contrasts two concepts
                        continue;
                    }
                    if (rule.verbsEndScope() && negatesAnAct(triggerMatch, concept, tags, words)) {
                        continue;
                    }
                    negations.add(trigger.apply(new int[] {triggerMatch.first(), triggerMatch.end()}));
                    continue;
                }
                set.put(rule.category(), trigger.apply(new int[] {triggerMatch.first(), triggerMatch.end()}));
            }
            if (negations.size() % 2 == 1) {
                set.put(ContextRules.Category.NEGATED, String.join(" ", negations));
            }
            if (!set.containsKey(ContextRules.Category.REPORTED)) {
                String quoted = quotedBy(concept, marks.quotations(), namers, ownWords, trigger);
                if (quoted != null) {
                    set.put(ContextRules.Category.REPORTED, quoted);
                }
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
     * Running counts over a sentence's tokens (terminators, clause breaks) and where concept matches end, so each
     * (trigger, concept) check is a subtraction rather than a walk over the words between them.
     */
    private final class Counts {
        private final int[] terminators;
        private final int[] clauseBreaks;
        private final boolean[] conceptEnds;

        Counts(List<String> words, boolean[] clauseBreak, List<TermMatcher.Match> concepts) {
            terminators = new int[words.size() + 1];
            clauseBreaks = new int[clauseBreak.length + 1];
            for (int i = 0; i < words.size(); i++) {
                terminators[i + 1] = terminators[i] + (rules.terminators().contains(words.get(i)) ? 1 : 0);
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

        boolean conceptEndsAt(int token) {
            return conceptEnds[token];
        }
    }

    /**
     * Why a concept inside a quotation is reported: "quotation" for a quotation of the rules' minimum length, the
     * naming word before a shorter one; null when it is not quoted or only scare-quoted.
     */
    private String quotedBy(TermMatcher.Match concept, Quotations quotations, List<TermMatcher.Match> namers,
                            List<TermMatcher.Match> ownWords, Function<int[], String> trigger) {
        ContextRules.Quoting quoting = rules.quoting();
        int first = quotations.start()[concept.first()];
        if (quoting.minWords() == 0 || first < 0 || quotations.start()[concept.end() - 1] != first
                || introduces(ownWords, first, quoting.namedWithin()) != null) {
            return null;
        }
        if (quotations.words()[concept.first()] >= quoting.minWords()) {
            return "quotation";
        }
        TermMatcher.Match namer = introduces(namers, first, quoting.namedWithin());
        return namer == null ? null : trigger.apply(new int[] {namer.first(), namer.end()});
    }

    /** The match ending at most {@code within} tokens before the quotation's first token, or null. */
    private static TermMatcher.Match introduces(List<TermMatcher.Match> candidates, int quotationStart, int within) {
        for (TermMatcher.Match candidate : candidates) {
            if (candidate.end() <= quotationStart && candidate.end() >= quotationStart - within) {
                return candidate;
            }
        }
        return null;
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
        return rule.scope() == 0 || !rule.clauseBreaksEndScope() || counts.clauseBreaks(from, to) == 0;
    }

    /**
     * "We don't protect privacy": a verb between the negation and the concept is what is negated. So is the concept's
     * own first word when it is a verb and the negation leans on an auxiliary ("can't access care", "were not
     * randomized"); "isn't exercise" and 'not "relapse"' deny the concept itself.
     */
    private boolean negatesAnAct(TermMatcher.Match trigger, TermMatcher.Match concept, Tags tags, List<String> words) {
        if (trigger.end() > concept.first()) {
            return false;
        }
        int from = Math.max(0, trigger.first() - 1);
        String[] window = tags.get(from, concept.first() + 1);
        // "can't" and "cannot" carry their auxiliary in the trigger itself
        boolean afterAuxiliary = window[0].startsWith("AUX") || window[trigger.first() - from].startsWith("AUX");
        for (int at = trigger.end(); at < concept.first(); at++) {
            // "don't have insurance", "never suffered from depression": a verb of having or undergoing denies its object
            if (VERB_TAGS.contains(window[at - from]) && !rules.verbsKeepScope().contains(words.get(at))) {
                return true;
            }
        }
        return afterAuxiliary && VERB_TAGS.contains(window[window.length - 1]);
    }

}
