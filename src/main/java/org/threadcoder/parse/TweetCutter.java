package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadcoder.model.Reading;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.Span;
import org.threadcoder.model.Tweet;
import org.threadcoder.model.TweetThread;

/**
 * The fourth step of reading a text page: cuts a thread's lines into tweets and finds what inside
 * them is not tweet text (markers, links, marks) or reads otherwise (entities, mojibake). A tweet
 * that repeats an earlier one word for word (an unroller's artefact) is kept and marked, with a warning.
 */
final class TweetCutter {
    /** A repeat shorter than this is a coincidence ("Yes.", "No."), not an unroller's duplicate. */
    private static final int SHORTEST_DUPLICATE = 16;
    /**
     * The longest cut compared with the others as a possible unroller duplicate: a tweet is at most a few
     * thousand chars, and a longer cut (a page of one line) would cost copies of its whole text.
     */
    private static final int LONGEST_DUPLICATE = 25_000;

    /** A thread, and the noise found in its text lines (for the ledger). */
    record Cut(TweetThread thread, List<int[]> masked, List<String> warnings) {
    }

    private TweetCutter() {
    }

    /** Builds thread {@code number} of a page from its block. */
    static Cut thread(String source, SourceText text, ThreadBlock block, int number, String url) {
        String page = text.text();
        List<Line> textLines = new ArrayList<>();
        List<int[]> masked = new ArrayList<>();
        for (MarkedLine line : block.lines()) {
            if (line.isText()) {
                textLines.add(line.line());
            } else if (!line.line().isBlank()) {
                masked.add(new int[] {line.line().start(), line.line().end()});
            }
        }
        InlineNoise.Found inline = InlineNoise.find(textLines);
        TweetBoundaries.Tweets tweets = TweetBoundaries.cut(block.lines(), page, block.announced(), block.complete());
        List<int[]> inThread = new ArrayList<>(inline.noise());
        inThread.addAll(tweets.markers());
        List<Span> noise = new ArrayList<>();
        for (int[] range : masked) {
            noise.add(text.span(range[0], range[1]));
        }
        for (int[] range : inline.noise()) {
            noise.add(text.span(range[0], range[1]));
        }
        List<Reading> readings = new ArrayList<>();
        for (Mojibake.Decoded reading : inline.readings()) {
            readings.add(new Reading(text.span(reading.start(), reading.end()), reading.text()));
        }
        int start = tweets.cuts().get(0).start();
        int end = tweets.cuts().get(tweets.cuts().size() - 1).end();
        List<String> warnings = new ArrayList<>();
        List<Tweet> built = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        char[] words = blanked(page, start, end, inThread);
        String previousKey = null;
        for (TweetBoundaries.Cut cut : tweets.cuts()) {
            Span marker = cut.markerStart() < 0 ? null : text.span(cut.markerStart(), cut.markerEnd());
            Tweet tweet = new Tweet(built.size() + 1, text.span(cut.start(), cut.end()), marker, cut.inferred(), null);
            String key = cut.end() - cut.start() > LONGEST_DUPLICATE ? ""
                    : PhraseKeys.key(words, cut.start() - start, cut.end() - cut.start());
            Integer earlier = key.length() >= SHORTEST_DUPLICATE ? seen.get(key) : null;
            boolean lastOfCutPage = cut == tweets.cuts().get(tweets.cuts().size() - 1) && cut.end() == page.length();
            if (earlier == null && key.length() >= SHORTEST_DUPLICATE && previousKey != null
                    && (previousKey.contains(key) && key.length() >= previousKey.length() * 6 / 10
                        || lastOfCutPage && previousKey.contains(key))) {
                // the unroller repeats a tweet without the heading line its first copy opens with or the hashtag
                // lines it closes with (or the page cuts the copy short)
                earlier = built.size();
            }
            if (earlier != null) {
                tweet = tweet.repeating(earlier);
                warnings.add("thread " + number + ": tweet " + tweet.index() + " repeats tweet " + earlier
                        + " (an unroller's duplicate); kept, and left out of the concept map's counts");
            } else {
                seen.putIfAbsent(key, tweet.index());
            }
            built.add(tweet);
            previousKey = key;
        }
        List<Span> inSpan = new ArrayList<>();
        Span threadSpan = text.span(start, end);
        for (Span part : noise) {
            if (threadSpan.contains(part)) {
                inSpan.add(part);
            }
        }
        java.util.Set<Span> own = new java.util.HashSet<>();
        built.forEach(tweet -> own.add(tweet.marker()));
        for (int[] marker : tweets.markers()) {
            Span part = text.span(marker[0], marker[1]);
            if (threadSpan.contains(part) && !own.contains(part)) {
                inSpan.add(part);
            }
        }
        List<Reading> inSpanReadings = readings.stream().filter(reading -> threadSpan.contains(reading.span()))
                .sorted(java.util.Comparator.comparing(Reading::span)).toList();
        String dateText = block.dateText() == null ? null : block.dateText().strip();
        TweetThread thread = new TweetThread(source + "#t" + number, source, block.author(), block.handle(), dateText,
                PageDates.isoDate(dateText), block.announced(), block.complete(), threadSpan, inSpan, built, url, inSpanReadings);
        return new Cut(thread, inThread, warnings);
    }

    /** The thread's chars with markers and noise blanked: what two copies of a tweet share. */
    private static char[] blanked(String page, int start, int end, List<int[]> noise) {
        char[] chars = new char[end - start];
        page.getChars(start, end, chars, 0);
        for (int[] range : noise) {
            for (int i = Math.max(range[0], start); i < Math.min(range[1], end); i++) {
                chars[i - start] = ' ';
            }
        }
        return chars;
    }
}
