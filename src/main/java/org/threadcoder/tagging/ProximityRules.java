package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.List;
import org.threadcoder.tagging.TermMatcher.Match;
import org.threadcoder.tagging.TermMatcher.Term;
import org.threadcoder.tagging.TermMatcher.TokenFacts;

/**
 * A codebook's proximity rules ({@code near: [[agree*, together], [goal*]], within: 4}), compiled: a
 * rule fires on the closest pair of a word of its first group and one of its second within its
 * distance. The first {@value #BITS} rules' groups are bits of a token's {@link TokenFacts#nearGroups}, so
 * a sentence lacking one of a rule's groups is ruled out without a scan; a rule past them is checked
 * word by word.
 */
final class ProximityRules {
    /** Rules whose groups are bits of a token's group mask (two bits each in a long). */
    static final int BITS = 32;

    /** A rule compiled: the term it reports and its two groups. */
    private record Rule(Term term, WordGroup first, WordGroup second, int within) {
    }

    private final List<Rule> rules = new ArrayList<>();

    void add(Term term, WordGroup first, WordGroup second, int within) {
        rules.add(new Rule(term, first, second, within));
    }

    /** Whether a word of some rule's first group is this token: a match may start there. */
    boolean startsAny(String[] keys, String word) {
        for (Rule rule : rules) {
            if (rule.first().contains(keys, word)) {
                return true;
            }
        }
        return false;
    }

    /** The groups a token is in: bit {@code 2r} for rule r's first group, {@code 2r + 1} for its second. */
    long groups(String[] keys, String word) {
        long bits = 0;
        for (int r = 0; r < rules.size() && r < BITS; r++) {
            Rule rule = rules.get(r);
            bits |= rule.first().contains(keys, word) ? 1L << 2 * r : 0;
            bits |= rule.second().contains(keys, word) ? 1L << 2 * r + 1 : 0;
        }
        return bits;
    }

    /** Whether some rule may fire on the tokens: both its groups are present (or it is past the bits). */
    boolean anyCanFire(TokenFacts facts) {
        for (int r = 0; r < rules.size(); r++) {
            if (r >= BITS || bothGroupsPresent(facts, r)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return rules.size();
    }

    String conceptOf(int rule) {
        return rules.get(rule).term().conceptId();
    }

    /**
     * Rule {@code r}'s closest pair within its distance, or null. {@code taken} marks words a term of another
     * concept holds: such a word is not the pair's first word ("working" of "working alliance"), but may be its
     * second ("the drugs worked" is an outcome of a medication).
     */
    Match closestPair(int r, List<String[]> tokenKeys, List<String> tokenTexts, boolean[] taken, TokenFacts facts) {
        if (r < BITS && !bothGroupsPresent(facts, r)) {
            return null;
        }
        Rule rule = rules.get(r);
        Match best = null;
        for (int i = 0; i < tokenKeys.size(); i++) {
            if (taken[i] || !inGroup(rule, r, true, i, tokenKeys, tokenTexts, facts)) {
                continue;
            }
            int from = Math.max(0, i - rule.within());
            int to = Math.min(tokenKeys.size() - 1, i + rule.within());
            for (int j = from; j <= to; j++) {
                if (j != i && inGroup(rule, r, false, j, tokenKeys, tokenTexts, facts)) {
                    Match candidate = new Match(Math.min(i, j), Math.max(i, j) + 1, rule.term());
                    if (best == null || candidate.length() < best.length()) {
                        best = candidate;
                    }
                }
            }
        }
        return best;
    }

    private static boolean bothGroupsPresent(TokenFacts facts, int rule) {
        long first = 1L << 2 * rule;
        long second = 1L << 2 * rule + 1;
        boolean seenFirst = false;
        boolean seenSecond = false;
        for (long groups : facts.nearGroups()) {
            seenFirst |= (groups & first) != 0;
            seenSecond |= (groups & second) != 0;
        }
        return seenFirst && seenSecond;
    }

    /** Whether token {@code i} is in the first (or second) group of rule {@code r}. */
    private static boolean inGroup(Rule rule, int r, boolean firstGroup, int i, List<String[]> tokenKeys, List<String> tokenTexts,
                                   TokenFacts facts) {
        if (r < BITS) {
            return (facts.nearGroups()[i] & 1L << 2 * r + (firstGroup ? 0 : 1)) != 0;
        }
        return (firstGroup ? rule.first() : rule.second()).contains(tokenKeys.get(i), tokenTexts.get(i));
    }
}
