package org.threadcoder.tagging;

/**
 * What tagging knows of each word it has met, looked up by the word's chars inside a sentence's
 * text, so a word seen before costs a hash of its chars and no new string. Holds at most a fixed
 * number of words; a word met when it is full is worked out again each time (the same answer).
 * Not thread-safe: one per tagger.
 *
 * @param <V> what is known of a word
 */
final class WordCache<V> {
    private final int limit;
    private String[] words;
    private Object[] values;
    private int[] hashes;
    private int size;

    WordCache(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a word cache holds at least one word, got " + limit);
        }
        this.limit = limit;
        words = new String[1024];
        values = new Object[1024];
        hashes = new int[1024];
    }

    /** The value of {@code text[start, end)}, or null when the word is not held. */
    @SuppressWarnings("unchecked")
    V get(String text, int start, int end) {
        int hash = hash(text, start, end);
        int mask = words.length - 1;
        for (int slot = hash & mask; words[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameChars(words[slot], text, start, end)) {
                return (V) values[slot];
            }
        }
        return null;
    }

    /** Holds a word's value, unless the cache is full. */
    void put(String word, V value) {
        if (size >= limit) {
            return;
        }
        if (2 * (size + 1) > words.length) {
            grow();
        }
        insert(word, value, hash(word, 0, word.length()));
        size++;
    }

    private void insert(String word, Object value, int hash) {
        int mask = words.length - 1;
        int slot = hash & mask;
        while (words[slot] != null) {
            slot = (slot + 1) & mask;
        }
        words[slot] = word;
        values[slot] = value;
        hashes[slot] = hash;
    }

    private void grow() {
        String[] oldWords = words;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        words = new String[oldWords.length * 2];
        values = new Object[oldWords.length * 2];
        hashes = new int[oldWords.length * 2];
        for (int i = 0; i < oldWords.length; i++) {
            if (oldWords[i] != null) {
                insert(oldWords[i], oldValues[i], oldHashes[i]);
            }
        }
    }

    private static int hash(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        // spread the bits: the table is indexed by the low ones
        return hash ^ (hash >>> 16);
    }

    private static boolean sameChars(String word, String text, int start, int end) {
        return word.length() == end - start && text.regionMatches(start, word, 0, word.length());
    }

    int size() {
        return size;
    }
}
