package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;
import org.threadcoder.model.TweetThread;

/** An author page cut so that a header's thread is gone: the header nearer a thread gives its date and count. */
class StackedHeadersTest {
    @Test
    void theHeaderRightAboveAThreadIsItsOwn() throws InputException {
        String text = """
                Jul 14 9 tweets 3 min read
                Apr 1 6 tweets 2 min read
                Why I stopped giving homework in the first month of therapy.
                The alliance has to come first.
                Mar 15 4 tweets 1 min read
                A short note on endings in therapy and how to plan them together.
                """;
        Page page = new TextPageParser().parse("author-page.txt", text, "0".repeat(64), false, new ArrayList<>());
        List<String> dates = page.threads().stream().map(TweetThread::dateText).toList();
        List<Integer> counts = page.threads().stream().map(TweetThread::tweetCount).toList();
        assertEquals(List.of("Apr 1", "Mar 15"), dates);
        assertEquals(List.of(6, 4), counts);
    }

    @Test
    void aNumericDateAloneOnALineOpensAPostAndIsNoSentenceNorAnInventedDate() throws InputException {
        String text = """
                08/14/2023
                Our clinic now offers evening sessions for couples.
                08/11/2023
                We are hiring a part-time family therapist.
                """;
        Page page = new TextPageParser().parse("posts.txt", text, "0".repeat(64), false, new ArrayList<>());
        assertEquals(2, page.threads().size());
        for (TweetThread thread : page.threads()) {
            assertEquals(null, thread.date(), "day and month order is not known: no ISO date");
            String kept = page.text().slice(thread.tweets().get(0).span());
            assertEquals(false, kept.contains("/2023"), kept);
        }
    }

    @Test
    void aThreaderHeaderThatGivesTheHandleTakesTheNameFromTheLineAbove() throws InputException {
        String text = """
                Dr. Lea Marsh
                + Your AuthorsArchive @leamarsh_psych Clinical psychologist • Writing about sleep and mood Feb. 11, 2020 9 min read

                Ten ideas about sleep that change how therapy goes, one a tweet.
                """;
        Page page = new TextPageParser().parse("threader.txt", text, "0".repeat(64), false, new ArrayList<>());
        assertEquals(1, page.threads().size(), "the name line is the byline, not a thread of its own");
        TweetThread thread = page.threads().get(0);
        assertEquals("Dr. Lea Marsh", thread.author());
        assertEquals("leamarsh_psych", thread.handle());
        assertEquals("Feb. 11, 2020", thread.dateText());
    }

    @Test
    void anAuthorPageWithTheSameBylineAboveEveryHeaderIsNoCopyFromX() throws InputException {
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            text.append("Helen Osei\nSubscribe\n@HelenOseiLCSW\nJun ").append(20 + n).append(" • \n").append(3 + n)
                    .append(" tweets • 2 min read • \nRead on X\nThread ").append(n).append(" on what insurance covers.\n");
        }
        Page page = new TextPageParser().parse("author.txt", text.toString(), "0".repeat(64), false, new ArrayList<>());
        assertEquals("threadreader-text", page.format());
        assertEquals(List.of("HelenOseiLCSW", "HelenOseiLCSW", "HelenOseiLCSW"), page.threads().stream().map(TweetThread::handle).toList());
    }
}
