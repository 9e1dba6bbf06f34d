package org.threadcoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which tweet an offset of a thread falls in: tweets 1 [0, 20), 2 [25, 60), 3 [60, 90). */
class TweetThreadTest {
    private static final TweetThread THREAD = new TweetThread("t1", "page.txt", null, null, null, null, null, true, new Span(0, 90),
            List.of(), List.of(new Tweet(1, new Span(0, 20), null, false, null), new Tweet(2, new Span(25, 60), null, false, null),
                    new Tweet(3, new Span(60, 90), null, false, null)), null);

    @ParameterizedTest(name = "offset {0}: tweet {1}, a sentence starting there: tweet {2}")
    @CsvSource({
            "0, 1, 1",
            "19, 1, 1",
            // between tweets 1 and 2 (a 🧵 before tweet 2's number): a sentence opening there opens tweet 2
            "20, 1, 2",
            "24, 1, 2",
            "25, 2, 2",
            "59, 2, 2",
            "60, 3, 3",
            // after the last tweet there is no next one
            "95, 3, 3"})
    void anOffsetBetweenTweetsStartsASentenceInTheNextTweet(int offset, int tweet, int sentenceTweet) {
        assertEquals(tweet, THREAD.tweetAt(offset));
        assertEquals(sentenceTweet, THREAD.tweetStartingSentenceAt(offset));
    }
}
