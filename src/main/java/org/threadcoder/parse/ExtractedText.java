package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.Span;
import org.threadcoder.model.Tweet;

/**
 * The text a parser extracts from structured input (HTML, JSON), built thread by thread, with
 * each tweet's span, its numbering marker and the links in it (noise: never sentence text).
 * Shared by the HTML and JSON parsers so both lay out text the same way.
 */
final class ExtractedText {
    /**
     * One line break between tweets, not a blank line: the sentence splitter ends a sentence at
     * every blank line, and a sentence may run on into the next tweet ("…leaves patients to" /
     * "fend for themselves…"). Whether a new tweet starts a sentence is the splitter's call, as
     * for text pages, where tweets are one line break apart too.
     */
    static final String BETWEEN_TWEETS = "\n";
    static final String BETWEEN_THREADS = "\n\n\n";

    /** {@code 1/}, {@code 2/10}, {@code (3/8)}, {@code /4}: tweet numbering at a tweet's start or end. */
    private static final String MARKER = "(?:\\((\\d{1,3})/(\\d{1,3})?\\)|(\\d{1,3})/(\\d{1,3})?|/(\\d{1,3}))";
    private static final Pattern LEADING_MARKER = Pattern.compile("^" + MARKER + "(?=\\s|$)");
    private static final Pattern TRAILING_MARKER = Pattern.compile("(?<=\\s|^)" + MARKER + "$");
    /**
     * Noise inside a tweet: links ({@code https://t.co/…}, {@code www.…}, the shortened
     * {@code nytimes.com/2021/04/hea…} Thread Reader shows), and thread signs ({@code 🧵},
     * {@code [THREAD]}, a closing {@code /end}).
     */
    private static final Pattern NOISE = Pattern.compile("\\b(?:https?://|www\\.)\\S++|(?<![\\w@])(?<![A-Za-z0-9-]\\.)"
            + "(?:[A-Za-z0-9-]++\\.)++[a-z]{2,}/\\S*+|\\[/?thread\\]|🧵|(?<=\\s|^)/end$", Pattern.CASE_INSENSITIVE);
    private static final String LINK_TRAILING_PUNCTUATION = ".,;:!?)\"'”’";

    private final StringBuilder text = new StringBuilder();
    private final List<List<int[]>> tweetRanges = new ArrayList<>();
    private final List<List<int[]>> markerRanges = new ArrayList<>();
    private final List<List<int[]>> noiseRanges = new ArrayList<>();
    private final List<List<String>> tweetIds = new ArrayList<>();
    private SourceText source;

    /** White space folded to single spaces within lines, lines trimmed, at most one blank line in a row. */
    static String normalize(String raw) {
        String[] lines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder();
        int blankRun = 0;
        for (String line : lines) {
            String folded = line.replaceAll("[\\s\\h]+", " ").strip();
            if (folded.isEmpty()) {
                blankRun++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blankRun > 0 ? "\n\n" : "\n");
            }
            out.append(folded);
            blankRun = 0;
        }
        return out.toString();
    }

    /** Starts the next thread. */
    void startThread() {
        tweetRanges.add(new ArrayList<>());
        markerRanges.add(new ArrayList<>());
        noiseRanges.add(new ArrayList<>());
        tweetIds.add(new ArrayList<>());
    }

    /** Appends a tweet's normalized, non-empty text to the current thread. */
    void addTweet(String tweetText, String tweetId) {
        if (tweetRanges.isEmpty()) {
            startThread();
        }
        int thread = tweetRanges.size() - 1;
        List<int[]> tweets = tweetRanges.get(thread);
        if (!tweets.isEmpty()) {
            text.append(BETWEEN_TWEETS);
        } else if (!text.isEmpty()) {
            text.append(BETWEEN_THREADS);
        }
        int start = text.length();
        text.append(tweetText);
        tweets.add(new int[] {start, text.length()});
        tweetIds.get(thread).add(tweetId);
        markerRanges.get(thread).add(marker(tweetText, tweets.size(), start));
        Matcher noise = NOISE.matcher(tweetText);
        while (noise.find()) {
            int end = noise.end() - trailingPunctuation(noise.group());
            noiseRanges.get(thread).add(new int[] {start + noise.start(), start + end});
        }
    }

    /**
     * The numbering marker at the tweet's start, else at its end (the splitter masks one marker
     * a tweet). The number must be the tweet's position or a little past it (a thread may miss a
     * tweet or two), so "12/ days" in tweet 1 stays text.
     */
    private static int[] marker(String tweetText, int index, int offset) {
        for (Pattern pattern : List.of(LEADING_MARKER, TRAILING_MARKER)) {
            Matcher marker = pattern.matcher(tweetText);
            if (marker.find() && plausible(marker, index)) {
                return new int[] {offset + marker.start(), offset + marker.end()};
            }
        }
        return null;
    }

    private static boolean plausible(Matcher marker, int index) {
        String numberText = marker.group(1) != null ? marker.group(1) : marker.group(3) != null ? marker.group(3) : marker.group(5);
        String totalText = marker.group(1) != null ? marker.group(2) : marker.group(4);
        int number = Integer.parseInt(numberText);
        boolean inSequence = number >= index && number <= index + 3;
        return inSequence && (totalText == null || Integer.parseInt(totalText) >= number);
    }

    private static int trailingPunctuation(String link) {
        int end = link.length();
        while (end > 0 && LINK_TRAILING_PUNCTUATION.indexOf(link.charAt(end - 1)) >= 0) {
            end--;
        }
        return link.length() - end;
    }

    /** Ends the text; spans are available from here on. */
    SourceText finish() {
        source = new SourceText(text.toString());
        return source;
    }

    int tweetCount(int thread) {
        return tweetRanges.get(thread).size();
    }

    /** From the thread's first tweet to the end of its last. */
    Span span(int thread) {
        List<int[]> tweets = tweetRanges.get(thread);
        return source.span(tweets.get(0)[0], tweets.get(tweets.size() - 1)[1]);
    }

    List<Span> noise(int thread) {
        return noiseRanges.get(thread).stream().map(range -> source.span(range[0], range[1])).toList();
    }

    List<Tweet> tweets(int thread) {
        List<Tweet> tweets = new ArrayList<>();
        List<int[]> ranges = tweetRanges.get(thread);
        for (int k = 0; k < ranges.size(); k++) {
            int[] marker = markerRanges.get(thread).get(k);
            tweets.add(new Tweet(k + 1, source.span(ranges.get(k)[0], ranges.get(k)[1]),
                    marker == null ? null : source.span(marker[0], marker[1]), false, tweetIds.get(thread).get(k)));
        }
        return tweets;
    }
}
