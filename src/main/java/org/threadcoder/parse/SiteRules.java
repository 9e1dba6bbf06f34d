package org.threadcoder.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site-text table compiled: finds the rule that names a line. Phrases are looked up whole
 * (case-insensitive, white space folded), with one damaged character for phrases of 12 chars or
 * more, and by a prefix at the cut end of a page; regexes run only on short lines, after words
 * one letter away from a site keyword ("tweers", "Profile pictre") are read as the keyword, so a
 * line damaged by one character is still recognised. Immutable: share it.
 */
final class SiteRules {
    /** Site lines are short: longer lines are tweet text, and no regex ever runs on unbounded input. */
    static final int LONGEST_SITE_LINE = 400;
    private static final int FUZZY_PHRASE_LENGTH = 12;
    private static final int CUT_PREFIX_LENGTH = 6;
    /** The most edits any phrase allows (its length over 25, plus one), bounding the lengths worth comparing. */
    private static final int MAX_EXTRA_EDITS = 250;
    private static final int CUT_PREFIX_IN_FOOTER = 4;
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String MONTH_DAY = "(?:" + MONTH + "\\.? \\d{1,2}(?:, ?\\d{4})?|\\d{1,2} " + MONTH + "\\.?(?:,? \\d{4}| \\d{2})?)";
    /** Words site lines are built from; a word one letter away from one (and not itself one) is read as it. */
    private static final List<String> KEYWORDS = List.of("tweets", "picture", "profile", "subscribers", "current", "missing",
            "refresh", "banner", "followers", "following", "statuses", "unrolled", "minutes");

    private static final int SHORTEST_KEYWORD = KEYWORDS.stream().mapToInt(String::length).min().orElseThrow();
    private static final int LONGEST_KEYWORD = KEYWORDS.stream().mapToInt(String::length).max().orElseThrow();

    /** Short words of headers, repaired only in a line that already looks like a header. */
    private static final List<String> SHORT_KEYWORDS = List.of("read", "min");

    /** The metadata a rule's named groups may give. */
    static final List<String> GROUPS = List.of("author", "handle", "date", "count");

    private static final SiteRules BUILT_IN = load("site-text.tsv");

    private final List<SiteRule> rules;
    /** Each rule's row in the table: an earlier row wins. */
    private final Map<SiteRule, Integer> order = new java.util.IdentityHashMap<>();
    /** Phrase rules by their key. */
    private final Map<String, List<SiteRule>> phrases = new HashMap<>();
    /** Phrase rules by key length, for the one-damaged-character lookup. */
    private final Map<Integer, List<SiteRule>> phrasesByLength = new HashMap<>();
    private final List<SiteRule> prefixRules = new ArrayList<>();
    /** The longest whole-line phrase: a longer key is no phrase. */
    private final int longestPhrase;
    private final List<SiteRule> patternRules = new ArrayList<>();
    /** Per pattern rule (same order), the cheap test that rules a line out before its regex runs. */
    private final RegexGates patternGates;

    /** A rule that names a line, and the metadata its groups captured. */
    record Match(SiteRule rule, Map<String, String> captures, boolean damaged) {
        String capture(String group) {
            return captures.get(group);
        }
    }

    private SiteRules(List<SiteRule> rules) {
        this.rules = List.copyOf(rules);
        for (SiteRule rule : rules) {
            order.put(rule, order.size());
        }
        for (SiteRule rule : rules) {
            if (rule.pattern() != null) {
                patternRules.add(rule);
            } else if (rule.prefix()) {
                prefixRules.add(rule);
            } else {
                phrases.computeIfAbsent(rule.phrase(), unused -> new ArrayList<>()).add(rule);
                phrasesByLength.computeIfAbsent(rule.phrase().length(), unused -> new ArrayList<>()).add(rule);
            }
        }
        longestPhrase = phrases.keySet().stream().mapToInt(String::length).max().orElse(0);
        patternGates = new RegexGates(patternRules.stream().map(SiteRule::pattern).toList());
    }

    /** The table bundled with threadcoder. */
    static SiteRules builtIn() {
        return BUILT_IN;
    }

    List<SiteRule> rules() {
        return rules;
    }

