package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import org.threadcoder.parse.TweetBoundaries.Candidate;
import org.threadcoder.parse.TweetBoundaries.Place;

/**
 * Which of a thread's marker candidates form its numbering: the run 1, 2, 3… (or one that counts on from a higher
 * number on a page that starts mid-thread), and the lone first marker of an excerpt cut after its first tweet.
 */
final class MarkerRuns {
    /** How many markers a page that starts mid-thread may have its run start at. */
    private static final int MID_THREAD_STARTS = 4;
    private static final String SLASH_FAMILY = NumberingStyle.family("slash");

    private MarkerRuns() {
    }

    /**
     * The markers that form the thread's run: 1, 2, 3… of one family of styles (from 2 after an unnumbered first tweet; a number may
     * repeat), or, on a page that starts mid-thread, three or more slash markers counting on from a higher number.
     */
    static List<Candidate> sequence(List<Candidate> candidates, String page) {
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

    static int count(String page, Candidate marker) {
        return NumberingStyle.count(page.substring(marker.start(), marker.end()));
    }

    /**
     * The first tweet's own marker in an excerpt cut after it ({@code … look for! 1/5}): a lone trailing "1/" with a count,
     * after a sentence's end mark (no fraction stands there); masked, though it cuts no tweet. Null when there is none.
     */
    static Candidate loneFirst(List<Candidate> found, String page) {
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
}
