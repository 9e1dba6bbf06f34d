package org.threadcoder.model;

import java.util.List;

/**
 * A proximity rule of a concept: a word of each group within {@code within} tokens of each other in
 * one sentence ("agree*" or "mutual" near "purpose" or "goal*"), for paraphrases a fixed phrase misses.
 */
public record NearRule(List<List<String>> groups, int within) implements java.io.Serializable {

    public NearRule {
        if (groups == null || groups.size() != 2 || groups.stream().anyMatch(group -> group == null || group.isEmpty())) {
            throw new IllegalArgumentException("a near rule needs exactly two non-empty word groups, got " + groups);
        }
        if (within < 1) {
            throw new IllegalArgumentException("a near rule's 'within' must be >= 1, got " + within);
        }
        groups = groups.stream().map(List::copyOf).toList();
        groups.forEach(group -> group.forEach(word -> RuleWords.requireOneWord(word, "a near rule's group word")));
    }

    /** How the rule reads in outputs: {@code near(agree*|mutual; purpose|goal*; 5)}. */
    public String describe() {
        return "near(" + String.join("|", groups.get(0)) + "; " + String.join("|", groups.get(1)) + "; " + within + ")";
    }
}
