package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;
import org.threadcoder.model.TweetThread;

/** Text copied from X itself: a one-line byline above each tweet ends the tweet above it and names the thread's author. */
class CopiedFromXTest {
    private static Page read(String text) throws InputException {
        return new TextPageParser().parse("copied.txt", text, "0".repeat(64), false, new ArrayList<>());
    }

    private static List<String> tweetTexts(Page page, TweetThread thread) {
        return thread.tweets().stream().map(tweet -> page.text().slice(tweet.span())).toList();
    }

    @Test
    void eachBylineOpensTheNextTweetOfOneThread() throws InputException {
        Page page = read("""
                Ines Kovac @ineskovac · 2h
                Why homework in CBT fails so often. A short thread.
                Ines Kovac @ineskovac · 2h
                It is set by the therapist alone.
                Nobody asked whether the week allows it.
                Ines Kovac @ineskovac · Jan 12, 2023
                Replying to @ineskovac and @somecolleague
                Agree the task together and it gets done.
                """);
        assertEquals("x-text", page.format());
        assertEquals(1, page.threads().size(), "bylines between tweets do not cut the thread");
        TweetThread thread = page.threads().get(0);
        assertEquals("Ines Kovac", thread.author());
        assertEquals("ineskovac", thread.handle());
        assertEquals(List.of("Why homework in CBT fails so often. A short thread.",
                "It is set by the therapist alone.\nNobody asked whether the week allows it.",
                "Agree the task together and it gets done."), tweetTexts(page, thread));
    }

    @Test
    void xsWebLayoutGivesNameHandleAndDateAndDropsItsCounts() throws InputException {
        Page page = read("""
                Ines Kovac
                @ineskovac
                Why homework in CBT fails so often. A short thread.
                8:15 AM · Jan 12, 2023
                ·
                3,210
                Views
                4
                Likes
                Ines Kovac
                @ineskovac
                ·
                Jan 12
                It is set by the therapist alone.
                12
                """);
        assertEquals("x-text", page.format());
        TweetThread thread = page.threads().get(0);
        assertEquals("Ines Kovac", thread.author());
        assertEquals("ineskovac", thread.handle());
        assertEquals("Jan 12, 2023", thread.dateText());
        assertEquals(List.of("Why homework in CBT fails so often. A short thread.", "It is set by the therapist alone."), tweetTexts(page, thread));
    }

    @Test
    void theSameLoneHandleAboveEveryTweetIsItsBylineAndNamesTheThreadsHandle() throws InputException {
        Page page = read("""
                Shared with the reading group

                @ineskovac
                Why homework in CBT fails so often.

                @ineskovac
                It is set by the therapist alone.

                @ineskovac
                Agree the task together and it gets done.
                """);
        TweetThread thread = page.threads().get(page.threads().size() - 1);
        assertEquals("ineskovac", thread.handle());
        assertEquals(List.of("Why homework in CBT fails so often.", "It is set by the therapist alone.", "Agree the task together and it gets done."),
                tweetTexts(page, thread).subList(tweetTexts(page, thread).size() - 3, tweetTexts(page, thread).size()));
    }

    @Test
    void withoutXsDotLineALoneHandleAndNumbersStayTweetText() throws InputException {
        Page page = read("What supervision gave me, in one thread.\nShout out to my supervisor\n@ineskovac\nwho taught me this.\n12\n");
        assertEquals("plain-text", page.format());
        String all = String.join("\n", tweetTexts(page, page.threads().get(0)));
        assertEquals("What supervision gave me, in one thread.\nShout out to my supervisor\n@ineskovac\nwho taught me this.\n12", all);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Thanks to Ines @ineskovac · she said it best.",
            "Cc @ineskovac · 2 points here",
            "Ines Kovac @ineskovac"})
    void aTweetThatOnlyMentionsAHandleStaysTweetText(String line) throws InputException {
        Page page = read("First tweet of a plain thread about therapy.\n" + line + "\nLast tweet.\n");
        String all = String.join("\n", tweetTexts(page, page.threads().get(0)));
        assertTrue(all.contains(line), "kept as tweet text: " + line);
    }
}
