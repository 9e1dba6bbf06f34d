package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where the tweets of a thread begin and end: at numbering markers of one of the
 * {@link NumberingStyle}s, or, where there are none, at the bylines of text copied from X, at the
 * separators an unroller writes (runs of white-space-only lines), or inferred at line breaks from the announced tweet count and the
 * 280-character limit ({@link TweetInference}).
 *
 * <p>A marker that opens a line opens its tweet; one that closes a line closes it; a marker alone on
 * a line goes the way most markers of the thread go. {@code 2.}/{@code 1)} at line starts count as
 * tweet numbering only when they run to the announced tweet count (or, with no count, number every
 * tweet from the first line): otherwise they are list items.
 */
final class TweetBoundaries {
    static final int TWEET_LIMIT = 280;

    private static final Pattern MID_LINE = Pattern.compile("(?<=[ \\t])(\\d{1,3})/(?:(\\d{1,3})/)?(?=[ \\t]+\\S)");
    /** A {@code /2} closing a tweet inside a line, after its sentence's end and before the next tweet ({@code … for.” /1 @x What…}). */
    private static final Pattern MID_LINE_TRAIL = Pattern.compile("(?<=[.!?…\"”'’)][ \\t])/(\\d{1,3})(?=[ \\t]+\\S)");
    private static final Pattern GLUED_PAIR = Pattern.compile("(?<=[ \\t])(\\d{1,2})/(\\d{1,3})(\\d)/(?=[ \\t]+\\S)");

    /** A tweet: its char range in the page, and its marker's range ({@code -1} when none). */
    record Cut(int start, int end, int markerStart, int markerEnd, boolean inferred) {
    }

    /** The tweets of a thread, and every numbering marker found (all masked, not only each tweet's own). */
    record Tweets(List<Cut> cuts, List<int[]> markers) {
    }

    enum Place { LEAD, TRAIL, ALONE, MID }

    /**
     * A marker found: its number and range, where on its line it stands, its style; whether it touches the
     * next word ({@code 2/completely}); whether it is half of a glued pair ({@code 1/101/}); and where its tweet
     * opens when it leads (the line's start, when a reply's {@code @mention} run or a 🧵 stands before it).
     */
    record Candidate(int number, int start, int end, Place place, String style, boolean glued, boolean pair, int opens) {
        Candidate(int number, int start, int end, Place place, String style, boolean glued) {
            this(number, start, end, place, style, glued, false, start);
        }
    }

    private TweetBoundaries() {
    }

    /**
     * The tweets of a thread's lines.
     *
     * @param lines     the thread's lines (tweet text, noise and blank lines), in page order
     * @param page      the page text
     * @param announced the tweet count the page announces, or null
     * @param complete  whether the thread is the page's own; a preview with no count shows its first tweet only
     */
    static Tweets cut(List<MarkedLine> lines, String page, Integer announced, boolean complete) {
        List<Line> text = lines.stream().filter(MarkedLine::isText).map(MarkedLine::line).toList();
        int first = PageText.firstTextOffset(text);
        int end = text.get(text.size() - 1).end();
        List<Candidate> found = candidates(text);
        List<Candidate> accepted = MarkerRuns.sequence(found, page);
        if (!accepted.isEmpty()) {
            return new Tweets(fromMarkers(accepted, page, first, end), ranges(accepted));
        }
        Candidate lone = MarkerRuns.loneFirst(found, page);
        List<int[]> loneMarker = lone == null ? List.of() : List.of(new int[] {lone.start(), lone.end()});
        // a "1/" before lines numbered "2.", "3.": the writer numbers tweets, the first in another style (at its line's start or inside it)
        Candidate one = found.stream().filter(candidate -> candidate.number() == 1).findFirst().orElse(null);
        List<Cut> numbered = NumberedLines.cuts(text, announced, one != null);
        if (!numbered.isEmpty()) {
            List<int[]> markers = new ArrayList<>(loneMarker);
            if (one != null && lone == null && one.end() <= numbered.get(0).start()) {
                markers.add(new int[] {one.start(), one.end()});
            }
            numbered.forEach(cut -> markers.add(new int[] {cut.markerStart(), cut.markerEnd()}));
            return new Tweets(NumberedLines.withUnnumberedFirst(numbered, first, page), markers);
        }
        // where bylines or separators cut the tweets, a counted marker alone on its line ("1/2" over a post) is no run, but no text either
        List<int[]> countedAlone = new ArrayList<>(loneMarker);
        found.stream().filter(candidate -> candidate.place() == Place.ALONE && candidate != lone && MarkerRuns.count(page, candidate) >= candidate.number())
                .forEach(candidate -> countedAlone.add(new int[] {candidate.start(), candidate.end()}));
        List<Cut> bylined = TweetSeparators.betweenBylines(lines, page);
        if (bylined.size() > 1) {
            return new Tweets(bylined, countedAlone);
        }
        List<Cut> separated = TweetSeparators.separated(lines, page);
        if (separated.size() > 1) {
            return new Tweets(separated, countedAlone);
        }
        if (!complete && announced == null) {
            return new Tweets(List.of(new Cut(first, PageText.trimEnd(page, first, end), -1, -1, true)), loneMarker);
        }
        return new Tweets(TweetInference.infer(text, announced, page), loneMarker);
    }

