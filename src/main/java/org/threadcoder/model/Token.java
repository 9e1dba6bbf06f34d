package org.threadcoder.model;

/**
 * A token of a sentence's normalized view.
 *
 * @param span source span the token covers
 * @param text the normalized, lower-cased token text
 * @param lemma its lemma, or the text itself when the sentence was not lemmatized
 */
public record Token(Span span, String text, String lemma) {

    public Token {
        if (span == null || text == null || text.isEmpty() || lemma == null) {
            throw new IllegalArgumentException("token needs a span, text and lemma, got " + span + " '" + text + "' '" + lemma + "'");
        }
    }
}
