package org.threadcoder.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@link RegexGate}s of a list of patterns, checked together: the words any gate needs are found in
 * one pass over the case-folded line (an Aho–Corasick automaton), then each gate is a few bit tests,
 * rather than each gate searching the line for its words. Immutable: share it.
 */
final class RegexGates {
    private final List<RegexGate> gates;
    /** Per gate, per required list, the ids of its words. */
    private final int[][][] required;
    private final Automaton words;

    RegexGates(List<Pattern> patterns) {
        gates = patterns.stream().map(RegexGate::of).toList();
        Map<String, Integer> ids = new LinkedHashMap<>();
        required = new int[gates.size()][][];
        for (int g = 0; g < gates.size(); g++) {
            RegexGate gate = gates.get(g);
            List<List<String>> lists = gate.folding() ? gate.required() : List.of();
            required[g] = new int[lists.size()][];
            for (int l = 0; l < lists.size(); l++) {
                required[g][l] = lists.get(l).stream().mapToInt(word -> ids.computeIfAbsent(word, unused -> ids.size())).toArray();
            }
        }
        words = new Automaton(new ArrayList<>(ids.keySet()));
    }

    /** Which gates let {@code line} through, as bits by pattern index. */
    long[] admitted(String line) {
        long[] found = null;
        long[] admitted = new long[(gates.size() + 63) / 64];
        for (int g = 0; g < gates.size(); g++) {
            RegexGate gate = gates.get(g);
            if (line.length() > gate.longest() || !gate.mayStart(line)) {
                continue;
            }
            if (found == null && gate.folding() && required[g].length > 0) {
                found = words.find(line); // only once a gate needs its words: most lines are ruled out before
            }
            boolean passes = gate.folding() ? required[g].length == 0 || holdsAll(found, required[g]) : gate.admits(line, line);
            if (passes) {
                admitted[g >>> 6] |= 1L << g;
            }
        }
        return admitted;
    }

    static boolean admits(long[] admitted, int pattern) {
        return (admitted[pattern >>> 6] & 1L << pattern) != 0;
    }

