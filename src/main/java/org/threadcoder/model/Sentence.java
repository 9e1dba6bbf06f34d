package org.threadcoder.model;

import java.util.List;

/**
 * One sentence of a thread.
 *
 * @param id         stable id: the thread id and the sentence's position
 * @param threadId   the thread it belongs to
 * @param index      1-based position in the thread
 * @param span       its text in the source ({@code text} is exactly the source slice)
 * @param text       the source slice, markers and line breaks included
 * @param cleanText  the text for analysis: tweet markers removed, white space folded, NFKC
 * @param firstTweet 1-based index of the tweet it starts in
 * @param lastTweet  1-based index of the tweet it ends in
 * @param hidden     source spans inside {@code span} that are not sentence text (tweet markers, noise)
 * @param readings   source spans inside {@code span} that read otherwise than written (broken entities, mojibake)
 */
public record Sentence(String id, String threadId, int index, Span span, String text, String cleanText, int firstTweet, int lastTweet,
                       List<Span> hidden, List<Reading> readings) {

    /** A sentence that reads as written. */
    public Sentence(String id, String threadId, int index, Span span, String text, String cleanText, int firstTweet, int lastTweet,
                    List<Span> hidden) {
        this(id, threadId, index, span, text, cleanText, firstTweet, lastTweet, hidden, List.of());
    }

    public Sentence {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("sentence id must not be blank");
        }
        if (index < 1) {
            throw new IllegalArgumentException("sentence " + id + " index must be >= 1, got " + index);
        }
        if (span == null || text == null || cleanText == null) {
            throw new IllegalArgumentException("sentence " + id + " needs span, text and clean text");
        }
        if (text.codePointCount(0, text.length()) != span.length()) {
            throw new IllegalArgumentException("sentence " + id + " text has " + text.codePointCount(0, text.length())
                    + " code points but span " + span + " has " + span.length());
        }
        hidden = List.copyOf(hidden);
        for (Span part : hidden) {
            if (!span.contains(part)) {
                throw new IllegalArgumentException("sentence " + id + " hidden part " + part + " outside " + span);
            }
        }
        readings = readings == null ? List.of() : List.copyOf(readings);
        for (Reading reading : readings) {
            if (!span.contains(reading.span())) {
                throw new IllegalArgumentException("sentence " + id + " reading " + reading.span() + " outside " + span);
            }
        }
        if (firstTweet > lastTweet) {
            throw new IllegalArgumentException("sentence " + id + " first tweet " + firstTweet + " after last tweet " + lastTweet);
        }
    }
}
