package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.ContextRequirement;
import org.threadcoder.model.NearRule;

/**
 * The codebook compiled once into a trie of word-family keys, so matching a sentence walks its
 * tokens once instead of looping over terms. Terms may hold wildcards ({@code therap*}: any word
 * starting so) and optional words ({@code meeting of (the) minds}); concepts may add proximity
 * rules and exclusion phrases. Immutable after compilation: share it between workers.
 */
public final class TermMatcher {
    /** Words a text may put inside a term without breaking it ("meeting of the minds" for "meeting of minds"). */
    private static final Set<String> SKIPPABLE = Set.of("the", "a", "an");
    private static final Pattern OPTIONAL = Pattern.compile("\\(([^()]+)\\)");
    private static final int MAX_VARIANTS = 64;
    private static final String EXCLUDE = "!";
    private static final int MAX_SKIPPED = 3;

    /** A codebook term (or rule) of a concept, as written. */
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
        final Map<String, Node> prefixes = new LinkedHashMap<>();
        final List<Term> terms = new ArrayList<>();
    }

    private final Node root = new Node();
    private final Set<String> vocabulary = new HashSet<>();
    private final List<String> prefixVocabulary = new ArrayList<>();
    private final ProximityRules nearRules = new ProximityRules();
    /** Per concept, its context requirements with their words compiled to keys and wildcard prefixes. */
    private final Map<String, List<CompiledRequirement>> requirements = new HashMap<>();
    private final Map<String, String> surfaceWords = new HashMap<>();

    private TermMatcher() {
    }

    /**
     * Compiles a codebook.
     *
     * @param codebook the concepts, their terms, proximity rules and exclusions
     * @param termKeys turns a term into its word keys, the same way sentence tokens are keyed; a
     *                 wildcard word comes back as its prefix followed by {@code *}
     */
    public static TermMatcher compile(Codebook codebook, Function<String, List<String>> termKeys) {
        Map<String, List<String>> termsById = new LinkedHashMap<>();
        for (Concept concept : codebook.concepts()) {
            termsById.put(concept.id(), concept.terms());
            if (!concept.exclude().isEmpty()) {
                termsById.put(EXCLUDE + concept.id(), concept.exclude());
            }
        }
        TermMatcher matcher = compile(termsById, termKeys);
        for (Concept concept : codebook.concepts()) {
            for (NearRule rule : concept.near()) {
                matcher.addNear(concept.id(), rule, termKeys);
            }
            for (ContextRequirement rule : concept.requires()) {
                matcher.requirements.computeIfAbsent(concept.id(), unused -> new ArrayList<>()).add(new CompiledRequirement(rule, WordGroup.of(rule.words(), termKeys)));
            }
        }
        return matcher;
    }

    /** Compiles terms grouped by an id (a concept, or a context rule). */
    static TermMatcher compile(Map<String, List<String>> termsById, Function<String, List<String>> termKeys) {
        TermMatcher matcher = new TermMatcher();
        for (Map.Entry<String, List<String>> entry : termsById.entrySet()) {
            for (String term : entry.getValue()) {
                for (String variant : variants(term)) {
                    matcher.add(entry.getKey(), term, variant, termKeys);
                }
            }
        }
        return matcher;
    }

    private void add(String id, String term, String variant, Function<String, List<String>> termKeys) {
        List<String> keys = termKeys.apply(variant);
        if (keys.isEmpty()) {
            return;
        }
        Node node = root;
        for (String key : keys) {
            if (key.endsWith("*")) {
                String prefix = key.substring(0, key.length() - 1);
                node = node.prefixes.computeIfAbsent(prefix, unused -> new Node());
                prefixVocabulary.add(prefix);
            } else {
                node = node.children.computeIfAbsent(key, unused -> new Node());
                vocabulary.add(key);
            }
        }
        node.terms.add(new Term(id, term, keys.size()));
        if (!id.startsWith(EXCLUDE)) {
            for (String word : variant.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}*]+")) {
                if (word.length() >= TypoIndex.MIN_LENGTH && !word.endsWith("*")) {
                    List<String> wordKeys = termKeys.apply(word);
                    surfaceWords.putIfAbsent(word, wordKeys.isEmpty() ? word : wordKeys.get(0));
                }
            }
        }
    }

    private void addNear(String conceptId, NearRule rule, Function<String, List<String>> termKeys) {
        WordGroup first = WordGroup.of(rule.groups().get(0), termKeys);
        WordGroup second = WordGroup.of(rule.groups().get(1), termKeys);
        for (WordGroup group : List.of(first, second)) {
            vocabulary.addAll(group.keys());
            prefixVocabulary.addAll(group.prefixes());
        }
        nearRules.add(new Term(conceptId, rule.describe(), 2), first, second, rule.within());
    }

    /** A context requirement compiled: its words as keys and wildcard prefixes. */
    private record CompiledRequirement(ContextRequirement rule, WordGroup words) {
    }

    /** Whether a match has, for each requirement covering its term, a context word close enough (outside the match itself). */
    private boolean meetsRequirements(Match match, List<String[]> tokenKeys, List<String> tokenTexts) {
        for (CompiledRequirement requirement : requirements.getOrDefault(match.term().conceptId(), List.of())) {
            if (!requirement.rule().covers(match.term().text())) {
                continue;
            }
            int within = requirement.rule().within();
            int from = within == 0 ? 0 : Math.max(0, match.first() - within);
            int to = within == 0 ? tokenKeys.size() : Math.min(tokenKeys.size(), match.end() + within);
            boolean found = false;
            for (int i = from; i < to && !found; i++) {
                boolean inside = i >= match.first() && i < match.end();
                found = !inside && requirement.words().contains(tokenKeys.get(i), tokenTexts.get(i));
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Expands optional words: {@code meeting of (the) minds} gives both readings. */
    static List<String> variants(String term) {
        List<String> variants = new ArrayList<>(List.of(term));
        for (int guard = 0; guard < 8; guard++) {
            List<String> next = new ArrayList<>();
            boolean expanded = false;
            for (String variant : variants) {
                Matcher optional = OPTIONAL.matcher(variant);
                if (optional.find() && next.size() < MAX_VARIANTS) {
                    next.add(collapse(variant.substring(0, optional.start()) + optional.group(1) + variant.substring(optional.end())));
                    next.add(collapse(variant.substring(0, optional.start()) + variant.substring(optional.end())));
                    expanded = true;
                } else {
                    next.add(variant);
                }
            }
            variants = next;
            if (!expanded) {
                break;
            }
        }
        return variants;
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether a match can start at a token with these keys: a term's first word, or a word of a proximity rule's
     * first group. A sentence with no such token has no match, so it needs no walk.
     */
    boolean canStart(String[] keys, String word) {
        return startsTerm(keys, word) || nearRules.startsAny(keys, word);
    }

    /** Whether any term or proximity rule has this word key (wildcards: see {@link #knowsPrefixOf}). */
    boolean knows(String key) {
        return vocabulary.contains(key);
    }

    /** Whether a word starts with a wildcard prefix. */
    boolean knowsPrefixOf(String word) {
        for (String prefix : prefixVocabulary) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Codebook words of at least {@link TypoIndex#MIN_LENGTH} letters with their keys, for typo tolerance. */
    Map<String, String> surfaceWords() {
        return Map.copyOf(surfaceWords);
    }

    /**
     * Finds terms over tokens, each token given by its keys (surface and lemma family) and its text.
     * Per concept the longest match wins; a match inside a longer match of another concept is dropped
     * ("purpose" inside "agreement about purpose"); an exclusion phrase cancels its concept's matches
     * that it overlaps; proximity rules add a match where no term of their concept did.
     */
    List<Match> match(List<String[]> tokenKeys, List<String> tokenTexts) {
        boolean[] mayStart = new boolean[tokenKeys.size()];
        long[] nearGroups = new long[tokenKeys.size()];
        for (int i = 0; i < mayStart.length; i++) {
            mayStart[i] = startsTerm(tokenKeys.get(i), tokenTexts.get(i));
            nearGroups[i] = nearGroups(tokenKeys.get(i), tokenTexts.get(i));
        }
        return match(tokenKeys, tokenTexts, new TokenFacts(mayStart, nearGroups));
    }

    /**
     * What matching needs to know of each token before it walks, the same for a word wherever it stands (so a
     * caller may keep it per word): whether a term can start at it ({@link #startsTerm}) and the proximity groups
     * it is in ({@link #nearGroups}).
     */
    record TokenFacts(boolean[] mayStart, long[] nearGroups) {
    }

    /** Whether a term's first word is this token (a key of it, or a wildcard it starts with). */
    boolean startsTerm(String[] keys, String word) {
        for (String key : keys) {
            if (root.children.containsKey(key)) {
                return true;
            }
        }
        for (String prefix : root.prefixes.keySet()) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The proximity groups a token is in: bit {@code 2r} for rule r's first group, {@code 2r + 1} for its second. */
    long nearGroups(String[] keys, String word) {
        return nearRules.groups(keys, word);
    }

    /** As {@link #match(List, List)}, given the tokens' {@link TokenFacts}. */
    List<Match> match(List<String[]> tokenKeys, List<String> tokenTexts, TokenFacts facts) {
        List<Match> found = new ArrayList<>();
        for (int first = 0; first < tokenKeys.size(); first++) {
            // a walk from the root advances only on a term's first word
            if (facts.mayStart()[first]) {
                walk(root, first, first, 0, tokenKeys, tokenTexts, found);
            }
        }
        if (found.isEmpty() && !nearRules.anyCanFire(facts)) {
            return new ArrayList<>();
        }
        found.sort(Comparator.comparingInt(Match::length).reversed().thenComparingInt(Match::first).thenComparing(match -> match.term().conceptId()));
        // one pass over the candidates, longest first: each check is a lookup, not a scan of what was kept
        Map<String, BitSet> exclusions = new HashMap<>();
        for (Match match : found) {
            if (match.term().conceptId().startsWith(EXCLUDE)) {
                exclusions.computeIfAbsent(match.term().conceptId().substring(EXCLUDE.length()), unused -> new BitSet())
                        .set(match.first(), match.end());
            }
        }
        Map<String, TreeMap<Integer, Integer>> keptByConcept = new HashMap<>();
        LongestEnds longer = new LongestEnds(tokenKeys.size());
        List<Match> kept = new ArrayList<>();
        List<Match> sameLength = new ArrayList<>();
        for (Match candidate : found) {
            if (!sameLength.isEmpty() && sameLength.get(0).length() != candidate.length()) {
                sameLength.forEach(longer::add);
                sameLength.clear();
            }
            String concept = candidate.term().conceptId();
            if (concept.startsWith(EXCLUDE) || excluded(candidate, exclusions) || !meetsRequirements(candidate, tokenKeys, tokenTexts)) {
                continue;
            }
            // shadowed: overlaps a kept match of its concept, or lies inside a longer kept match of any concept
            TreeMap<Integer, Integer> ofConcept = keptByConcept.computeIfAbsent(concept, unused -> new TreeMap<>());
            if (overlapsAny(ofConcept, candidate) || longer.reachesFrom(candidate.first()) >= candidate.end()) {
                continue;
            }
            kept.add(candidate);
            ofConcept.put(candidate.first(), candidate.end());
            sameLength.add(candidate);
        }
        // a word a term of another concept already holds ("working" of "working alliance") cannot be a proximity rule's first word
        boolean[] taken = new boolean[tokenKeys.size()];
        for (Match match : kept) {
            for (int token = match.first(); token < match.end(); token++) {
                taken[token] = true;
            }
        }
        for (int r = 0; r < nearRules.size(); r++) {
            Match near = nearRules.closestPair(r, tokenKeys, tokenTexts, taken, facts);
            TreeMap<Integer, Integer> ofConcept = keptByConcept.computeIfAbsent(nearRules.conceptOf(r), unused -> new TreeMap<>());
            if (near != null && !overlapsAny(ofConcept, near) && !excluded(near, exclusions) && meetsRequirements(near, tokenKeys, tokenTexts)) {
                kept.add(near);
                ofConcept.put(near.first(), near.end());
            }
        }
        kept.sort(Comparator.comparingInt(Match::first).thenComparingInt(Match::end).thenComparing(match -> match.term().conceptId()));
        return kept;
    }

    /**
     * The furthest end among kept matches starting at or before a token: a Fenwick tree of maxima,
     * so "is this match inside a longer one" costs a logarithm, not a scan.
     */
    private static final class LongestEnds {
        private final int[] tree;

        LongestEnds(int tokens) {
            tree = new int[tokens + 1];
        }

        void add(Match match) {
            for (int i = match.first() + 1; i < tree.length; i += i & -i) {
                tree[i] = Math.max(tree[i], match.end());
            }
        }

        int reachesFrom(int first) {
            int furthest = 0;
            for (int i = first + 1; i > 0; i -= i & -i) {
                furthest = Math.max(furthest, tree[i]);
            }
            return furthest;
        }
    }

    /** Whether a match overlaps one of a concept's kept matches, which never overlap each other. */
    private static boolean overlapsAny(TreeMap<Integer, Integer> keptOfConcept, Match match) {
        Map.Entry<Integer, Integer> before = keptOfConcept.floorEntry(match.end() - 1);
        return before != null && before.getValue() > match.first();
    }

    private static void walk(Node node, int first, int i, int skipped, List<String[]> tokenKeys, List<String> tokenTexts, List<Match> found) {
        if (i >= tokenKeys.size()) {
            return;
        }
        boolean advanced = false;
        Node previous = null;
        for (String key : tokenKeys.get(i)) {
            Node next = node.children.get(key);
            // a token's surface and lemma keys may lead to the same node: walk it once
            if (next != null && next != previous) {
                advanced = true;
                previous = next;
                next.terms.forEach(term -> found.add(new Match(first, i + 1, term)));
                walk(next, first, i + 1, skipped, tokenKeys, tokenTexts, found);
            }
        }
        String word = tokenTexts.get(i);
        for (Map.Entry<String, Node> prefix : node.prefixes.entrySet()) {
            if (word.startsWith(prefix.getKey())) {
                advanced = true;
                prefix.getValue().terms.forEach(term -> found.add(new Match(first, i + 1, term)));
                walk(prefix.getValue(), first, i + 1, skipped, tokenKeys, tokenTexts, found);
            }
        }
        // a few articles may stand inside a term; a bound keeps "the the the…" from walking the whole sentence
        if (!advanced && i > first && skipped < MAX_SKIPPED && SKIPPABLE.contains(word)) {
            walk(node, first, i + 1, skipped + 1, tokenKeys, tokenTexts, found);
        }
    }

    /** Whether an exclusion phrase of the match's concept covers one of its tokens. */
    private static boolean excluded(Match candidate, Map<String, BitSet> exclusions) {
        BitSet covered = exclusions.get(candidate.term().conceptId());
        if (covered == null) {
            return false;
        }
        int next = covered.nextSetBit(candidate.first());
        return next >= 0 && next < candidate.end();
    }
}
