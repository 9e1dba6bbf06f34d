package org.threadcoder.tagging;

import opennlp.tools.stemmer.PorterStemmer;

/**
 * The key two words share when they are forms of one word family: the Porter stem, with the
 * {@code -ure} nominalisation folded too, so "fail", "fails", "failed" and "failure" meet, as do
 * "disclose" and "disclosure". Not thread-safe (the stemmer keeps a buffer): one per worker.
 */
final class WordFamily {
    private final PorterStemmer stemmer = new PorterStemmer();

    String key(String word) {
        String stem = stemmer.stem(word);
        if (stem.length() > 5 && stem.endsWith("ur") && !stem.endsWith("our")) {
            return stem.substring(0, stem.length() - 2);
        }
        return stem;
    }
}
