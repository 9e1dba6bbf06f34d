package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the codebook word a misspelt word stands for, when it is one edit away (a letter added,
 * dropped, changed, or two letters swapped) from a codebook word of at least {@value #MIN_LENGTH}
 * letters: "emotiuonally", "mutal". Uses a symmetric-deletion index so a lookup costs a handful of
 * hash probes, not a scan of the codebook. Immutable: share it between workers.
 */
final class TypoIndex {
    static final int MIN_LENGTH = 6;

    private final Map<String, String> keysByWord;
    private final Map<String, Set<String>> wordsByDeletion = new HashMap<>();
    private final int longest;

    TypoIndex(Map<String, String> keysByWord) {
        this.keysByWord = Map.copyOf(keysByWord);
        this.longest = keysByWord.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (String word : keysByWord.keySet()) {
            for (String variant : deletions(word)) {
                wordsByDeletion.computeIfAbsent(variant, unused -> new HashSet<>()).add(word);
            }
        }
    }

    /** The key of the single codebook word one edit from {@code word}, or null when none or several. */
    String keyFor(String word) {
        // a word two letters longer than every codebook word is no typo of one: its deletions (quadratic in its length) are never made
        if (word.length() < MIN_LENGTH - 1 || word.length() > longest + 1 || keysByWord.containsKey(word)
                || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        Set<String> candidates = new HashSet<>();
        for (String variant : deletions(word)) {
            for (String candidate : wordsByDeletion.getOrDefault(variant, Set.of())) {
                if (oneEditApart(word, candidate)) {
                    candidates.add(candidate);
                }
            }
        }
        return candidates.size() == 1 ? keysByWord.get(candidates.iterator().next()) : null;
    }

    /** The word itself and every one-letter deletion of it. */
    private static List<String> deletions(String word) {
        List<String> variants = new ArrayList<>(word.length() + 1);
        variants.add(word);
        for (int i = 0; i < word.length(); i++) {
            variants.add(word.substring(0, i) + word.substring(i + 1));
        }
        return variants;
    }

    /** Damerau–Levenshtein distance exactly 1. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    differences++;
                    first = first < 0 ? i : first;
                }
            }
            if (differences == 1) {
                return true;
            }
            return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        for (int i = 0; i < longer.length(); i++) {
            if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }
}