    /**
     * The first rule (in table order) that names a line in one of the given parts of the page, or null.
     *
     * @param view    the line's view ({@link Line#view()})
     * @param where   the parts of the page the line stands in ({@link SiteRule.Where#ANY} always counts)
     * @param cutEnd  whether the line is the last of a page cut off mid-line, where a phrase's start counts
     */
    Match match(String view, Set<SiteRule.Where> where, boolean cutEnd) {
        if (view.isBlank()) {
            return null;
        }
        if (view.length() > LONGEST_SITE_LINE) {
            // a long line is tweet text, unless a site's long paragraph opens it (a prefix costs its own length)
            return longLine(view, where);
        }
        // mojibake read first: NFKC would split its marks ("Ã¨" into "Ã ̈") and leave it unreadable
        String line = Mojibake.repaired(view);
        String plain = normalized(line);
        String key = plain.toLowerCase(Locale.ROOT);
        List<Match> found = new ArrayList<>(2);
        for (SiteRule rule : key.length() > longestPhrase ? List.<SiteRule>of() : phrases.getOrDefault(key, List.of())) {
            add(found, rule, where, Map.of(), false);
        }
        for (SiteRule rule : prefixRules) {
            if (key.startsWith(rule.phrase())) {
                add(found, rule, where, Map.of(), false);
            }
        }
        String repaired = repairKeywords(plain);
        long[] admitted = patternGates.admitted(repaired);
        for (int r = 0; r < patternRules.size(); r++) {
            SiteRule rule = patternRules.get(r);
            if (applies(rule, where) && RegexGates.admits(admitted, r)) {
                Matcher matcher = rule.pattern().matcher(repaired);
                if (matcher.matches()) {
                    found.add(new Match(rule, captures(rule.pattern(), matcher), !repaired.equals(plain)));
                }
            }
        }
        if (found.isEmpty() && key.length() >= FUZZY_PHRASE_LENGTH - 1) {
            // a damaged copy: one edit in a phrase, one more for every 25 chars of it
            int reach = allowedEdits(key.length() + MAX_EXTRA_EDITS);
            for (int length = key.length() - reach; length <= key.length() + reach; length++) {
                for (SiteRule rule : phrasesByLength.getOrDefault(length, List.of())) {
                    if (length >= FUZZY_PHRASE_LENGTH && withinEdits(key, rule.phrase(), allowedEdits(length))) {
                        add(found, rule, where, Map.of(), true);
                    }
                }
            }
        }
        if (found.isEmpty() && looksLikeSiteLine(plain)) {
            // a header or byline with one stray character ("2 min/ read"): read it without each character in turn
            for (int drop = 0; drop < plain.length() && found.isEmpty(); drop++) {
                String without = repairShortKeywords(repairKeywords(plain.substring(0, drop) + plain.substring(drop + 1)));
                long[] withoutAdmitted = patternGates.admitted(without);
                for (int r = 0; r < patternRules.size(); r++) {
                    SiteRule rule = patternRules.get(r);
                    Matcher matcher = applies(rule, where) && RegexGates.admits(withoutAdmitted, r)
                            ? rule.pattern().matcher(without) : null;
                    if (matcher != null && matcher.matches()) {
                        found.add(new Match(rule, captures(rule.pattern(), matcher), true));
                        break;
                    }
                }
            }
        }
        if (found.isEmpty() && cutEnd) {
            int shortest = where.contains(SiteRule.Where.FOOTER) ? CUT_PREFIX_IN_FOOTER : CUT_PREFIX_LENGTH;
            for (SiteRule rule : rules) {
                boolean start = rule.phrase() != null && key.length() >= shortest && key.length() <= rule.phrase().length()
                        && (rule.phrase().startsWith(key) || key.length() >= FUZZY_PHRASE_LENGTH
                            && withinEdits(key, rule.phrase().substring(0, key.length()), allowedEdits(key.length())));
                if (start) {
                    add(found, rule, where, Map.of(), true);
                }
            }
        }
        Match best = null;
        for (Match candidate : found) {
            if (best == null || order.get(candidate.rule()) < order.get(best.rule())) {
                best = candidate;
            }
        }
        return best;
    }

    private Match longLine(String view, Set<SiteRule.Where> where) {
        String start = key(view.substring(0, Math.min(view.length(), LONGEST_SITE_LINE)));
        for (SiteRule rule : prefixRules) {
            if (start.startsWith(rule.phrase()) && applies(rule, where)) {
                return new Match(rule, Map.of(), false);
            }
        }
        return null;
    }

    /** Edits a damaged copy of a phrase of this length may hold: one, and one more for every 25 chars. */
    private static int allowedEdits(int length) {
        return 1 + length / 25;
    }

