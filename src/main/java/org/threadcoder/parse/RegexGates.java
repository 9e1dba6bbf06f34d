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
        long[] found = words.find(line);
        long[] admitted = new long[(gates.size() + 63) / 64];
        for (int g = 0; g < gates.size(); g++) {
            RegexGate gate = gates.get(g);
            boolean passes = line.length() <= gate.longest() && (gate.folding() ? holdsAll(found, required[g]) : gate.admits(line, line));
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
        /** The ASCII table flattened ({@code state * 128 + char}), and whether each state has any output: the scan's inner loop. */
        private final int[] flat;
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
            flat = flatten(ascii);
            hasOutput = anyOutput(output);
        }

        private static int[] flatten(int[][] table) {
            int[] flat = new int[table.length * ASCII];
            for (int state = 0; state < table.length; state++) {
                System.arraycopy(table[state], 0, flat, state * ASCII, ASCII);
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
                    state = flat[state * ASCII + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)];
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
                    state = part < ASCII ? flat[state * ASCII + part] : nextOther(state, part);
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
