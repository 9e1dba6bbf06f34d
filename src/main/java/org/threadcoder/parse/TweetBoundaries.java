package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where tweets begin in a thread body: at explicit numbering markers ({@code 1/}, {@code /3},
 * {@code 2/} in mid-line), or, where there are none, inferred at line breaks from the announced
 * tweet count and the 280-character limit.
 */
final class TweetBoundaries {
    static final int TWEET_LIMIT = 280;

    private static final Pattern LINE_START_MARKER = Pattern.compile("^[ \\t]*(?:(\\d{1,3})/|/(\\d{1,3}))(?=[ \\t]|$)");
    private static final Pattern MID_LINE_MARKER = Pattern.compile("(\\d{1,3})/(?=[ \\t]+\\S)");
    private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t]*(?:\\d{1,2}[.)]|\\d\\x{FE0F}?\\x{20E3}|[•▪◦‣⁃*-])[ \\t]");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?…][\"”'’)\\]]*\\s*$");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}']+)\\W*$");

    /** A tweet start: char offset in the page, and the marker's char range (or -1 when none). */
    record Start(int at, int markerStart, int markerEnd, boolean inferred) {
    }

    private TweetBoundaries() {
    }

    /**
     * Tweet starts at numbering markers that count 1, 2, 3... (or start at 2 after an unnumbered first
     * tweet). A number out of sequence is text, not a marker ("1/2 cup").
     */
    static List<Start> markers(String page, List<Line> body) {
        List<Start> starts = new ArrayList<>();
        int expected = 1;
        for (Line line : body) {
            Matcher atStart = LINE_START_MARKER.matcher(line.text());
            if (atStart.find()) {
                int number = Integer.parseInt(atStart.group(1) != null ? atStart.group(1) : atStart.group(2));
                if (number == expected || (starts.isEmpty() && number == 2)) {
                    int markerStart = line.start() + atStart.start() + (atStart.group(0).length() - atStart.group(0).stripLeading().length());
                    starts.add(new Start(markerStart, markerStart, line.start() + atStart.end(), false));
                    expected = number + 1;
                }
            }
            if (!starts.isEmpty()) {
                Matcher midLine = MID_LINE_MARKER.matcher(line.text());
                while (midLine.find()) {
                    if (afterWordAndSpace(line.text(), midLine.start()) && Integer.parseInt(midLine.group(1)) == expected) {
                        int markerStart = line.start() + midLine.start();
                        starts.add(new Start(markerStart, markerStart, line.start() + midLine.end(), false));
                        expected++;
                    }
                }
            }
        }
        return starts;
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
            boundary[i] = boundaryCost(lines.get(i - 1), lines.get(i), blankBetween(body, lines.get(i - 1), lines.get(i)));
        }
        double infinity = Double.MAX_VALUE / 4;
        // best[k][i]: cost of splitting lines[0, i) into k tweets; the last tweet ends before line i
        double[][] best = new double[count + 1][n + 1];
        int[][] previous = new int[count + 1][n + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, infinity);
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
            starts.add(0, new Start(lines.get(start).start(), -1, -1, true));
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
        String first = lines.get(start).text();
        int codePoints = length - (first.length() - first.codePointCount(0, first.length()));
        return Math.max(0, codePoints - TWEET_LIMIT) * 10.0;
    }

    private static boolean blankBetween(List<Line> body, Line before, Line after) {
        return after.number() - before.number() > 1;
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

    static boolean isListItem(String line) {
        return LIST_ITEM.matcher(line).find();
    }
}
