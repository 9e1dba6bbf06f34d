package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSTagger;

/** POS tags for a few tokens of a sentence, given to the tagger in the form it learnt. */
final class PosWindow {
    /** Tokens of context tagged on each side of the tokens asked for. */
    private static final int TAG_CONTEXT = 3;

    private PosWindow() {
    }

    /**
     * POS tags of tokens {@code [from, to)}, tagged with a few tokens of context on each side: the
     * tagger is the slowest model, and a negation check needs only the words between trigger and concept.
     */
    static String[] tags(POSTagger tagger, List<String> words, int from, int to) {
        int windowStart = Math.max(0, from - TAG_CONTEXT);
        int windowEnd = Math.min(words.size(), to + TAG_CONTEXT);
        // the tagger learnt contractions whole ("can't", tagged AUX+PART) and "cannot" as two words ("can not"): give
        // it words so, or the verb after the negation gets a wrong tag; each token takes the tag of the word it is in
        List<String> window = new ArrayList<>(windowEnd - windowStart + 2);
        int[] position = new int[windowEnd - windowStart];
        for (int i = windowStart; i < windowEnd; i++) {
            String word = words.get(i);
            if (word.equals("n't") && !window.isEmpty()) {
                position[i - windowStart] = window.size() - 1;
                window.set(window.size() - 1, window.get(window.size() - 1) + word);
                continue;
            }
            position[i - windowStart] = window.size();
            if (word.equals("cannot")) {
                window.add("can");
                word = "not";
            }
            window.add(word);
        }
        if (windowEnd == words.size()) {
            // the tagger learnt sentences with their end mark, which the word tokens leave out ("isn't exercise." is a noun)
            window.add(".");
        }
        String[] tags = tagger.tag(window.toArray(String[]::new));
        String[] result = new String[to - from];
        for (int i = from; i < to; i++) {
            result[i - from] = tags[position[i - windowStart]];
        }
        return result;
    }
}
