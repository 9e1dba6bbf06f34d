package org.threadcoder.model;

/**
 * How a span of the source reads for analysis when it does not read as written: a broken HTML
 * entity ({@code & #39;}) as its character, mojibake ({@code donâ€™t}) as the text it garbles.
 * Offsets stay on the source; {@code clean_text} and tagging read {@code text} in the span's place.
 *
 * @param span the source span (code points)
 * @param text what the span reads as
 */
public record Reading(Span span, String text) implements java.io.Serializable {

    public Reading {
        if (span == null || text == null) {
            throw new IllegalArgumentException("a reading needs a span and a text, got " + span + " '" + text + "'");
        }
        if (span.length() == 0) {
            throw new IllegalArgumentException("a reading must cover at least one code point, got " + span);
        }
    }
}
