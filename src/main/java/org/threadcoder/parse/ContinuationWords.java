package org.threadcoder.parse;

import java.util.Locale;
import java.util.Set;

/** Words that cannot end an English sentence: a line ending in one runs on into the next line. */
public final class ContinuationWords {
    private static final Set<String> WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "into", "onto", "about", "as", "than", "that", "which", "who", "whom", "whose", "if", "because", "while",
            "when", "where", "whether", "although", "though", "so", "my", "your", "our", "their", "his", "her", "its",
            "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "will",
            "would", "can", "could", "should", "shall", "may", "might", "must", "not", "very", "more", "most", "less",
            "this", "these", "those", "such", "any", "some", "every", "each", "no", "w", "between", "through", "over",
            "under", "after", "before", "without", "within", "like", "just", "also", "even", "&");

    private ContinuationWords() {
    }

    public static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