    /** A short line with a header's or byline's words, worth reading again without a stray character. */
    private static boolean looksLikeSiteLine(String line) {
        if (line.length() > 120) {
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

    private static boolean applies(SiteRule rule, Set<SiteRule.Where> where) {
        return rule.where() == SiteRule.Where.ANY || where.contains(rule.where());
    }

    private static void add(List<Match> found, SiteRule rule, Set<SiteRule.Where> where, Map<String, String> captures, boolean damaged) {
        if (applies(rule, where)) {
            found.add(new Match(rule, captures, damaged));
        }
    }

    /** The key a phrase is looked up by: NFKC, quotes straightened, white space folded, lower case. */
    static String key(String text) {
        return normalized(text).toLowerCase(Locale.ROOT);
    }

    /** NFKC (math-bold letters read plain), curly quotes straight, white space folded and trimmed. */
    static String normalized(String text) {
        if (isAscii(text)) {
            return foldedAsciiSpace(text); // NFKC leaves ASCII as it is, and it has no quotes to straighten
        }
        // an ellipsis stays one character (NFKC would make it three), so a stray "…" is one damaged character
        String nfkc = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text.replace('\u2026', '\u0085'),
                Normalizer.Form.NFKC).replace('\u0085', '\u2026');
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            switch (c) {
                case '\u2018', '\u2019' -> out.append('\'');
                case '\u201C', '\u201D' -> out.append('"');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** ASCII text with each run of white space ({@link Character#isWhitespace}) as one space, trimmed; the text itself when it has none to fold. */
    private static String foldedAsciiSpace(String text) {
        int length = text.length();
        boolean fold = length > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1)));
        for (int i = 0; i < length && !fold; i++) {
            char c = text.charAt(i);
            fold = Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(text.charAt(i + 1)));
        }
        if (!fold) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        boolean space = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Reads a word one letter away from a site keyword as the keyword ("tweers" as "tweets"). */
    private static String repairKeywords(String line) {
        if (line.length() > 160) {
            return line;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < line.length()) {
            int start = i;
            while (i < line.length() && Character.isLetter(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                // only a word of a keyword's length, give or take one, can be one letter away from it
                boolean candidate = i - start >= SHORTEST_KEYWORD - 1 && i - start <= LONGEST_KEYWORD + 1 && mayBeNearKeyword(line, start, i);
                String word = candidate ? line.substring(start, i) : null;
                String keyword = word == null ? null : nearKeyword(word.toLowerCase(Locale.ROOT));
                if (keyword != null) {
                    if (out == null) {
                        out = new StringBuilder(line.substring(0, start));
                    }
                    out.append(Character.isUpperCase(word.charAt(0)) ? Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1) : keyword);
                } else if (out != null) {
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

    /** In a line already known to look like a header: "rea" as "read", "mi" as "min", "tweet" kept. */
    private static String repairShortKeywords(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            int start = i;
            while (i < line.length() && Character.isLetter(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                String word = line.substring(start, i);
                String lower = word.toLowerCase(Locale.ROOT);
                String keyword = null;
                for (String candidate : SHORT_KEYWORDS) {
                    if (!lower.equals(candidate) && lower.length() >= 2 && withinOneEdit(lower, candidate)) {
                        keyword = candidate;
                        break;
                    }
                }
                out.append(keyword == null ? word : keyword);
            }
            if (i < line.length()) {
                out.append(line.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Whether an ASCII word could be one letter away from a keyword: one of them of its length, give or take one,
     * agrees with it on the first or the last letter (one edit cannot change both ends of a word of five letters
     * or more). A word with other letters always may (lower-casing can change its length).
     */
    private static boolean mayBeNearKeyword(String line, int start, int end) {
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

    private static String nearKeyword(String word) {
        if (word.length() < 5) {
            return null;
        }
        for (String keyword : KEYWORDS) {
            if (word.equals(keyword)) {
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

    private static Map<String, String> captures(Pattern pattern, Matcher matcher) {
        Map<String, String> captures = new LinkedHashMap<>();
        for (String group : GROUPS) {
            if (!pattern.pattern().contains("(?<" + group + ">")) {
                continue;
            }
            String value = matcher.group(group);
            if (value != null && !value.isBlank()) {
                captures.put(group, value.strip());
            }
        }
        return captures;
    }

    /** Loads a table from the classpath (next to this class). */
    static SiteRules load(String resource) {
        try (InputStream stream = SiteRules.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("the site-text table " + resource + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)).lines().toList(), resource);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the site-text table " + resource, unreadable);
        }
    }

    /** Compiles the rows of a table; a malformed row names its line. */
    static SiteRules parse(List<String> rows, String name) {
        List<SiteRule> rules = new ArrayList<>();
        for (int number = 1; number <= rows.size(); number++) {
            String row = rows.get(number - 1);
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split("\t", -1);
            if (cells.length != 5) {
                throw new IllegalArgumentException(name + " line " + number + ": expected 5 tab-separated cells, got " + cells.length);
            }
            try {
                SiteRule.Role role = SiteRule.Role.valueOf(cells[2].strip().toUpperCase(Locale.ROOT).replace('-', '_'));
                SiteRule.Where where = SiteRule.Where.valueOf(cells[3].strip().toUpperCase(Locale.ROOT));
                String pattern = cells[4].strip();
                if (pattern.startsWith("re:")) {
                    String regex = pattern.substring(3).replace("MONTHDAY", MONTH_DAY).replace("MONTH", MONTH);
                    rules.add(new SiteRule(cells[0].strip(), cells[1].strip(), role, where, null, false,
                            Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
                } else if (pattern.startsWith("prefix:")) {
                    rules.add(new SiteRule(cells[0].strip(), cells[1].strip(), role, where, key(pattern.substring(7)), true, null));
                } else {
                    rules.add(new SiteRule(cells[0].strip(), cells[1].strip(), role, where, key(pattern), false, null));
                }
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(name + " line " + number + ": " + bad.getMessage(), bad);
            }
        }
        return new SiteRules(rules);
    }

    /** Every part of the page, for callers that ask without context. */
    static Set<SiteRule.Where> everywhere() {
        return EnumSet.allOf(SiteRule.Where.class);
    }
}
