package org.threadcoder.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    /** The longest footer line worth reading again without a stray character (a wallet address is under 80). */
    private static final int STRAY_IN_FOOTER = 120;
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String MONTH_DAY = "(?:" + MONTH + "\\.? \\d{1,2}(?:, ?\\d{4})?|\\d{1,2} " + MONTH + "\\.?(?:,? \\d{4}| \\d{2})?)";

    /** The metadata a rule's named groups may give. */
    static final List<String> GROUPS = List.of("author", "handle", "date", "count");

    private static final SiteRules BUILT_IN = load("site-text.tsv");

    private final List<SiteRule> rules;
    /** Each rule's row in the table: an earlier row wins. */
    private final Map<SiteRule, Integer> order = new java.util.IdentityHashMap<>();
    /** Phrase rules by their key. */
    private final Map<String, List<SiteRule>> phrases = new HashMap<>();
    /** Phrase rules by key length (the index), for the one-damaged-character lookup. */
    private final List<List<SiteRule>> phrasesByLength = new ArrayList<>();
    private final List<SiteRule> prefixRules = new ArrayList<>();
    /** The longest whole-line phrase: a longer key is no phrase. */
    private final int longestPhrase;
    private final List<SiteRule> patternRules = new ArrayList<>();
    /** Per pattern rule (same order), the {@link #GROUPS} its regex names. */
    private final List<List<String>> patternGroups = new ArrayList<>();
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
                patternGroups.add(GROUPS.stream().filter(group -> rule.pattern().pattern().contains("(?<" + group + ">")).toList());
            } else if (rule.prefix()) {
                prefixRules.add(rule);
            } else {
                phrases.computeIfAbsent(rule.phrase(), unused -> new ArrayList<>()).add(rule);
                while (phrasesByLength.size() <= rule.phrase().length()) {
                    phrasesByLength.add(new ArrayList<>());
                }
                phrasesByLength.get(rule.phrase().length()).add(rule);
            }
        }
        longestPhrase = phrasesByLength.size() - 1;
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
     * A short line read once for every lookup of it: what {@link #match(Reading, Set, boolean)} needs whatever the
     * parts of the page it is asked about, so a page's second pass over its lines (in a narrower context) reads
     * none of them again.
     *
     * @param view     the line's view, as given
     * @param plain    mojibake repaired, then {@link #normalized}
     * @param key      {@code plain} in lower case, the phrase key
     * @param repaired {@code plain} with words one letter from a site keyword read as the keyword
     * @param admitted which pattern rules' gates let {@code repaired} through ({@link RegexGates#admitted})
     */
    record Reading(String view, String plain, String key, String repaired, long[] admitted) {
        boolean isLong() {
            return plain == null;
        }
    }

    /** Reads a line for {@link #match(Reading, Set, boolean)}; a blank or long line is read no further. */
    Reading read(String view) {
        if (view.isBlank() || view.length() > LONGEST_SITE_LINE) {
            return new Reading(view, null, null, null, null);
        }
        // mojibake read first: NFKC would split its marks ("Ã¨" into "Ã ̈") and leave it unreadable
        String plain = PhraseKeys.normalized(Mojibake.repaired(view));
        String repaired = DamagedLines.repairKeywords(plain);
        return new Reading(view, plain, plain.toLowerCase(Locale.ROOT), repaired, patternGates.admitted(repaired));
    }

    /**
     * The first rule (in table order) that names a line in one of the given parts of the page, or null.
     *
     * @param view    the line's view ({@link Line#view()})
     * @param where   the parts of the page the line stands in ({@link SiteRule.Where#ANY} always counts)
     * @param cutEnd  whether the line is the last of a page cut off mid-line, where a phrase's start counts
     */
    Match match(String view, Set<SiteRule.Where> where, boolean cutEnd) {
        return match(read(view), where, cutEnd);
    }

    /** {@link #match(String, Set, boolean)} of a line already read. */
    Match match(Reading reading, Set<SiteRule.Where> where, boolean cutEnd) {
        String view = reading.view();
        if (view.isBlank()) {
            return null;
        }
        if (reading.isLong()) {
            // a long line is tweet text, unless a site's long paragraph opens it (a prefix costs its own length)
            return longLine(view, where);
        }
        String plain = reading.plain();
        String key = reading.key();
        List<Match> found = new ArrayList<>(2);
        // indexed loops: this runs for every line of every page, and an iterator a loop is garbage a line
        List<SiteRule> sameKey = key.length() > longestPhrase ? null : phrases.get(key);
        for (int r = 0; sameKey != null && r < sameKey.size(); r++) {
            add(found, sameKey.get(r), where, Map.of(), false);
        }
        for (int r = 0; r < prefixRules.size(); r++) {
            if (key.startsWith(prefixRules.get(r).phrase())) {
                add(found, prefixRules.get(r), where, Map.of(), false);
            }
        }
        String repaired = reading.repaired();
        long[] admitted = reading.admitted();
        for (int r = 0; r < patternRules.size(); r++) {
            SiteRule rule = patternRules.get(r);
            if (applies(rule, where) && RegexGates.admits(admitted, r)) {
                Matcher matcher = rule.pattern().matcher(repaired);
                if (matcher.matches()) {
                    found.add(new Match(rule, captures(patternGroups.get(r), matcher), !repaired.equals(plain)));
                }
            }
        }
        if (found.isEmpty() && key.length() >= FUZZY_PHRASE_LENGTH - 1) {
            // a damaged copy: one edit in a phrase, one more for every 25 chars of it
            int reach = DamagedLines.allowedEdits(key.length() + MAX_EXTRA_EDITS);
            for (int length = Math.max(FUZZY_PHRASE_LENGTH, key.length() - reach); length <= Math.min(longestPhrase, key.length() + reach); length++) {
                List<SiteRule> sameLength = phrasesByLength.get(length);
                for (int r = 0; r < sameLength.size(); r++) {
                    if (DamagedLines.withinEdits(key, sameLength.get(r).phrase(), DamagedLines.allowedEdits(length))) {
                        add(found, sameLength.get(r), where, Map.of(), true);
                    }
                }
            }
        }
        if (found.isEmpty() && (DamagedLines.looksLikeSiteLine(plain) || where.contains(SiteRule.Where.FOOTER) && plain.length() <= STRAY_IN_FOOTER)) {
            // a header or byline with one stray character ("2 min/ read"), or a footer line (a wallet address with a
            // character inserted): read it without each code point in turn (a stray emoji is two chars)
            for (int drop = 0; drop < plain.length() && found.isEmpty(); drop += Character.charCount(plain.codePointAt(drop))) {
                String without = plain.substring(0, drop) + plain.substring(drop + Character.charCount(plain.codePointAt(drop)));
                addFirstPatternMatch(found, DamagedLines.repairShortKeywords(DamagedLines.repairKeywords(without)), where);
            }
        }
        if (found.isEmpty() && cutEnd && plain.lastIndexOf(' ') > 0) {
            // the page was cut inside the line's last word ("… 3 min read Twitter logo Re"): read the line without it
            addFirstPatternMatch(found, DamagedLines.repairKeywords(plain.substring(0, plain.lastIndexOf(' ')).strip()), where);
        }
        if (found.isEmpty() && cutEnd) {
            int shortest = where.contains(SiteRule.Where.FOOTER) ? CUT_PREFIX_IN_FOOTER : CUT_PREFIX_LENGTH;
            for (SiteRule rule : rules) {
                boolean start = rule.phrase() != null && key.length() >= shortest && key.length() <= rule.phrase().length()
                        && (rule.phrase().startsWith(key) || key.length() >= FUZZY_PHRASE_LENGTH
                            && DamagedLines.withinEdits(key, rule.phrase().substring(0, key.length()), DamagedLines.allowedEdits(key.length())));
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

    /** Adds the first pattern rule (in table order) that a repaired reading of a damaged line matches, marked damaged. */
    private void addFirstPatternMatch(List<Match> found, String reading, Set<SiteRule.Where> where) {
        long[] admitted = patternGates.admitted(reading);
        for (int r = 0; r < patternRules.size(); r++) {
            SiteRule rule = patternRules.get(r);
            if (applies(rule, where) && RegexGates.admits(admitted, r)) {
                Matcher matcher = rule.pattern().matcher(reading);
                if (matcher.matches()) {
                    found.add(new Match(rule, captures(patternGroups.get(r), matcher), true));
                    return;
                }
            }
        }
    }

    private Match longLine(String view, Set<SiteRule.Where> where) {
        String start = PhraseKeys.key(view.substring(0, Math.min(view.length(), LONGEST_SITE_LINE)));
        for (SiteRule rule : prefixRules) {
            if (start.startsWith(rule.phrase()) && applies(rule, where)) {
                return new Match(rule, Map.of(), false);
            }
        }
        return null;
    }

    private static boolean applies(SiteRule rule, Set<SiteRule.Where> where) {
        return rule.where() == SiteRule.Where.ANY || where.contains(rule.where());
    }

    private static void add(List<Match> found, SiteRule rule, Set<SiteRule.Where> where, Map<String, String> captures, boolean damaged) {
        if (applies(rule, where)) {
            found.add(new Match(rule, captures, damaged));
        }
    }

    /** What the named groups of a match captured, stripped; a blank capture is none. */
    private static Map<String, String> captures(List<String> groups, Matcher matcher) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        Map<String, String> captures = new LinkedHashMap<>();
        for (String group : groups) {
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
                    rules.add(new SiteRule(cells[0].strip(), cells[1].strip(), role, where, PhraseKeys.key(pattern.substring(7)), true, null));
                } else {
                    rules.add(new SiteRule(cells[0].strip(), cells[1].strip(), role, where, PhraseKeys.key(pattern), false, null));
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
