package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where tweets begin in a thread body: at explicit numbering markers, or, where there are
 * none, inferred at line breaks from the announced tweet count and the 280-character limit.
 *
 * <p>Markers count 1, 2, 3… (or start at 2 after an unnumbered first tweet); a number out of
 * sequence is text ("1/2 cup"). Slash markers lead ({@code 1/}, {@code /3}), stand in mid-line
 * ({@code …mentality 2/ These…}) or trail ({@code … 3/}, {@code 3/10}, {@code (3/8)}). {@code 2.} and
 * {@code 1)} at line starts look like list items: they count as tweet numbering only when they run
 * to the announced tweet count (or, with no count, number every tweet from the first line).
 */
final class TweetBoundaries {
    static final int TWEET_LIMIT = 280;

    private static final Pattern LEADING = Pattern.compile("^[ \\t]*(?:(\\d{1,3})/(?:\\d{1,3}(?=[ \\t]))?|/(\\d{1,3}))(?=[ \\t]|$)");
    private static final Pattern MID_LINE = Pattern.compile("(\\d{1,3})/(?=[ \\t]+\\S)");
    private static final Pattern TRAILING = Pattern.compile("[ \\t]+(?:\\((\\d{1,3})/\\d{1,3}\\)|(\\d{1,3})/(?:\\d{1,3})?)[ \\t]*$");
    private static final Pattern NUMBERED_LINE = Pattern.compile("^[ \\t]*(\\d{1,2})([.)])[ \\t]");
    private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t]*(?:\\d{1,2}[.)]|\\d\\x{FE0F}?\\x{20E3}|[•▪◦‣⁃*-])[ \\t]");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?…][\"”'’)\\]]*\\s*$");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}']+)\\W*$");

    /** A tweet start: char offset in the page, and the marker's char range (or -1 when none). */
    record Start(int at, int markerStart, int markerEnd, boolean inferred) {
    }

    private TweetBoundaries() {
    }

    /** Tweet starts from numbering markers, or an empty list when the body has none. */
    static List<Start> markers(List<Line> body, Integer announced) {
        List<Start> slashes = slashMarkers(body);
        if (!slashes.isEmpty()) {
            return slashes;
        }
        List<Start> trailing = trailingMarkers(body);
        if (!trailing.isEmpty()) {
            return trailing;
        }
        return numberedLines(body, announced);
    }

    private static List<Start> slashMarkers(List<Line> body) {
        List<Start> starts = new ArrayList<>();
        int expected = 1;
        for (Line line : body) {
            Matcher leading = LEADING.matcher(line.text());
            int searchFrom = 0;
            if (leading.find()) {
                int number = Integer.parseInt(leading.group(1) != null ? leading.group(1) : leading.group(2));
                if (number == expected || (starts.isEmpty() && number == 2)) {
                    int markerStart = line.start() + leading.end() - (leading.group(0).strip().length());
                    starts.add(new Start(markerStart, markerStart, line.start() + leading.end(), false));
                    expected = number + 1;
                    searchFrom = leading.end();
                }
            }
            Matcher midLine = MID_LINE.matcher(line.text());
            while (midLine.find(searchFrom)) {
                int number = Integer.parseInt(midLine.group(1));
                boolean next = number == expected || (starts.isEmpty() && number == 2);
                if (next && afterWordAndSpace(line.text(), midLine.start())) {
                    int markerStart = line.start() + midLine.start();
                    starts.add(new Start(markerStart, markerStart, line.start() + midLine.end(), false));
                    expected = number + 1;
                }
                searchFrom = midLine.end();
            }
        }
        return starts;
    }

    /** Markers at line ends close their tweet: the tweet starts after the previous marker. */
    private static List<Start> trailingMarkers(List<Line> body) {
        List<Start> starts = new ArrayList<>();
        int expected = 1;
        int tweetStart = -1;
        for (Line line : body) {
            if (tweetStart < 0 && !line.isBlank()) {
                tweetStart = line.start() + (line.text().length() - line.text().stripLeading().length());
            }
            Matcher trailing = TRAILING.matcher(line.text());
            if (trailing.find()) {
                int number = Integer.parseInt(trailing.group(1) != null ? trailing.group(1) : trailing.group(2));
                if (number == expected && tweetStart >= 0) {
                    int markerStart = line.start() + trailing.start() + (trailing.group(0).length() - trailing.group(0).stripLeading().length());
                    int markerEnd = line.start() + trailing.start() + trailing.group(0).stripTrailing().length();
                    starts.add(new Start(tweetStart, markerStart, markerEnd, false));
                    expected++;
                    tweetStart = -1;
                }
            }
        }
        return starts.size() >= 2 ? starts : List.of();
    }

    /** {@code 2.}/{@code 1)} at line starts as tweet numbering, when they run to the announced count. */
    private static List<Start> numberedLines(List<Line> body, Integer announced) {
        List<Start> starts = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String style = null;
        for (Line line : body) {
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
            starts.add(new Start(markerStart, markerStart, markerStart + numbered.group(1).length() + 1, false));
        }
        if (numbers.isEmpty()) {
            return List.of();
        }
        int first = numbers.get(0);
        int last = numbers.get(numbers.size() - 1);
        boolean runsToCount = announced != null && last == announced && (first == 1 || first == 2);
        boolean numbersEveryTweet = announced == null && first == 1 && last >= 3
                && starts.get(0).at() == firstTextOffset(body);
        return runsToCount || numbersEveryTweet ? starts : List.of();
    }

    private static int firstTextOffset(List<Line> body) {
        for (Line line : body) {
            if (!line.isBlank()) {
                return line.start() + (line.text().length() - line.text().stripLeading().length());
            }
        }
        return -1;
    }

    /** A mid-line marker stands after a word and one space: "…mentality 2/ These". */
    private static boolean afterWordAndSpace(String line, int at) {
        return at >= 2 && (line.charAt(at - 1) == ' ' || line.charAt(at - 1) == '\t') && !Character.isWhitespace(line.charAt(at - 2))
                && !Character.isDigit(line.charAt(at - 2)) && line.charAt(at - 2) != '/';
    }

    /**
     * Infers tweet starts at line breaks: partitions the lines into the announced number of tweets
     * so that tweets fit the 280-character limit and boundaries fall where a line ends mid-sentence
     * (authors do not break lines mid-sentence; the site does, between tweets).
     */
    static List<Start> infer(List<Line> body, Integer announced) {
        List<Line> lines = body.stream().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        int count = announced == null || announced < 1 ? estimate(lines) : Math.min(announced, lines.size());
        int n = lines.size();
        double[] boundary = new double[n];
        for (int i = 1; i < n; i++) {
            boundary[i] = boundaryCost(lines.get(i - 1), lines.get(i), lines.get(i).number() - lines.get(i - 1).number() > 1);
        }
        double infinity = Double.MAX_VALUE / 4;
        // best[k][end]: cost of splitting lines[0, end) into k tweets
        double[][] best = new double[count + 1][n + 1];
        int[][] previous = new int[count + 1][n + 1];
        for (double[] row : best) {
            Arrays.fill(row, infinity);
        }
        best[0][0] = 0;
        for (int k = 1; k <= count; k++) {
            for (int end = k; end <= n; end++) {
                for (int start = k - 1; start < end; start++) {
                    if (best[k - 1][start] >= infinity) {
                        continue;
                    }
                    double cost = best[k - 1][start] + chunkCost(lines, start, end) + boundary[start];
                    if (cost < best[k][end]) {
                        best[k][end] = cost;
                        previous[k][end] = start;
                    }
                }
            }
        }
        List<Start> starts = new ArrayList<>();
        int end = n;
        for (int k = count; k >= 1; k--) {
            int start = previous[k][end];
            Line line = lines.get(start);
            starts.add(0, new Start(line.start() + (line.text().length() - line.text().stripLeading().length()), -1, -1, true));
            end = start;
        }
        return starts;
    }

    private static int estimate(List<Line> lines) {
        int length = lines.stream().mapToInt(line -> line.text().length() + 1).sum();
        return Math.max(1, (int) Math.ceil(length / (double) TWEET_LIMIT));
    }

    private static double chunkCost(List<Line> lines, int start, int end) {
        int length = lines.get(end - 1).end() - lines.get(start).start();
        return Math.max(0, length - TWEET_LIMIT) * 10.0;
    }

    private static double boundaryCost(Line before, Line after, boolean blankBetween) {
        boolean midSentence = !ENDS_SENTENCE.matcher(before.text()).find()
                && (Character.isLowerCase(after.stripped().codePointAt(0)) || isContinuationWord(before.text()));
        if (midSentence) {
            return -50;
        }
        if (LIST_ITEM.matcher(before.text()).find() && LIST_ITEM.matcher(after.text()).find()) {
            return 100;
        }
        return blankBetween ? -20 : 10;
    }

    private static boolean isContinuationWord(String line) {
        Matcher word = LAST_WORD.matcher(line);
        return word.find() && ContinuationWords.contains(word.group(1));
    }
}
