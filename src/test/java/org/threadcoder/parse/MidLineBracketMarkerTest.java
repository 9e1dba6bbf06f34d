package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;
import org.threadcoder.model.Tweet;

/**
 * An unroller glues the tweet after an image tweet onto its line ("… it goes: 🧵 Image [2/9] Grief is…"): a bracketed
 * count inside a line, after a space and before more text, opens a tweet as one at a line's start does.
 */
class MidLineBracketMarkerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Here is how grief moves through a family: 🧵 Image [2/9] Grief is not a straight line.|[3/9]|Grief is not a straight line.",
            "Three things I tell every new client. (1/4) First, we set the pace together.|(2/4)|First, we set the pace together.",
            "Sleep and mood, a thread 👇 [1/3] Sleep debt looks like low mood.|[2/3]|Sleep debt looks like low mood."})
    void aBracketedCountInsideALineOpensATweet(String firstLine, String nextMarker, String tweetStart) throws InputException {
        String text = firstLine + "\n" + nextMarker + " Then the next tweet goes on.\n";
        List<Tweet> tweets = tweets(text);
        int start = text.codePointCount(0, text.indexOf(tweetStart));
        // the tweet opens at its marker, a few code points before its words
        boolean opens = tweets.stream().anyMatch(tweet -> tweet.marker() != null && tweet.span().start() <= start
                && start - tweet.span().start() <= 7 && tweet.span().start() > 0);
        assertEquals(true, opens, () -> "tweets: " + tweets);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "We met twice a week (2/3 of the clients did) and it helped.",
            "The ratio [2/3] held in every group we ran.",
            "Half the clients (1/2) stayed on, and the rest (2/2) did too."})
    void aBracketedFractionInsideASentenceIsNoTweet(String line) throws InputException {
        List<Tweet> tweets = tweets(line + "\nAnd then the page goes on about something else entirely.\n");
        assertEquals(List.of(), tweets.stream().filter(tweet -> tweet.marker() != null).toList());
    }

    private static List<Tweet> tweets(String text) throws InputException {
        Page page = new TextPageParser().parse("glued.txt", text, "0".repeat(64), false, new ArrayList<>());
        return page.threads().stream().flatMap(thread -> thread.tweets().stream()).toList();
    }
}
