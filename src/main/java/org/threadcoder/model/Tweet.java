package org.threadcoder.model;

/**
 * One tweet of a thread as it stands in the source.
 *
 * @param index       1-based position in the thread
 * @param span        the tweet's text in the source, marker included
 * @param marker      the numbering marker ({@code 1/}, {@code /3}, ...) in the source, or null when none
 * @param inferred    true when the boundary was inferred (no marker, no tweet id), false when the input gave it
 * @param tweetId     the tweet's id when the input knows it, else null
 * @param duplicateOf the index of the earlier tweet of the thread this one repeats word for word (an
 *                    unroller's artefact), or null; its sentences are kept but not counted in the map
 */
public record Tweet(int index, Span span, Span marker, boolean inferred, String tweetId, Integer duplicateOf) implements java.io.Serializable {

    /** A tweet that repeats no other. */
    public Tweet(int index, Span span, Span marker, boolean inferred, String tweetId) {
        this(index, span, marker, inferred, tweetId, null);
    }

    public Tweet {
        if (index < 1) {
            throw new IllegalArgumentException("tweet index must be >= 1, got " + index);
        }
        if (span == null) {
            throw new IllegalArgumentException("tweet " + index + " has no span");
        }
        if (marker != null && !span.contains(marker)) {
            throw new IllegalArgumentException("tweet " + index + " marker " + marker + " outside its span " + span);
        }
        if (duplicateOf != null && (duplicateOf < 1 || duplicateOf >= index)) {
            throw new IllegalArgumentException("tweet " + index + " can only repeat an earlier tweet, got " + duplicateOf);
        }
    }

    /** The same tweet, marked as repeating tweet {@code earlier}. */
    public Tweet repeating(int earlier) {
        return new Tweet(index, span, marker, inferred, tweetId, earlier);
    }
}
