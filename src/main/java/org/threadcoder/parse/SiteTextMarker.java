package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadcoder.parse.SiteRule.Role;
import org.threadcoder.parse.SiteRule.Where;

/**
 * The second step of reading a text page: names every line that is not tweet text by a rule of
 * the site-text table, in the part of the page it stands in (a footer block, a profile block, the
 * byline above a header, a mirror's timeline). A line no rule names is tweet text.
 */
final class SiteTextMarker {
    /** A line of white space only. */
    static final SiteRule BLANK = new SiteRule("any", "blank-line", Role.NOISE, Where.ANY, "", false, null);
    /** A Markdown clipping's YAML front matter. */
    static final SiteRule FRONT_MATTER = new SiteRule("markdown", "front-matter", Role.SITE, Where.ANY, "---", false, null);
    /** The longest line read as a damaged footer line: a wallet address line, not a tweet's sentence. */
    private static final int DAMAGED_FOOTER_LENGTH = 60;
    /** A short line no rule reads, between two lines of a footer block: the footer's own, damaged. */
    static final SiteRule DAMAGED_FOOTER_LINE = new SiteRule("any", "damaged-footer-line", Role.SITE, Where.FOOTER, "", false, null);
    /** Non-blank lines an author line may stand above its first thread header (bio, counts, buttons). */
    private static final int PROFILE_REACH = 16;
    /** A profile block holds short lines: a longer one is tweet text, and no profile stands above it. */
    private static final int LONGEST_PROFILE_LINE = 200;
    /** Non-blank lines above a header that may be its byline (name, Subscribe, @handle). */
    private static final int BYLINE_REACH = 3;
    /** A damaged line a footer block may hold and go on past. */
    private static final int STRAY_LINE = 120;
    /** Non-blank lines between a mirror tweet's handle line and its age line (the name). */
    private static final int MIRROR_BYLINE_REACH = 3;

    /** Times one lone {@code @handle} line recurs on a page that gives each tweet its author's handle above it. */
    private static final int LONE_HANDLE_BYLINES = 3;
    private static final java.util.regex.Pattern LONE_HANDLE = java.util.regex.Pattern.compile("@\\w{1,15}");
    /** A handle of X, Bluesky ({@code @name.bsky.social}) or Mastodon ({@code @name@host.social}) alone on a line. */
    private static final java.util.regex.Pattern LONE_ANY_HANDLE = java.util.regex.Pattern.compile(
            "@\\w{1,15}|@[\\w-]{1,60}(?:\\.[\\w-]{1,60})+|@\\w{1,30}@[\\w-]{1,60}(?:\\.[\\w-]{1,60})+");

    private final SiteRules rules;

    SiteTextMarker(SiteRules rules) {
        this.rules = rules;
    }

