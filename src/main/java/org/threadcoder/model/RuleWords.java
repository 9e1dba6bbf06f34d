package org.threadcoder.model;

import java.util.regex.Pattern;

/**
 * The words of a near rule's groups and of a context requirement are matched one token at a time, and
 * sentence tokens are cut at white space and at inner hyphens, slashes and ampersands ("follow-up" is
 * "follow" and "up"). A listed word with such a cut would match each of its parts alone, so it is refused.
 */
final class RuleWords {
    /** Where the word tokenizer cuts a chunk of text (see {@code WordTokenizer}). */
    private static final Pattern CUT = Pattern.compile("\\s|(?<=\\S)[-/&](?=\\S)");

    private RuleWords() {
    }

    /** Throws when {@code word} would be read as several words; {@code what} names the list in the message. */
    static void requireOneWord(String word, String what) {
        if (word == null || word.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, got '" + word + "'");
        }
        if (CUT.matcher(word.strip()).find()) {
            throw new IllegalArgumentException(what + " is one word, got '" + word
                    + "' (words are cut at spaces, '-', '/' and '&': list each word on its own, or make the phrase a term)");
        }
    }
}