    /** Marker candidates of every style at every place they may stand, in text order. */
    private static List<Candidate> candidates(List<Line> lines) {
        List<Candidate> found = new ArrayList<>();
        for (Line line : lines) {
            String text = line.text();
            int base = line.start();
            int lead = PageText.skipDecoration(text, InlineNoise.leadingMentions(text));
            int lineOpens = base + PageText.skipDecoration(text, 0);
            int trail = PageText.trailEnd(text);
            Candidate leading = null;
            // every style's marker holds its number: no digit where a marker would stand, no marker
            boolean digitAtLead = hasDigit(text, lead, Math.min(text.length(), lead + NumberingStyle.REACH));
            for (NumberingStyle style : digitAtLead ? NumberingStyle.STYLES : List.<NumberingStyle>of()) {
                Matcher marker = style.leads() ? style.at(text, lead) : null;
                if (marker == null) {
                    continue;
                }
                int after = marker.end();
                boolean alone = after >= trail;
                boolean spaced = after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t');
                boolean glued = after < text.length() && Character.isLetter(text.charAt(after)) && style.glued();
                if (style.aloneOnly() && !alone) {
                    continue;
                }
                if (alone || spaced || glued) {
                    leading = new Candidate(number(marker), base + marker.start(), base + after, alone ? Place.ALONE : Place.LEAD, style.name(),
                            glued && !alone, false, Math.min(lineOpens, base + marker.start()));
                    break;
                }
            }
            List<Candidate> middle = new ArrayList<>();
            if (leading == null || leading.place() != Place.ALONE) {
                midLine(text, base, leading == null ? lead : leading.end() - base, middle);
            }
            Candidate trailing = null;
            if (leading == null || leading.place() != Place.ALONE) {
                trailing = trailing(text, base, trail, leading == null ? lead : leading.end() - base);
                // only a line with a link can hold a marker before it
                int beforeLinks = trailing == null && text.indexOf('/') >= 0 ? PageText.trailEndBeforeLinks(text) : trail;
                if (beforeLinks < trail) {
                    trailing = trailing(text, base, beforeLinks, leading == null ? lead : leading.end() - base);
                }
            }
            if (leading != null) {
                found.add(leading);
            }
            for (Candidate mid : middle) {
                if (trailing == null || mid.end() <= trailing.start()) {
                    found.add(mid);
                }
            }
            if (trailing != null) {
                found.add(trailing);
            }
        }
        return found;
    }

    /** A marker that ends a line ({@code … tautology. /2}, {@code 🚨1/11}, {@code prepare. \\1}), or null. */
    private static Candidate trailing(String text, int base, int trail, int notBefore) {
        if (!hasDigit(text, Math.max(0, Math.max(notBefore, trail - NumberingStyle.REACH)), trail)) {
            return null;
        }
        for (NumberingStyle style : NumberingStyle.STYLES) {
            if (!style.trails()) {
                continue;
            }
            for (int start = Math.max(notBefore, trail - NumberingStyle.REACH); start < trail; start++) {
                Matcher marker = style.at(text, start);
                if (marker != null && marker.end() == trail && (start == 0 || PageText.isBoundary(text, start - 1))) {
                    return new Candidate(number(marker), base + start, base + trail, Place.TRAIL, style.name(), false);
                }
            }
        }
        return null;
    }

    /**
     * Markers inside a line: slashes after a word and a space ({@code … mentality 2/ These…}), glued pairs
     * ({@code 1/101/}), and bracketed counts after a space ({@code … fast: 🧵 Image [2/12] Psychosis…}, the next
     * tweet glued to an image tweet's line), each before a space and more text.
     */
    private static void midLine(String text, int base, int from, List<Candidate> found) {
        bracketedMidLine(text, base, from, found);
        if (text.contains(" /")) {
            Matcher closing = MID_LINE_TRAIL.matcher(text);
            while (closing.find()) {
                if (closing.start() >= from) {
                    found.add(new Candidate(Integer.parseInt(closing.group(1)), base + closing.start(), base + closing.end(), Place.TRAIL,
                            "slash-first", false));
                }
            }
        }
        if (!hasSpacedNumberBeforeSlash(text)) {
            return;
        }
        Matcher glued = GLUED_PAIR.matcher(text);
        List<int[]> taken = new ArrayList<>();
        while (glued.find()) {
            if (glued.start() < from) {
                continue;
            }
            int split = glued.start(3);
            found.add(new Candidate(Integer.parseInt(glued.group(1)), base + glued.start(), base + split, Place.TRAIL, "slash", false, true,
                    base + glued.start()));
            found.add(new Candidate(Integer.parseInt(glued.group(3)), base + split, base + glued.end(), Place.LEAD, "slash", false, true,
                    base + split));
            taken.add(new int[] {glued.start(), glued.end()});
        }
        Matcher marker = MID_LINE.matcher(text);
        while (marker.find()) {
            int at = marker.start();
            boolean inGlued = taken.stream().anyMatch(range -> range[0] <= at && at < range[1]);
            if (at >= from && !inGlued && marker.group(2) == null && PageText.afterWordAndSpace(text, at)) {
                found.add(new Candidate(Integer.parseInt(marker.group(1)), base + at, base + marker.end(), Place.MID, "slash", false));
            }
        }
    }

