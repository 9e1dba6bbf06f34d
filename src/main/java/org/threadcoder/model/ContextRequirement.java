package org.threadcoder.model;

import java.util.List;

/**
 * A word a concept's mention needs beside it in its sentence, so a sense the codebook does not mean
 * is left alone: "trust" between partners is not the therapy bond unless a therapy word stands near,
 * everyday "evidence" is not research evidence unless a study word does.
 *
 * @param terms  the concept's terms (and proximity rules, as {@link NearRule#describe()} writes them)
 *               that need it; empty for all of them
 * @param words  the context words, any one of which will do ({@code therap*} wildcards allowed)
 * @param within how many tokens away from the mention a context word may stand; 0 for anywhere in the sentence
 */
public record ContextRequirement(List<String> terms, List<String> words, int within) implements java.io.Serializable {

    public ContextRequirement {
        terms = terms == null ? List.of() : List.copyOf(terms);
        if (words == null || words.isEmpty() || words.stream().anyMatch(word -> word == null || word.isBlank())) {
            throw new IllegalArgumentException("a 'requires' rule needs at least one context word, got " + words);
        }
        words = List.copyOf(words);
        for (String word : words) {
            RuleWords.requireOneWord(word, "a 'requires' context word");
        }
        if (within < 0) {
            throw new IllegalArgumentException("a 'requires' rule's 'within' must be >= 0 (0: anywhere in the sentence), got " + within);
        }
    }

    /** Whether the rule applies to a mention made by {@code term} (a term as written, or a rule's description). */
    public boolean covers(String term) {
        return terms.isEmpty() || terms.contains(term);
    }

    /** How the rule reads in outputs: {@code requires(therap*|client; 8)}. */
    public String describe() {
        return "requires(" + String.join("|", words) + "; " + (within == 0 ? "sentence" : within) + ")";
    }
}
