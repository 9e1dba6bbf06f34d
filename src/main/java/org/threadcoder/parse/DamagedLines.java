package org.threadcoder.parse;

import java.util.List;
import java.util.Locale;

/**
 * Site lines as real pages damage them: a keyword one letter off ({@code tweers}), a stray
 * character in a header ({@code 2 min/ read}), a phrase a few edits away from the table's. Every
 * comparison is linear in the line's length.
 */
final class DamagedLines {
    /** Words site lines are built from; a word one letter away from one (and not itself one) is read as it. */
    private static final List<String> KEYWORDS = List.of("tweets", "picture", "profile", "subscribers", "current", "missing",
            "refresh", "banner", "followers", "following", "statuses", "unrolled", "minutes");

    private static final int SHORTEST_KEYWORD = KEYWORDS.stream().mapToInt(String::length).min().orElseThrow();
    private static final int LONGEST_KEYWORD = KEYWORDS.stream().mapToInt(String::length).max().orElseThrow();

    /** Short words of headers, repaired only in a line that already looks like a header. */
    private static final List<String> SHORT_KEYWORDS = List.of("read", "min");

    /** A threader byline holds the author's bio before the date: header lines run to about this length. */
    private static final int LONGEST_HEADER_LINE = 200;

    private DamagedLines() {
    }

    /** Edits a damaged copy of a phrase of this length may hold: one, and one more for every 25 chars. */
    static int allowedEdits(int length) {
        return 1 + length / 25;
    }

    /** A short line with a header's or byline's words, worth reading again without a stray character. */
    static boolean looksLikeSiteLine(String line) {
        if (line.length() > LONGEST_HEADER_LINE) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.contains("tweet") || lower.contains("min read") || lower.contains("read on") || lower.contains("profile pic")
                || lower.contains("subscriber") || lower.contains("more from") || lower.contains("keep current");
    }

    /** Whether two strings are at most {@code edits} insertions, deletions or substitutions apart (banded, linear in length). */
    static boolean withinEdits(String a, String b, int edits) {
        if (Math.abs(a.length() - b.length()) > edits) {
            return false;
        }
        if (edits == 1) {
            return withinOneEdit(a, b);
        }
        int width = 2 * edits + 1;
        int infinity = edits + 1;
        int[] previous = new int[width];
        int[] current = new int[width];
        // row i holds distances for j in [i - edits, i + edits], stored at j - i + edits
        for (int d = 0; d < width; d++) {
            int j = d - edits;
            previous[d] = j < 0 ? infinity : Math.min(j, infinity);
        }
        for (int i = 1; i <= a.length(); i++) {
            int best = infinity;
            for (int d = 0; d < width; d++) {
                int j = i + d - edits;
                if (j < 0 || j > b.length()) {
                    current[d] = infinity;
                    continue;
                }
                int value = infinity;
                if (j == 0) {
                    value = Math.min(i, infinity);
                } else {
                    int substitute = previous[d] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    int delete = d + 1 < width ? previous[d + 1] + 1 : infinity;
                    int insert = d > 0 ? current[d - 1] + 1 : infinity;
                    value = Math.min(infinity, Math.min(substitute, Math.min(delete, insert)));
                }
                current[d] = value;
                best = Math.min(best, value);
            }
            if (best > edits) {
                return false;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int d = b.length() - a.length() + edits;
        return d >= 0 && d < width && previous[d] <= edits;
    }

    /** Reads a word one letter away from a site keyword as the keyword ("tweers" as "tweets"). */
    static String repairKeywords(String line) {
        if (line.length() > 160) {
            return line;
        }
        return replaceWords(line, (text, start, end) -> {
            // only a word of a keyword's length, give or take one, can be one letter away from it
            if (end - start < SHORTEST_KEYWORD - 1 || end - start > LONGEST_KEYWORD + 1 || !mayBeNearKeyword(text, start, end)) {
                return null;
            }
            String word = text.substring(start, end);
            String keyword = nearKeyword(word.toLowerCase(Locale.ROOT));
            return keyword == null ? null
                    : Character.isUpperCase(word.charAt(0)) ? Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1) : keyword;
        });
    }

    /** In a line already known to look like a header: "rea" as "read", "mi" as "min", "tweet" kept. */
    static String repairShortKeywords(String line) {
        return replaceWords(line, (text, start, end) -> {
            String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
            for (String candidate : SHORT_KEYWORDS) {
                if (!lower.equals(candidate) && lower.length() >= 2 && withinOneEdit(lower, candidate)) {
                    return candidate;
                }
            }
            return null;
        });
    }

    /** What a run of letters {@code [start, end)} of a line reads as, or null when it reads as written. */
    private interface WordReading {
        String of(String line, int start, int end);
    }

    /** The line with each run of letters read by {@code reading}; the line itself when no run reads otherwise. */
    private static String replaceWords(String line, WordReading reading) {
        StringBuilder out = null;
        int i = 0;
        while (i < line.length()) {
            int start = i;
            while (i < line.length() && Character.isLetter(line.charAt(i))) {
                i++;
            }
            String replaced = i > start ? reading.of(line, start, i) : null;
            if (replaced != null && out == null) {
                out = new StringBuilder(line.length()).append(line, 0, start);
            }
            if (out != null) {
                if (replaced != null) {
                    out.append(replaced);
                } else {
                    out.append(line, start, i);
                }
            }
            if (i < line.length()) {
                if (out != null) {
                    out.append(line.charAt(i));
                }
                i++;
            }
        }
        return out == null ? line : out.toString();
    }

    /**
     * Whether an ASCII word could be one letter away from a keyword: one of them of its length, give or take one,
     * agrees with it on the first or the last letter (one edit cannot change both ends of a word of five letters
     * or more). A word with other letters always may (lower-casing can change its length).
     */
    static boolean mayBeNearKeyword(String line, int start, int end) {
        for (int i = start; i < end; i++) {
            if (line.charAt(i) >= 0x80) {
                return true;
            }
        }
        char first = Character.toLowerCase(line.charAt(start));
        char last = Character.toLowerCase(line.charAt(end - 1));
        int length = end - start;
        for (String keyword : KEYWORDS) {
            if (Math.abs(keyword.length() - length) <= 1 && (keyword.charAt(0) == first || keyword.charAt(keyword.length() - 1) == last)) {
                return true;
            }
        }
        return false;
    }

    static String nearKeyword(String word) {
        if (word.length() < 5) {
            return null;
        }
        for (String keyword : KEYWORDS) {
            // a keyword's singular is a word as written ("Quote Tweet", "1 subscriber"), not a damaged plural
            boolean singular = keyword.endsWith("s") && word.length() == keyword.length() - 1 && keyword.startsWith(word);
            if (word.equals(keyword) || singular) {
                return null;
            }
        }
        for (String keyword : KEYWORDS) {
            if (Math.abs(keyword.length() - word.length()) <= 1 && withinOneEdit(word, keyword)) {
                return keyword;
            }
        }
        return null;
    }

    /** Whether two strings are at most one insertion, deletion or substitution apart (linear). */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int j = a.length() - 1;
        int k = b.length() - 1;
        while (j >= i && k >= i && a.charAt(j) == b.charAt(k)) {
            j--;
            k--;
        }
        return j - i < 1 && k - i < 1;
    }
}
