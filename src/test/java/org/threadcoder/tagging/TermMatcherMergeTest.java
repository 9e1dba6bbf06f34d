package org.threadcoder.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TermMatcher#match} keeps matches in one pass with lookups; this checks it against the
 * plain definition (each candidate compared with every match kept so far) on random sentences.
 */
class TermMatcherMergeTest {
    private static final String[] WORDS = {"shared", "goals", "work", "alliance", "trust"};

    /** Terms of three concepts over five words, overlapping on purpose, and one exclusion phrase. */
    private static Map<String, List<String>> terms() {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        terms.put("goals", List.of("goals", "shared goals", "goals work"));
        terms.put("alliance", List.of("alliance", "work alliance", "shared goals work alliance", "trust"));
        terms.put("trust", List.of("trust", "alliance trust", "goals"));
        terms.put("!goals", List.of("work goals"));
        return terms;
    }

    @Test
    void theOnePassMergeKeepsWhatTheDefinitionKeeps() {
        TermMatcher matcher = TermMatcher.compile(terms(), term -> List.of(term.split(" ")));
        Random random = new Random(11);
        int kept = 0;
        for (int trial = 0; trial < 2000; trial++) {
            List<String> words = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                words.add(WORDS[random.nextInt(WORDS.length)]);
            }
            List<String[]> keys = words.stream().map(word -> new String[] {word}).toList();
            List<String> actual = matcher.match(keys, words).stream().map(TermMatcherMergeTest::describe).toList();
            List<String> expected = definition(words).stream().map(TermMatcherMergeTest::describe).toList();
            assertEquals(expected, actual, String.join(" ", words));
            kept += actual.size();
        }
        System.out.println("term merge: 2000 random sentences agree with the definition, " + kept + " matches kept");
    }

    private static String describe(TermMatcher.Match match) {
        return match.term().conceptId() + "[" + match.first() + "," + match.end() + ")" + match.term().text();
    }

    /** Every occurrence of every term, then the rules as first written: longest first, compared with all kept. */
    private static List<TermMatcher.Match> definition(List<String> words) {
        List<TermMatcher.Match> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> concept : terms().entrySet()) {
            for (String term : concept.getValue()) {
                String[] parts = term.split(" ");
                for (int first = 0; first + parts.length <= words.size(); first++) {
                    if (List.of(parts).equals(words.subList(first, first + parts.length))) {
                        found.add(new TermMatcher.Match(first, first + parts.length, new TermMatcher.Term(concept.getKey(), term, parts.length)));
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(TermMatcher.Match::length).reversed().thenComparingInt(TermMatcher.Match::first)
                .thenComparing(match -> match.term().conceptId()));
        List<TermMatcher.Match> exclusions = found.stream().filter(match -> match.term().conceptId().startsWith("!")).toList();
        List<TermMatcher.Match> kept = new ArrayList<>();
        for (TermMatcher.Match candidate : found) {
            if (candidate.term().conceptId().startsWith("!") || exclusions.stream().anyMatch(exclusion ->
                    exclusion.term().conceptId().equals("!" + candidate.term().conceptId()) && overlap(exclusion, candidate))) {
                continue;
            }
            boolean shadowed = kept.stream().anyMatch(chosen -> chosen.term().conceptId().equals(candidate.term().conceptId()) && overlap(chosen, candidate)
                    || chosen.first() <= candidate.first() && candidate.end() <= chosen.end() && chosen.length() > candidate.length());
            if (!shadowed) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(TermMatcher.Match::first).thenComparingInt(TermMatcher.Match::end)
                .thenComparing(match -> match.term().conceptId()));
        return kept;
    }

    private static boolean overlap(TermMatcher.Match a, TermMatcher.Match b) {
        return a.first() < b.end() && b.first() < a.end();
    }
}
