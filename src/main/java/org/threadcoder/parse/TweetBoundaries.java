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

    private enum Place { LEAD, TRAIL, ALONE, MID }

    /**
     * A marker found: its number and range, where on its line it stands, its style; whether it touches the
     * next word ({@code 2/completely}); whether it is half of a glued pair ({@code 1/101/}); and where its tweet
     * opens when it leads (the line's start, when a reply's {@code @mention} run or a 🧵 stands before it).
     */
    private record Candidate(int number, int start, int end, Place place, String style, boolean glued, boolean pair, int opens) {
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
        List<Candidate> accepted = sequence(found, page);
        if (!accepted.isEmpty()) {
            return new Tweets(fromMarkers(accepted, page, first, end), ranges(accepted));
        }
        Candidate lone = loneFirst(found, page);
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
        found.stream().filter(candidate -> candidate.place() == Place.ALONE && candidate != lone && count(page, candidate) >= candidate.number())
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

    /**
     * The markers that form the thread's run: 1, 2, 3… of one family of styles (from 2 after an unnumbered first tweet; a number may
     * repeat), or, on a page that starts mid-thread, three or more slash markers counting on from a higher number.
     */
    private static List<Candidate> sequence(List<Candidate> candidates, String page) {
        List<Candidate> fromOne = run(candidates, 0, 1, page);
        if (!fromOne.isEmpty()) {
            return fromOne;
        }
        // an excerpt cut after its first tweets, or a thread's later page ("5/", "6/", "7/"): no "1/" to start from, so a run
        // from a higher number needs three markers of the slash family, which lists do not use; a few starts are tried
        int tried = 0;
        for (int index = 0; index < candidates.size() && tried < MID_THREAD_STARTS; index++) {
            Candidate start = candidates.get(index);
            if (start.number() > 2 && !start.glued() && NumberingStyle.family(start.style()).equals(SLASH_FAMILY)) {
                tried++;
                List<Candidate> later = run(candidates, index, start.number(), page);
                if (later.size() >= 3 && later.get(later.size() - 1).number() >= start.number() + 2) {
                    return later;
                }
            }
        }
        return List.of();
    }

    /** How many markers a page that starts mid-thread may have its run start at. */
    private static final int MID_THREAD_STARTS = 4;
    private static final String SLASH_FAMILY = NumberingStyle.family("slash");

    /** The run from {@code candidates[from]} expecting the number {@code expected} first; empty when it is not a run. */
    private static List<Candidate> run(List<Candidate> candidates, int from, int expected, String page) {
        List<Candidate> accepted = new ArrayList<>();
        String style = null;
        for (Candidate candidate : candidates.subList(from, candidates.size())) {
            if (style != null && !NumberingStyle.family(candidate.style()).equals(style)) {
                continue;
            }
            Candidate last = accepted.isEmpty() ? null : accepted.get(accepted.size() - 1);
            boolean next = candidate.number() == expected || accepted.isEmpty() && candidate.number() == 2 && !candidate.glued();
            boolean repeat = last != null && candidate.number() == last.number() && !candidate.glued() && candidate.start() >= last.end();
            // a writer who forgot one number ("1/n", then "3/n") goes on in the same style
            boolean skip = last != null && candidate.number() == expected + 1 && candidate.style().equals(last.style()) && !candidate.glued();
            // the same count on both ("7/12", then "10/12") vouches for a longer gap: tweets the page lost
            boolean counted = last != null && candidate.number() > expected && candidate.style().equals(last.style()) && !candidate.glued()
                    && count(page, last) > 0 && count(page, candidate) == count(page, last) && candidate.number() <= count(page, candidate);
            if (next || repeat || skip || counted) {
                accepted.add(candidate);
                style = NumberingStyle.family(candidate.style());
                expected = candidate.number() + 1;
            }
        }
        // a hook numbered "1/10" glued to the body's restart "1/" counts as a run too
        boolean run = accepted.size() >= 2 && (accepted.get(accepted.size() - 1).number() > accepted.get(0).number()
                || accepted.stream().anyMatch(Candidate::pair));
        // one "2/" after an unnumbered first tweet is a run too ("… kinder. 2/ Review …"); a lone "1/" could be a fraction, and
        // a "1/" below the "2/" is a feed showing the newest post first, where the tweet above is no first tweet
        boolean second = accepted.size() == 1 && accepted.get(0).number() == 2 && accepted.get(0).place() != Place.TRAIL
                && candidates.stream().noneMatch(candidate -> candidate.number() == 1 && candidate.start() > accepted.get(0).start());
        return run || second ? accepted : List.of();
    }

    private static int count(String page, Candidate marker) {
        return NumberingStyle.count(page.substring(marker.start(), marker.end()));
    }

    /**
     * The first tweet's own marker in an excerpt cut after it ({@code … look for! 1/5}): a lone trailing "1/" with a count,
     * after a sentence's end mark (no fraction stands there); masked, though it cuts no tweet. Null when there is none.
     */
    private static Candidate loneFirst(List<Candidate> found, String page) {
        Candidate only = null;
        for (Candidate candidate : found) {
            if (candidate.number() == 1 && candidate.place() == Place.TRAIL && closesWithCount(page, candidate)) {
                if (only != null) {
                    return null;
                }
                only = candidate;
            }
        }
        return only;
    }

    /** Whether a trailing marker gives a count ({@code 1/5}, {@code (1/n)}) and stands after a sentence's end mark or "thread". */
    private static boolean closesWithCount(String page, Candidate marker) {
        String text = page.substring(marker.start(), marker.end());
        int slash = text.indexOf('/');
        boolean count = slash >= 0 && slash + 1 < text.length() && "0123456789nNxX?".indexOf(text.charAt(slash + 1)) >= 0;
        int before = marker.start();
        while (before > 0 && (Character.isWhitespace(page.charAt(before - 1)) || PageText.isDecoration(page.charAt(before - 1))
                || Character.isSurrogate(page.charAt(before - 1)))) {
            before--;
        }
        boolean afterEnd = before > 0 && ".!?…:".indexOf(page.charAt(before - 1)) >= 0;
        boolean afterThread = before >= 6 && page.regionMatches(true, before - 6, "thread", 0, 6);
        return count && (afterEnd || afterThread);
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
