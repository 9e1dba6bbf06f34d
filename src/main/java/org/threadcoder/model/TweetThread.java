package org.threadcoder.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One thread found in a source: the complete thread a page unrolls, or a preview of another one.
 *
 * @param id          stable id derived from the source and the thread's position in it
 * @param source      the source's name, as in the outputs
 * @param author      author's display name, or null when the page does not give it
 * @param handle      author's handle without {@code @}, or null
 * @param dateText    the date as written on the page, or null
 * @param date        the ISO date, only when the page gives the year; else null
 * @param tweetCount  the number of tweets the page announces, or null
 * @param complete    true for the unrolled thread, false for a preview
 * @param span        the thread's text in the source (header and site text excluded)
 * @param noise       spans inside {@code span} that are not sentence text ({@code /end}, link debris, ...)
 * @param tweets      the tweets shown, in order
 * @param url         the thread's address when known, else null
 * @param readings    spans inside {@code span} that read otherwise than written (broken entities, mojibake)
 */
public record TweetThread(
        String id,
        String source,
        String author,
        String handle,
        String dateText,
        LocalDate date,
        Integer tweetCount,
        boolean complete,
        Span span,
        List<Span> noise,
        List<Tweet> tweets,
        String url,
        List<Reading> readings) implements java.io.Serializable {

    /** A thread whose text reads as written. */
    public TweetThread(String id, String source, String author, String handle, String dateText, LocalDate date, Integer tweetCount,
                       boolean complete, Span span, List<Span> noise, List<Tweet> tweets, String url) {
        this(id, source, author, handle, dateText, date, tweetCount, complete, span, noise, tweets, url, List.of());
    }

    public TweetThread {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("thread id must not be blank");
        }
        if (span == null) {
            throw new IllegalArgumentException("thread " + id + " has no span");
        }
        if (tweetCount != null && tweetCount < 0) {
            throw new IllegalArgumentException("thread " + id + " tweet count must be >= 0, got " + tweetCount);
        }
        noise = List.copyOf(noise);
        tweets = List.copyOf(tweets);
        readings = readings == null ? List.of() : List.copyOf(readings);
        for (Reading reading : readings) {
            if (!span.contains(reading.span())) {
                throw new IllegalArgumentException("thread " + id + " reading " + reading.span() + " outside " + span);
            }
        }
        for (int i = 0; i < tweets.size(); i++) {
            Tweet tweet = tweets.get(i);
            if (!span.contains(tweet.span())) {
                throw new IllegalArgumentException("thread " + id + " tweet " + tweet.index() + " " + tweet.span() + " outside " + span);
            }
            if (i > 0 && tweet.span().start() < tweets.get(i - 1).span().start()) {
                throw new IllegalArgumentException("thread " + id + " tweet " + tweet.index() + " at " + tweet.span() + " starts before tweet "
                        + tweets.get(i - 1).index() + " at " + tweets.get(i - 1).span());
            }
        }
    }

    /** Whether the tweet boundaries were inferred rather than given by the input. */
    public boolean tweetsInferred() {
        return tweets.stream().anyMatch(Tweet::inferred);
    }

    /**
     * The 1-based index of the last tweet starting at or before a code point offset, or 0 when none
     * does. Tweets are in text order, so a binary search finds it.
     */
    public int tweetAt(int codePointOffset) {
        return tweetAt(codePointOffset, false);
    }

    /**
     * As {@link #tweetAt(int)}, but an offset between two tweets counts for the next one: a sentence that opens with
     * what stands before a tweet's start (a 🧵 before its number) starts in that tweet.
     */
    public int tweetStartingSentenceAt(int codePointOffset) {
        return tweetAt(codePointOffset, true);
    }

    private int tweetAt(int codePointOffset, boolean gapToNext) {
        int low = 0;
        int high = tweets.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (tweets.get(middle).span().start() <= codePointOffset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (gapToNext && low > 0 && low < tweets.size() && codePointOffset >= tweets.get(low - 1).span().end()) {
            return tweets.get(low).index();
        }
        return low == 0 ? 0 : tweets.get(low - 1).index();
    }
}