    private static boolean holdsAll(long[] found, int[][] lists) {
        for (int[] list : lists) {
            boolean any = false;
            for (int id : list) {
                any |= (found[id >>> 6] & 1L << id) != 0;
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** An Aho–Corasick automaton over folded words: which of them a line holds, in one pass over its folded chars. */
    private static final class Automaton {
        private static final int ASCII = 128;
        /** Per state, the next state for each ASCII char (complete: failures resolved). */
        private final int[][] ascii;
        /** Per state, the trie's edges on other chars. */
        private final List<Map<Character, Integer>> other = new ArrayList<>();
        private final int[] failure;
        /** Per state, the words that end there (directly or through failure links), as bits. */
        private final long[][] output;
        /**
         * The ASCII table flattened by char class ({@code state * classes + classOf[char]}), and whether each state has
         * any output: the scan's inner loop. Chars in no word share one class, so the table is a tenth of a full one and
         * stays in the core's nearest cache (a full one, 128 columns a state, was read from the next, slower one).
         */
        private final int[] flat;
        /** Per ASCII char, its column: upper case as lower case, 0 for every char no word holds. */
        private final byte[] classOf = new byte[ASCII];
        private final int classes;
        private final boolean[] hasOutput;
        private final int wordCount;

        Automaton(List<String> words) {
            wordCount = words.size();
            List<int[]> asciiEdges = new ArrayList<>();
            List<long[]> outputs = new ArrayList<>();
            asciiEdges.add(new int[ASCII]);
            Arrays.fill(asciiEdges.get(0), -1);
            other.add(new HashMap<>());
            outputs.add(new long[(wordCount + 63) / 64 + 1]);
            for (int w = 0; w < words.size(); w++) {
                int state = 0;
                for (char c : words.get(w).toCharArray()) {
                    int next = c < ASCII ? asciiEdges.get(state)[c] : other.get(state).getOrDefault(c, -1);
                    if (next < 0) {
                        next = asciiEdges.size();
                        int[] edges = new int[ASCII];
                        Arrays.fill(edges, -1);
                        asciiEdges.add(edges);
                        other.add(new HashMap<>());
                        outputs.add(new long[(wordCount + 63) / 64 + 1]);
                        if (c < ASCII) {
                            asciiEdges.get(state)[c] = next;
                        } else {
                            other.get(state).put(c, next);
                        }
                    }
                    state = next;
                }
                outputs.get(state)[w >>> 6] |= 1L << w;
            }
            int states = asciiEdges.size();
            ascii = asciiEdges.toArray(int[][]::new);
            output = outputs.toArray(long[][]::new);
            failure = new int[states];
            // breadth first: a state's failure is resolved before its children's
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int c = 0; c < ASCII; c++) {
                if (ascii[0][c] < 0) {
                    ascii[0][c] = 0;
                } else {
                    queue.add(ascii[0][c]);
                }
            }
            queue.addAll(other.get(0).values());
            while (!queue.isEmpty()) {
                int state = queue.poll();
                for (int c = 0; c < ASCII; c++) {
                    int child = ascii[state][c];
                    if (child < 0) {
                        ascii[state][c] = ascii[failure[state]][c];
                    } else {
                        failure[child] = ascii[failure[state]][c];
                        merge(child, failure[child]);
                        queue.add(child);
                    }
                }
                for (Map.Entry<Character, Integer> edge : other.get(state).entrySet()) {
                    int child = edge.getValue();
                    failure[child] = nextOther(failure[state], edge.getKey());
                    merge(child, failure[child]);
                    queue.add(child);
                }
            }
            classes = classify(words);
            flat = flatten(ascii);
            hasOutput = anyOutput(output);
        }

        /** Gives each ASCII char a word holds a column of its own, and its upper case the same; returns the columns. */
        private int classify(List<String> words) {
            int next = 1;
            for (String word : words) {
                for (char c : word.toCharArray()) {
                    if (c < ASCII && classOf[c] == 0) {
                        classOf[c] = (byte) next++;
                    }
                }
            }
            for (char c = 'A'; c <= 'Z'; c++) {
                classOf[c] = classOf[c + ('a' - 'A')];
            }
            return next;
        }

        private int[] flatten(int[][] table) {
            int[] flat = new int[table.length * classes];
            for (int state = 0; state < table.length; state++) {
                for (char c = 0; c < ASCII; c++) {
                    if (classOf[c] != 0 && (c < 'A' || c > 'Z')) {
                        flat[state * classes + classOf[c]] = table[state][c];
                    }
                }
            }
            return flat;
        }

        private static boolean[] anyOutput(long[][] output) {
            boolean[] any = new boolean[output.length];
            for (int state = 0; state < output.length; state++) {
                for (long bits : output[state]) {
                    any[state] |= bits != 0;
                }
            }
            return any;
        }

        private void merge(int state, int from) {
            for (int k = 0; k < output[state].length; k++) {
                output[state][k] |= output[from][k];
            }
        }

        /** The next state on a char past ASCII, following failure links (the root takes any char back to itself). */
        private int nextOther(int state, char c) {
            int at = state;
            while (true) {
                Integer next = other.get(at).get(c);
                if (next != null) {
                    return next;
                }
                if (at == 0) {
                    return 0;
                }
                at = failure[at];
            }
        }

        /** The words {@code line} holds once folded ({@link RegexGate#fold}), as bits by word id. */
        long[] find(String line) {
            long[] found = new long[(wordCount + 63) / 64 + 1];
            int state = 0;
            for (int i = 0; i < line.length(); ) {
                char c = line.charAt(i);
                if (c < ASCII) {
                    state = flat[state * classes + classOf[c]];
                    i++;
                    if (hasOutput[state]) {
                        orInto(found, state);
                    }
                    continue;
                }
                int codePoint = line.codePointAt(i);
                i += Character.charCount(codePoint);
                int folded = Character.toLowerCase(Character.toUpperCase(codePoint));
                for (char part : Character.toChars(folded)) {
                    state = part < ASCII ? flat[state * classes + classOf[part]] : nextOther(state, part);
                    orInto(found, state);
                }
            }
            return found;
        }

        private void orInto(long[] found, int state) {
            long[] words = output[state];
            for (int k = 0; k < words.length; k++) {
                found[k] |= words[k];
            }
        }
    }
}
