package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;

/**
 * The codebook compiled once into a trie of word-family keys, so matching a sentence walks its
 * tokens once instead of looping over terms. Immutable after compilation: share it between workers.
 */
public final class TermMatcher {
    /** Words a text may put inside a term without breaking it ("meeting of the minds" for "meeting of minds"). */
    private static final Set<String> SKIPPABLE = Set.of("the", "a", "an");

    /** A codebook term of a concept. */
    record Term(String conceptId, String text, int words) {
    }

    /** A term found over tokens {@code [first, end)}. */
    record Match(int first, int end, Term term) {
        int length() {
            return end - first;
        }
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Term> terms = new ArrayList<>();
    }

    private final Node root = new Node();
    private final Set<String> vocabulary = new HashSet<>();

    private TermMatcher() {
    }

    /**
     * Compiles a codebook.
     *
     * @param codebook  the concepts and their terms
     * @param termKeys  turns a term into its word keys, the same way sentence tokens are keyed
     */
    public static TermMatcher compile(Codebook codebook, Function<String, List<String>> termKeys) {
        Map<String, List<String>> termsById = new java.util.LinkedHashMap<>();
        for (Concept concept : codebook.concepts()) {
            termsById.put(concept.id(), concept.terms());
        }
        return compile(termsById, termKeys);
    }

    /** Compiles terms grouped by an id (a concept, or a context rule). */
    static TermMatcher compile(Map<String, List<String>> termsById, Function<String, List<String>> termKeys) {
        TermMatcher matcher = new TermMatcher();
        for (Map.Entry<String, List<String>> entry : termsById.entrySet()) {
            for (String term : entry.getValue()) {
                List<String> keys = termKeys.apply(term);
                if (keys.isEmpty()) {
                    continue;
                }
                Node node = matcher.root;
                for (String key : keys) {
                    node = node.children.computeIfAbsent(key, unused -> new Node());
                    matcher.vocabulary.add(key);
                }
                node.terms.add(new Term(entry.getKey(), term, keys.size()));
            }
        }
        return matcher;
    }

    /** Whether any term has this word key: a sentence without one cannot match and need not be lemmatized. */
    boolean knows(String key) {
        return vocabulary.contains(key);
    }

    /**
     * Finds terms over tokens, each token given by its keys (surface and lemma family). Per concept the
     * longest match wins; a match inside a longer match of another concept is dropped
     * ("purpose" inside "agreement about purpose").
     */
    List<Match> match(List<String[]> tokenKeys, List<String> tokenTexts) {
        List<Match> found = new ArrayList<>();
        for (int first = 0; first < tokenKeys.size(); first++) {
            Node node = root;
            int i = first;
            while (i < tokenKeys.size()) {
                Node next = child(node, tokenKeys.get(i));
                if (next == null) {
                    if (i > first && SKIPPABLE.contains(tokenTexts.get(i))) {
                        i++;
                        continue;
                    }
                    break;
                }
                node = next;
                i++;
                for (Term term : node.terms) {
                    found.add(new Match(first, i, term));
                }
            }
        }
        found.sort(Comparator.comparingInt(Match::length).reversed().thenComparingInt(Match::first).thenComparing(match -> match.term().conceptId()));
        List<Match> kept = new ArrayList<>();
        for (Match candidate : found) {
            boolean shadowed = false;
            for (Match chosen : kept) {
                boolean sameConceptOverlap = chosen.term().conceptId().equals(candidate.term().conceptId())
                        && candidate.first() < chosen.end() && chosen.first() < candidate.end();
                boolean inside = chosen.first() <= candidate.first() && candidate.end() <= chosen.end() && chosen.length() > candidate.length();
                if (sameConceptOverlap || inside) {
                    shadowed = true;
                    break;
                }
            }
            if (!shadowed) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Match::first).thenComparingInt(Match::end).thenComparing(match -> match.term().conceptId()));
        return kept;
    }

    private static Node child(Node node, String[] keys) {
        for (String key : keys) {
            Node next = node.children.get(key);
            if (next != null) {
                return next;
            }
        }
        return null;
    }
}