    /**
     * The bracketed markers of the mid-line styles ({@code [2/12]}, {@code (3/7)}) inside a line, after a space and
     * what ends a tweet: an end mark, a symbol or emoji ({@code 🧵}), with picture placeholders between; after a word
     * ("the ratio [2/3] held") a bracketed count is the sentence's own.
     */
    private static void bracketedMidLine(String text, int base, int from, List<Candidate> found) {
        for (int at = Math.max(1, from); at < text.length(); at++) {
            char c = text.charAt(at);
            if ((c != '[' && c != '(') || (text.charAt(at - 1) != ' ' && text.charAt(at - 1) != '\t') || !PageText.afterTweetEnd(text, at)) {
                continue;
            }
            // only the bracketed styles can match at a bracket
            for (NumberingStyle style : NumberingStyle.STYLES) {
                Matcher marker = style.midLine() ? style.at(text, at) : null;
                int after = marker == null ? -1 : marker.end();
                if (marker != null && after + 1 < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')
                        && !Character.isWhitespace(text.charAt(after + 1))) {
                    found.add(new Candidate(number(marker), base + at, base + after, Place.MID, style.name(), false));
                    break;
                }
            }
        }
    }

    /** Whether an ASCII digit stands in {@code [from, to)}. */
    private static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a run of one to three digits after a space or tab ends at a slash: where both mid-line patterns
     * ({@code MID_LINE}, {@code GLUED_PAIR}) must start, so a line without one needs neither.
     */
    private static boolean hasSpacedNumberBeforeSlash(String text) {
        for (int slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
            int digits = slash;
            while (digits > 0 && text.charAt(digits - 1) >= '0' && text.charAt(digits - 1) <= '9') {
                digits--;
            }
            int run = slash - digits;
            if (run >= 1 && run <= 3 && digits > 0 && (text.charAt(digits - 1) == ' ' || text.charAt(digits - 1) == '\t')) {
                return true;
            }
        }
        return false;
    }

    /** Tweets from accepted markers: a leading marker opens a tweet, a trailing one closes it. */
    private static List<Cut> fromMarkers(List<Candidate> markers, String page, int first, int end) {
        int leads = 0;
        int trails = 0;
        for (Candidate marker : markers) {
            leads += marker.place() == Place.LEAD || marker.place() == Place.MID ? 1 : 0;
            trails += marker.place() == Place.TRAIL ? 1 : 0;
        }
        Candidate firstAlone = markers.stream().filter(marker -> marker.place() == Place.ALONE).findFirst().orElse(null);
        boolean aloneTrails = trails > leads
                || trails == leads && firstAlone != null && firstAlone.number() == 1 && PageText.hasText(page, first, firstAlone.start());
        List<Cut> cuts = new ArrayList<>();
        int tweetStart = first;
        Candidate tweetMarker = null;
        for (Candidate marker : markers) {
            boolean closes = marker.place() == Place.TRAIL || marker.place() == Place.ALONE && aloneTrails;
            if (closes) {
                if (PageText.hasText(page, tweetStart, marker.start()) || tweetMarker != null) {
                    Candidate own = tweetMarker != null ? tweetMarker : marker;
                    cuts.add(new Cut(tweetStart, marker.end(), own.start(), own.end(), false));
                }
                tweetStart = PageText.nextText(page, marker.end(), end);
                tweetMarker = null;
            } else {
                int opens = Math.max(tweetStart, marker.opens());
                if (PageText.hasText(page, tweetStart, opens)) {
                    int markerStart = tweetMarker == null ? -1 : tweetMarker.start();
                    int markerEnd = tweetMarker == null ? -1 : tweetMarker.end();
                    cuts.add(new Cut(tweetStart, PageText.trimEnd(page, tweetStart, opens), markerStart, markerEnd, false));
                }
                tweetStart = opens;
                tweetMarker = marker;
            }
        }
        if (tweetStart < end && (PageText.hasText(page, tweetStart, end) || tweetMarker != null)) {
            cuts.add(new Cut(tweetStart, PageText.trimEnd(page, tweetStart, end), tweetMarker == null ? -1 : tweetMarker.start(),
                    tweetMarker == null ? -1 : tweetMarker.end(), false));
        }
        return cuts;
    }

    private static List<int[]> ranges(List<Candidate> markers) {
        return markers.stream().map(marker -> new int[] {marker.start(), marker.end()}).toList();
    }

    private static int number(Matcher marker) {
        return Integer.parseInt(marker.group("n"));
    }
}