    /** Marks the lines of a page; {@code front} lines of Markdown front matter come first. */
    List<MarkedLine> mark(List<Line> lines, int front) {
        int count = lines.size();
        boolean cut = count > 0 && lines.get(count - 1).end() == lines.get(count - 1).next();
        SiteRules.Match[] plain = new SiteRules.Match[count];
        SiteRules.Reading[] readings = new SiteRules.Reading[count];
        for (int i = front; i < count; i++) {
            Line line = lines.get(i);
            if (!line.isBlank()) {
                readings[i] = rules.read(line.view());
                plain[i] = rules.match(readings[i], EnumSet.of(Where.ANY, Where.MIRROR), cut && i == count - 1);
            }
        }
        int blocks = mirrorBlocks(lines, plain, front);
        boolean mirror = blocks >= 2 || blocks == 1 && hasRole(plain, Role.AUTHOR, "mirror");
        boolean copiedFromX = !mirror && copiedFromX(lines, plain, front);
        Set<Where> base = mirror ? EnumSet.of(Where.ANY, Where.MIRROR) : copiedFromX ? EnumSet.of(Where.ANY, Where.X) : EnumSet.of(Where.ANY);
        boolean[] profile = new boolean[count];
        boolean[] byline = new boolean[count];
        if (copiedFromX) {
            markXBylines(lines, plain, front, byline);
        }
        markProfiles(lines, plain, mirror, front, profile);
        if (mirror) {
            markMirrorBylines(lines, plain, front, byline);
        }
        markBylinesAboveHeaders(lines, plain, mirror, front, profile, byline);
        markBylineOpeningThePage(lines, plain, front, profile, byline);

        List<MarkedLine> marked = new ArrayList<>(count);
        for (int i = 0; i < front; i++) {
            marked.add(new MarkedLine(lines.get(i), FRONT_MATTER, Map.of()));
        }
        boolean inFooter = false;
        boolean seenText = false;
        MarkedLine[] joined = new MarkedLine[count];
        for (int i = front; i < count; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                marked.add(new MarkedLine(line, BLANK, Map.of()));
                continue;
            }
            if (joined[i] != null) {
                marked.add(joined[i]);
                continue;
            }
            Set<Where> where = EnumSet.copyOf(base);
            if (!seenText) {
                where.add(Where.START);
            }
            if (inFooter) {
                where.add(Where.FOOTER);
            }
            if (profile[i]) {
                where.add(Where.PROFILE);
            }
            if (byline[i]) {
                where.add(Where.BYLINE);
            }
            // the first pass matched with the mirror rules in view: its answer stands when the context is the same
            boolean sameContext = where.equals(base) && !copiedFromX && (mirror || plainIsAnyOnly(plain[i]));
            SiteRules.Match match = sameContext ? plain[i] : rules.match(readings[i], where, cut && i == count - 1);
            int next = nextNonBlank(lines, i);
            boolean nearSite = inFooter || previousIsSite(marked) || next >= 0 && plain[next] != null;
            if (match == null && nearSite && next >= 0 && plain[next] == null) {
                // a site line broken in two by a stray line end: read the two halves as one
                SiteRules.Match whole = joinedMatch(lines.get(i), lines.get(next), where, cut && next == count - 1);
                if (whole != null) {
                    marked.add(new MarkedLine(line, whole.rule(), whole.captures()));
                    joined[next] = new MarkedLine(lines.get(next), whole.rule(), Map.of());
                    continue;
                }
            }
            if (match == null && inFooter && line.text().strip().length() <= DAMAGED_FOOTER_LENGTH && previousIsSite(marked) && next >= 0
                    && footerLine(lines.get(next), where, cut && next == count - 1)) {
                // a footer line damaged past reading (a wallet address with a character changed) between two footer lines
                marked.add(new MarkedLine(line, DAMAGED_FOOTER_LINE, Map.of()));
                continue;
            }
            if (match == null) {
                marked.add(MarkedLine.text(line));
                seenText = true;
                // a footer block goes on past one damaged line of its own (short, with site text after it) and past a
                // tweet line moved into it (the footer's own text goes on after it)
                inFooter = inFooter && next >= 0 && (line.text().length() <= STRAY_LINE && plain[next] != null
                        || footerLine(lines.get(next), where, cut && next == count - 1));
                continue;
            }
            marked.add(new MarkedLine(line, match.rule(), match.captures()));
            Role role = match.rule().role();
            if (role == Role.FOOTER || role == Role.FOLLOW) {
                inFooter = true;
            } else if (role.opens() || role == Role.MORE_FROM) {
                // a header moved into a footer block, with the footer's own lines after it, does not end the block
                inFooter = inFooter && role.opens() && next >= 0 && footerLine(lines.get(next), where, cut && next == count - 1);
            }
        }
        return marked;
    }

    /** Whether a line is site text inside a footer block. */
    private boolean footerLine(Line line, Set<Where> where, boolean cutEnd) {
        SiteRules.Match match = rules.match(line.view(), where, cutEnd);
        return match != null && match.rule().role() != Role.NOISE;
    }

    /** The match of two lines read as one, with and without a space where they were cut; null when neither matches. */
    private SiteRules.Match joinedMatch(Line first, Line second, Set<Where> where, boolean cutEnd) {
        if (first.text().length() + second.text().length() > SiteRules.LONGEST_SITE_LINE) {
            return null;
        }
        SiteRules.Match glued = rules.match(first.view().strip() + second.view().strip(), where, cutEnd);
        return glued != null ? glued : rules.match(first.view().strip() + " " + second.view().strip(), where, cutEnd);
    }

    private static int nextNonBlank(List<Line> lines, int index) {
        for (int k = index + 1; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return k;
            }
        }
        return -1;
    }

    private static boolean previousIsSite(List<MarkedLine> marked) {
        for (int k = marked.size() - 1; k >= 0; k--) {
            MarkedLine line = marked.get(k);
            if (!line.line().isBlank()) {
                return !line.isText() && line.role() != Role.NOISE;
            }
        }
        return false;
    }

    /** A match made with the mirror rules in view stands for a page that is no mirror only when it is not a mirror rule. */
    private static boolean plainIsAnyOnly(SiteRules.Match match) {
        return match == null || match.rule().where() == Where.ANY;
    }

    /** Tweet blocks of a mirror timeline: a handle line with an age line a few lines below it. */
    private static int mirrorBlocks(List<Line> lines, SiteRules.Match[] plain, int front) {
        int blocks = 0;
        for (int i = front; i < lines.size(); i++) {
            if (isRole(plain[i], Role.HANDLE, "mirror") && ageBelow(lines, plain, i) >= 0) {
                blocks++;
            }
        }
        return blocks;
    }

    /** The index of the age line a few non-blank lines below a mirror handle line, or -1. */
    private static int ageBelow(List<Line> lines, SiteRules.Match[] plain, int handle) {
        int looked = 0;
        for (int k = handle + 1; k < lines.size() && looked < MIRROR_BYLINE_REACH; k++) {
            if (lines.get(k).isBlank()) {
                continue;
            }
            looked++;
            if (isRole(plain[k], Role.BLOCK, "mirror")) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether the page is text copied from X itself: a lone {@code @handle} line with a {@code ·} line right
     * below it (X writes a reply's name, handle, {@code ·} and age on lines of their own), or one lone handle
     * line standing above {@value #LONE_HANDLE_BYLINES} tweets or more (pages that share a thread that way).
     */
    private static boolean copiedFromX(List<Line> lines, SiteRules.Match[] plain, int front) {
        Map<String, Integer> loneHandles = new java.util.HashMap<>();
        for (int i = front; i < lines.size(); i++) {
            String line = lines.get(i).text();
            int first = 0;
            while (first < line.length() && Character.isWhitespace(line.charAt(first))) {
                first++;
            }
            // a lone handle starts with @: most lines are ruled out without a copy or a matcher
            if (first == line.length() || line.charAt(first) != '@') {
                continue;
            }
            String text = line.strip();
            if (!LONE_HANDLE.matcher(text).matches()) {
                continue;
            }
            int next = nextNonBlank(lines, i);
            if (next >= 0 && plain[next] != null && plain[next].rule().site().equals("x") && plain[next].rule().name().equals("dot")) {
                return true;
            }
            // a handle line with tweet text under it, not a header's byline ("Name / Subscribe / @x" over "Jun 22 • 10 tweets")
            boolean overText = next >= 0 && (plain[next] == null || plain[next].rule().role() == Role.NOISE);
            if (overText && loneHandles.merge(text.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum) >= LONE_HANDLE_BYLINES) {
                return true;
            }
        }
        return false;
    }

    /** On a page copied from X, the display name on the line right above each lone handle line is its tweet's byline. */
    private static void markXBylines(List<Line> lines, SiteRules.Match[] plain, int front, boolean[] byline) {
        for (int i = front + 1; i < lines.size(); i++) {
            int previous = i - 1;
            if (LONE_HANDLE.matcher(lines.get(i).text().strip()).matches() && !lines.get(previous).isBlank() && plain[previous] == null
                    && isName(lines.get(previous).text())) {
                byline[previous] = true;
            }
        }
    }

    /** Lines between an author line and the first thread header (or mirror tweet) below it are its profile. */
    private static void markProfiles(List<Line> lines, SiteRules.Match[] plain, boolean mirror, int front, boolean[] profile) {
        for (int i = front; i < lines.size(); i++) {
            if (!isRole(plain[i], Role.AUTHOR, null)) {
                continue;
            }
            int looked = 0;
            for (int k = i + 1; k < lines.size() && looked < PROFILE_REACH; k++) {
                Line line = lines.get(k);
                if (line.isBlank()) {
                    continue;
                }
                looked++;
                // a long line is tweet text, unless a site rule reads it (a row of subscribers' avatars)
                if (line.text().length() > LONGEST_PROFILE_LINE && (plain[k] == null || plain[k].rule().role() != Role.SITE)) {
                    break;
                }
                boolean opens = plain[k] != null && plain[k].rule().role().opens() && plain[k].rule().role() != Role.BLOCK
                        || mirror && isRole(plain[k], Role.HANDLE, "mirror") && ageBelow(lines, plain, k) >= 0;
                if (opens) {
                    for (int p = i + 1; p < k; p++) {
                        profile[p] = true;
                    }
                    break;
                }
            }
        }
    }

    /** The name line between a mirror tweet's handle line and its age line. */
    private static void markMirrorBylines(List<Line> lines, SiteRules.Match[] plain, int front, boolean[] byline) {
        for (int i = front; i < lines.size(); i++) {
            if (isRole(plain[i], Role.HANDLE, "mirror")) {
                int age = ageBelow(lines, plain, i);
                for (int k = i + 1; k < age; k++) {
                    byline[k] = true;
                }
            }
        }
    }

    /**
     * The byline just above a header ({@code Name} / {@code Subscribe} / {@code @handle}, the 2026
     * layout): read in the profile context, and the name line above a handle line as a byline.
     */
    private void markBylinesAboveHeaders(List<Line> lines, SiteRules.Match[] plain, boolean mirror, int front, boolean[] profile,
                                         boolean[] byline) {
        Set<Where> base = mirror ? EnumSet.of(Where.ANY, Where.MIRROR) : EnumSet.of(Where.ANY);
        Set<Where> inProfile = EnumSet.copyOf(base);
        inProfile.add(Where.PROFILE);
        for (int i = front; i < lines.size(); i++) {
            if (plain[i] == null || !(plain[i].rule().role() == Role.HEADER || plain[i].rule().role() == Role.DATE)) {
                continue;
            }
            // a header that gives the handle but not the name (threader's "+ Your Authors @x …") has the name above it
            boolean sawHandle = plain[i].captures().containsKey("handle") && !plain[i].captures().containsKey("author");
            int looked = 0;
            for (int k = i - 1; k >= front && looked < BYLINE_REACH; k--) {
                Line line = lines.get(k);
                if (line.isBlank()) {
                    continue;
                }
                looked++;
                if (plain[k] != null && plain[k].rule().role() != Role.NOISE && (mirror || plainIsAnyOnly(plain[k]))) {
                    continue;
                }
                SiteRules.Match match = rules.match(line.view(), inProfile, false);
                if (match != null && (match.rule().role() == Role.HANDLE || match.rule().name().equals("subscribe"))) {
                    profile[k] = true;
                    sawHandle |= match.rule().role() == Role.HANDLE;
                } else if (sawHandle) {
                    byline[k] = true;
                    break;
                } else {
                    break;
                }
            }
        }
    }

    /**
     * A page that opens with its author's name (once or twice) over a lone {@code @handle} (rattibha and
     * mirrors of it): the name lines are a byline and the handle line the author's.
     */
    private static void markBylineOpeningThePage(List<Line> lines, SiteRules.Match[] plain, int front, boolean[] profile, boolean[] byline) {
        List<Integer> opening = new ArrayList<>();
        for (int i = front; i < lines.size() && opening.size() < BYLINE_REACH + 1; i++) {
            if (!lines.get(i).isBlank()) {
                opening.add(i);
            }
        }
        for (int k = 1; k < opening.size(); k++) {
            int handle = opening.get(k);
            if (!LONE_ANY_HANDLE.matcher(lines.get(handle).text().strip()).matches()) {
                continue;
            }
            // the name may stand twice, around a line a rule already reads (Bluesky's handle without its @)
            boolean names = false;
            boolean others = true;
            for (int j = 0; j < k; j++) {
                boolean name = plain[opening.get(j)] == null && isName(lines.get(opening.get(j)).text());
                names |= name;
                others &= name || plain[opening.get(j)] != null && plain[opening.get(j)].rule().role() == Role.NOISE;
            }
            names &= others;
            if (names) {
                for (int j = 0; j < k; j++) {
                    byline[opening.get(j)] |= plain[opening.get(j)] == null;
                }
                profile[handle] = true;
            }
            return;
        }
    }

    /** A display name: short, no {@code @}, not ending like a sentence. */
    private static boolean isName(String text) {
        String name = text.strip();
        return !name.isEmpty() && name.length() <= 80 && name.indexOf('@') < 0 && ".!?:;,".indexOf(name.charAt(name.length() - 1)) < 0;
    }

    private static boolean hasRole(SiteRules.Match[] plain, Role role, String site) {
        for (SiteRules.Match match : plain) {
            if (isRole(match, role, site)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRole(SiteRules.Match match, Role role, String site) {
        return match != null && match.rule().role() == role && (site == null || match.rule().site().equals(site));
    }
}
