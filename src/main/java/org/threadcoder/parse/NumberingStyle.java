package org.threadcoder.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways authors number the tweets of a thread, as one table: each style is a marker (its number in
 * group {@code n}) and the places on a line it may stand. A marker counts only as part of a run
 * 1, 2, 3… (or from 2, after an unnumbered first tweet), so "1/2 cup" or "24/7" stay text.
 *
 * @param name     what the style is called
 * @param marker   the marker's regex; group {@code n} is the tweet's number
 * @param leads    whether it may open a line (after a reply's @mention run and a 🧵): {@code 1/ Text}
 * @param trails   whether it may close a line: {@code … text. 2/}
 * @param midLine  whether it may stand inside a line after a sentence ({@code … mentality 2/ These…}, {@code … 🧵 [2/12] Psychosis…})
 * @param glued    whether, opening a line, it may touch the next word ({@code 2/completely})
 * @param aloneOnly whether it counts only alone on its line ({@code 1.} over a tweet; {@code 1. Text} is a list item)
 */
record NumberingStyle(String name, Pattern marker, boolean leads, boolean trails, boolean midLine, boolean glued, boolean aloneOnly) {

    /** The styles, tried in this order at each place. */
    static final List<NumberingStyle> STYLES = List.of(
            style("paren-slash", "\\((?:[Tt]hread )?(?<n>\\d{1,3})/(?:\\d{1,3}|[xXnN?])\\)", true, true, true, false), // (1/5) (1/?) (Thread 1/5)
            style("bracket-slash", "\\[(?:[Tt]hread |[^\\p{L}\\p{N}\\s\\]]{1,4})?(?<n>\\d{1,3})/(?:\\d{1,3}|[xXnN?])\\]", true, true, true, false), // [1/5] [Thread 1/7] [!!:1/6] [🧵1/6]
            style("slash", "(?<n>\\d{1,3})/(?:\\d{1,3}|[xXnN?](?![\\p{L}]))?", true, true, true, true),     // 1/ 1/10 1/x 1/n
            style("dot-slash", "(?<n>\\d{1,3})\\./", true, true, false, false),                            // 1./
            style("slash-first", "/(?<n>\\d{1,3})", true, true, false, false),                               // /1
            style("backslash", "\\\\{1,2}(?<n>\\d{1,3})", true, true, false, false),                         // \1 \\1
            style("dash", "(?<n>\\d{1,3})-", true, false, false, false),                                    // 1- Text
            style("of", "(?<n>\\d{1,3}) ?of ?\\d{1,3}", true, true, false, false),                          // 1 of 2, 1of2
            // "(1) text" opening a line is a list item: this style leads only alone on its line, and closes lines
            new NumberingStyle("paren", Pattern.compile("\\((?<n>\\d{1,3})\\)"), true, true, false, false, true), // … a thread (1)
            new NumberingStyle("dot-alone", Pattern.compile("(?<n>\\d{1,3})\\."), true, false, false, false, true)); // 1. alone

    /** Each style's marker's gate: the chars a marker starts with rule most places out without a matcher. */
    private static final java.util.Map<Pattern, RegexGate> GATES = new java.util.IdentityHashMap<>();

    static {
        for (NumberingStyle style : STYLES) {
            GATES.put(style.marker(), RegexGate.of(style.marker()));
        }
    }

    private static NumberingStyle style(String name, String marker, boolean leads, boolean trails, boolean midLine, boolean glued) {
        return new NumberingStyle(name, Pattern.compile(marker), leads, trails, midLine, glued, false);
    }

    /** Styles an author mixes in one thread ({@code 1/}, {@code 2/}, {@code /3}) share a family; a run keeps to one. */
    static String family(String style) {
        return style.contains("slash") && !style.equals("backslash") ? "slash" : style;
    }

    /** The tweet count a marker gives ({@code 12} in {@code 7/12} or {@code 1 of 12}), or -1 when it gives none. */
    static int count(String marker) {
        int end = marker.length();
        while (end > 0 && !Character.isDigit(marker.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isDigit(marker.charAt(start - 1))) {
            start--;
        }
        // a count follows its tweet's number: "7/12", "1 of 12"; "/4" is a number alone
        boolean afterSlash = start > 1 && marker.charAt(start - 1) == '/' && Character.isDigit(marker.charAt(start - 2));
        int beforeSpace = start > 0 && marker.charAt(start - 1) == ' ' ? start - 1 : start;
        boolean afterOf = beforeSpace >= 2 && marker.regionMatches(true, beforeSpace - 2, "of", 0, 2);
        return (afterSlash || afterOf) && end > start && end - start <= 3 ? Integer.parseInt(marker.substring(start, end)) : -1;
    }

    /** How far past its start a marker is looked for (no marker is longer). */
    static final int REACH = 16;

    /** The marker matched at {@code at} exactly, or null. */
    Matcher at(String text, int at) {
        if (!GATES.getOrDefault(marker, RegexGate.OPEN).mayStartAt(text, at)) {
            return null;
        }
        Matcher matcher = marker.matcher(text);
        matcher.region(at, Math.min(text.length(), at + REACH));
        return matcher.lookingAt() ? matcher : null;
    }
}
