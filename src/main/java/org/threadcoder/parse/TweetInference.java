package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.threadcoder.parse.TweetBoundaries.Cut;

/**
 * Tweets of a thread that has neither numbering markers nor an unroller's separators, inferred at
 * line breaks: where the site broke a line mid-sentence, within the 280-character limit, towards the
 * tweet count the page announces.
 */
final class TweetInference {
    /**
     * List items keep to their tweet: a number, a bullet or a dash with a space, a dash glued to a capital
     * ({@code -Regular support}), an emoji bullet ({@code 🔴 Late pressing}), as the sentence splitter reads them;
     * a keycap (1️⃣) is not one here: authors number tweets with it.
     */
    private static final Pattern LIST_ITEM = Pattern.compile(
            "^[ \\t]*(?:(?:\\d{1,2}[.)]|[•▪◦‣⁃*-])[ \\t]|-(?=\\p{Lu})|[\\x{2600}-\\x{27BF}\\x{1F300}-\\x{1FAFF}])");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?…][\"”'’)\\]]*\\s*$");
    /** A list item longer than this reads as a numbered tweet, not an item inside one. */
    private static final int LONGEST_LIST_ITEM = 100;
    /** Tweets × lines beyond which the exact partition gives way to a greedy one (memory and time stay linear). */
    private static final long LARGEST_PARTITION = 250_000;

    private TweetInference() {
    }

    /**
     * Infers tweets at line breaks: partitions the lines into the announced number of tweets so that
     * tweets fit the 280-character limit and boundaries fall where a line ends mid-sentence (authors do
     * not break lines mid-sentence; the site does, between tweets).
     */
    static List<Cut> infer(List<Line> body, Integer announced, String page) {
        List<Line> lines = body.stream().filter(line -> !line.isBlank()).toList();
        // a page cut short shows fewer tweets than it announces: never more tweets than lines could open
        int opening = openingLines(lines);
        int count = announced == null || announced < 1 ? opening
                : Math.min(Math.min(announced, lines.size()), Math.max(opening, estimate(lines)));
        int n = lines.size();
        boolean inside = blankInside(lines);
        if ((long) count * n > LARGEST_PARTITION) {
            return greedy(lines, page, inside);
        }
        double[] boundary = new double[n];
        for (int i = 1; i < n; i++) {
            boundary[i] = boundaryCost(lines.get(i - 1), lines.get(i), lines.get(i).number() - lines.get(i - 1).number() > 1, inside);
        }
        double infinity = Double.MAX_VALUE / 4;
        // best[k][end]: cost of splitting lines[0, end) into k tweets; a tweet holds at most a few lines, so the
        // inner loop looks back only that far and the whole stays linear in the number of lines
        double[][] best = new double[count + 1][n + 1];
        int[][] previous = new int[count + 1][n + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, infinity);
        }
        best[0][0] = 0;
        for (int k = 1; k <= count; k++) {
            for (int end = k; end <= n; end++) {
                for (int start = end - 1; start >= k - 1; start--) {
                    if (best[k - 1][start] < infinity) {
                        double cost = best[k - 1][start] + chunkCost(lines, start, end) + boundary[start];
                        if (cost < best[k][end]) {
                            best[k][end] = cost;
                            previous[k][end] = start;
                        }
                    }
                    if (lines.get(end - 1).end() - lines.get(start).start() > 4 * TweetBoundaries.TWEET_LIMIT) {
                        break;
                    }
                }
            }
        }
        List<Cut> cuts = new ArrayList<>();
        int end = n;
        if (best[count][n] >= infinity) {
            Line only = lines.get(0);
            return List.of(new Cut(only.start() + PageText.leadingSpace(only.text()), PageText.trimEnd(page, only.start(), lines.get(n - 1).end()), -1, -1, true));
        }
        for (int k = count; k >= 1; k--) {
            int start = previous[k][end];
            Line line = lines.get(start);
            cuts.add(0, new Cut(line.start() + PageText.leadingSpace(line.text()), PageText.trimEnd(page, line.start(), lines.get(end - 1).end()), -1, -1, true));
            end = start;
        }
        return cuts;
    }

    /**
     * Tweets for a thread too long to partition exactly: each line joins the tweet before it while the
     * tweet stays within the limit or the line runs on mid-sentence; linear in the lines.
     */
    private static List<Cut> greedy(List<Line> lines, String page, boolean inside) {
        List<Cut> cuts = new ArrayList<>();
        Line first = lines.get(0);
        int start = first.start() + PageText.leadingSpace(first.text());
        for (int i = 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            boolean full = line.end() - start > TweetBoundaries.TWEET_LIMIT;
            if (full && opens(boundaryCost(lines.get(i - 1), line, line.number() - lines.get(i - 1).number() > 1, inside))) {
                cuts.add(new Cut(start, PageText.trimEnd(page, start, lines.get(i - 1).end()), -1, -1, true));
                start = line.start() + PageText.leadingSpace(line.text());
            }
        }
        cuts.add(new Cut(start, PageText.trimEnd(page, start, lines.get(lines.size() - 1).end()), -1, -1, true));
        return cuts;
    }

    /**
     * The lines that could open a tweet: the first, each where a boundary is likely ({@link #boundaryCost}),
     * and each that opens with a reply's @mention run.
     */
    private static int openingLines(List<Line> lines) {
        boolean inside = blankInside(lines);
        int opening = 1;
        for (int i = 1; i < lines.size(); i++) {
            Line before = lines.get(i - 1);
            Line line = lines.get(i);
            boolean reply = InlineNoise.leadingMentions(line.text()) > 0;
            opening += reply || opens(boundaryCost(before, line, line.number() - before.number() > 1, inside)) ? 1 : 0;
        }
        return opening;
    }

    private static int estimate(List<Line> lines) {
        int length = lines.stream().mapToInt(line -> line.text().length() + 1).sum();
        return Math.max(1, Math.min(lines.size(), (int) Math.ceil(length / (double) TweetBoundaries.TWEET_LIMIT)));
    }

    private static double chunkCost(List<Line> lines, int start, int end) {
        int length = lines.get(end - 1).end() - lines.get(start).start();
        return Math.max(0, length - TweetBoundaries.TWEET_LIMIT) * 10.0;
    }

    /**
     * What a tweet boundary between two lines costs (lower: likelier). Authors do not break a line
     * mid-sentence, so such a break is where the site cut between tweets; unrollers write a tweet's
     * paragraphs with blank lines between them and start the next tweet on the next line, so a blank line
     * is inside a tweet, unless the text has no single line breaks at all (tweets copied a paragraph each).
     */
    private static double boundaryCost(Line before, Line after, boolean blankBetween, boolean blankInside) {
        // short items are a list inside a tweet; numbered points of a tweet's length are its tweets
        boolean shortItems = before.text().length() < LONGEST_LIST_ITEM && after.text().length() < LONGEST_LIST_ITEM;
        if (shortItems && LIST_ITEM.matcher(before.text()).find() && LIST_ITEM.matcher(after.text()).find()) {
            return 100;
        }
        boolean midSentence = !ENDS_SENTENCE.matcher(before.text()).find()
                && (Character.isLowerCase(after.stripped().codePointAt(0)) || isContinuationWord(before.text()));
        if (midSentence) {
            return -50;
        }
        if (before.text().stripTrailing().endsWith(":") || LIST_ITEM.matcher(after.text()).find() && after.text().length() < LONGEST_LIST_ITEM) {
            return 60;
        }
        if (blankBetween) {
            return blankInside ? 40 : -20;
        }
        return 0;
    }

    /** Whether blank lines stand inside tweets: they do unless the text breaks lines only at blank lines. */
    private static boolean blankInside(List<Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).number() == lines.get(i - 1).number() + 1) {
                return true;
            }
        }
        return false;
    }

    /** Whether a boundary is likely enough to count a line as opening a tweet. */
    private static boolean opens(double cost) {
        return cost < 20;
    }

    private static boolean isContinuationWord(String line) {
        int end = line.length();
        while (end > 0 && !Character.isLetter(line.charAt(end - 1)) && line.charAt(end - 1) != '&') {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetter(line.charAt(start - 1)) || line.charAt(start - 1) == '\'')) {
            start--;
        }
        return start < end && ContinuationWords.contains(line.substring(start, end));
    }
}
