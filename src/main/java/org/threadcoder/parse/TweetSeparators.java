package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import org.threadcoder.parse.TweetBoundaries.Cut;

/** Tweets cut at what a page writes between them: an X byline above each, or an unroller's line of spaces. */
final class TweetSeparators {
    /** White space a line must hold to be an unroller's tweet separator on its own. */
    private static final int SEPARATOR_SPACES = 8;

    private TweetSeparators() {
    }

    /** Tweets of text copied from X: each byline ({@code Name @handle · 3h}) ends the tweet above it. */
    static List<Cut> betweenBylines(List<MarkedLine> lines, String page) {
        List<Cut> cuts = new ArrayList<>();
        int tweetStart = -1;
        int lastTextEnd = -1;
        for (MarkedLine line : lines) {
            if (line.isText()) {
                if (tweetStart < 0) {
                    tweetStart = line.line().start() + PageText.leadingSpace(line.line().text());
                }
                lastTextEnd = line.line().end();
            } else if (line.role() == SiteRule.Role.TWEET_BYLINE && tweetStart >= 0) {
                cuts.add(new Cut(tweetStart, PageText.trimEnd(page, tweetStart, lastTextEnd), -1, -1, false));
                tweetStart = -1;
            }
        }
        if (tweetStart >= 0) {
            cuts.add(new Cut(tweetStart, PageText.trimEnd(page, tweetStart, lastTextEnd), -1, -1, false));
        }
        return cuts;
    }

    /** Tweets between an unroller's separators: lines of much white space. */
    static List<Cut> separated(List<MarkedLine> lines, String page) {
        List<Cut> cuts = new ArrayList<>();
        int tweetStart = -1;
        int lastTextEnd = -1;
        boolean wide = false;
        for (MarkedLine line : lines) {
            if (line.isText()) {
                if (tweetStart >= 0 && wide) {
                    cuts.add(new Cut(tweetStart, lastTextEnd, -1, -1, false));
                    tweetStart = -1;
                }
                if (tweetStart < 0) {
                    tweetStart = line.line().start() + PageText.leadingSpace(line.line().text());
                }
                lastTextEnd = line.line().end();
                wide = false;
            } else if (line.line().isBlank()) {
                // an unroller writes a line of spaces between tweets; empty lines are an author's (or an image's) gap
                wide |= line.line().text().length() >= SEPARATOR_SPACES;
            }
        }
        if (tweetStart >= 0) {
            cuts.add(new Cut(tweetStart, lastTextEnd, -1, -1, false));
        }
        return cuts.size() > 1 ? cuts.stream().map(cut -> new Cut(cut.start(), PageText.trimEnd(page, cut.start(), cut.end()), -1, -1, false)).toList()
                : List.of();
    }
}
