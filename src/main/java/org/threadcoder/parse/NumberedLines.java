package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tweets numbered {@code 1.}, {@code 2.} or {@code 1)} at line starts, which are also how lists are written: they count
 * as tweet numbers only where the page shows they are ({@link #cuts}); otherwise they stay list items, kept as text.
 */
final class NumberedLines {
    private static final Pattern NUMBERED_LINE = Pattern.compile("^[ \\t]*(\\d{1,2})([.)])[ \\t]");

    private NumberedLines() {
    }

    /**
     * {@code 2.}/{@code 1)} at line starts as tweet numbering: when they run to the announced count, number every
     * tweet from the first line, or run on from 2 after a first tweet numbered in another style ({@code 1/}).
     *
     * @param firstNumbered whether the text before them holds a first tweet's own number
     */
    static List<TweetBoundaries.Cut> cuts(List<Line> lines, Integer announced, boolean firstNumbered) {
        List<Integer> numbers = new ArrayList<>();
        List<int[]> markers = new ArrayList<>();
        String style = null;
        for (Line line : lines) {
            Matcher numbered = NUMBERED_LINE.matcher(line.text());
            if (!numbered.find()) {
                continue;
            }
            int number = Integer.parseInt(numbered.group(1));
            int expected = numbers.isEmpty() ? number : numbers.get(numbers.size() - 1) + 1;
            if (number != expected || (style != null && !style.equals(numbered.group(2)))) {
                return List.of();
            }
            style = numbered.group(2);
            numbers.add(number);
            int markerStart = line.start() + numbered.start(1);
            markers.add(new int[] {markerStart, markerStart + numbered.group(1).length() + 1});
        }
        if (numbers.isEmpty()) {
            return List.of();
        }
        int first = numbers.get(0);
        int last = numbers.get(numbers.size() - 1);
        boolean runsToCount = announced != null && last == announced && (first == 1 || first == 2);
        boolean numbersEveryTweet = announced == null && first == 1 && last >= 3 && markers.get(0)[0] == PageText.firstTextOffset(lines);
        boolean runsOnFromOne = announced == null && firstNumbered && first == 2 && last >= 3;
        if (!runsToCount && !numbersEveryTweet && !runsOnFromOne) {
            return List.of();
        }
        List<TweetBoundaries.Cut> cuts = new ArrayList<>();
        int end = lines.get(lines.size() - 1).end();
        for (int k = 0; k < markers.size(); k++) {
            cuts.add(new TweetBoundaries.Cut(markers.get(k)[0], k + 1 < markers.size() ? markers.get(k + 1)[0] : end, markers.get(k)[0], markers.get(k)[1], false));
        }
        return cuts;
    }

    /** An unnumbered first tweet before the first numbered one ("text… 2. more text"). */
    static List<TweetBoundaries.Cut> withUnnumberedFirst(List<TweetBoundaries.Cut> cuts, int first, String page) {
        List<TweetBoundaries.Cut> all = new ArrayList<>();
        if (cuts.get(0).start() > first && PageText.hasText(page, first, cuts.get(0).start())) {
            all.add(new TweetBoundaries.Cut(first, PageText.trimEnd(page, first, cuts.get(0).start()), -1, -1, false));
        }
        for (TweetBoundaries.Cut cut : cuts) {
            all.add(new TweetBoundaries.Cut(cut.start(), PageText.trimEnd(page, cut.start(), cut.end()), cut.markerStart(), cut.markerEnd(), cut.inferred()));
        }
        return all;
    }
}
