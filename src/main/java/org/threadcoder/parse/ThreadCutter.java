package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import org.threadcoder.parse.SiteRule.Role;

/**
 * The third step of reading a text page: cuts the marked lines into threads. A thread runs from a
 * tweet-text line to the last tweet-text line before the next line that opens a thread (a header,
 * a date alone, a mirror tweet's age line) or closes one ({@code Read N tweets}, a footer,
 * {@code More from @x}); a page with none of them is one thread. Site lines inside a thread (a
 * footer line moved into the body) drop out without cutting it.
 *
 * <p>Metadata comes only from the page: a thread takes the author, handle, date and count of the
 * site lines between the previous tweet text and its own first line; what it lacks it takes from
 * the page (the first author line outside a footer, {@code More from @x}, {@code You can follow @x.},
 * a profile's handle). A footer's lines ({@code Keep Current with}, the avatar under it) give no author.
 */
final class ThreadCutter {

    /** What the lines above a thread say about it, gathered until its first line. */
    private static final class Pending {
        String author;
        String handle;
        String dateText;
        Integer count;
        boolean opened;
        boolean headed;

        void take(MarkedLine line, boolean inFooter) {
            Role role = line.role();
            if (role == Role.CLOSER) {
                // what a closer names (a count, an embed's signature) belongs to the thread it closes
                return;
            }
            if (!inFooter || role == Role.FOLLOW || role.opens()) {
                author = first(line.capture("author"), author);
                handle = first(line.capture("handle"), handle);
            }
            if (role.opens() && line.capture("date") != null) {
                // of two headers stacked above one thread (an author page cut after a header), the nearer is the thread's
                dateText = line.capture("date");
            } else {
                dateText = first(line.capture("date"), dateText);
            }
            if (line.capture("count") != null) {
                count = Integer.valueOf(line.capture("count"));
            }
            opened |= role.opens();
            headed |= role == Role.HEADER;
        }

        private static String first(String newer, String older) {
            return older != null ? older : newer;
        }
    }

    /** A thread being cut: its lines so far and its facts. */
    private static final class Open {
        final List<MarkedLine> lines = new ArrayList<>();
        final Pending facts;
        final boolean complete;
        int lastText;

        Open(Pending facts, boolean complete) {
            this.facts = facts;
            this.complete = complete;
        }
    }

    /** The threads of a page, in page order. */
    List<ThreadBlock> cut(List<MarkedLine> lines) {
        PageFacts page = PageFacts.of(lines);
        List<ThreadBlock> threads = new ArrayList<>();
        Pending pending = new Pending();
        Open open = null;
        boolean previewSection = false;
        boolean closedBefore = false;
        boolean inFooter = false;
        for (int index = 0; index < lines.size(); index++) {
            MarkedLine line = lines.get(index);
            if (line.isText()) {
                if (open == null || pending.opened) {
                    close(open, page, threads);
                    // the page's own thread: the first one, or one under a full header of its own (a second unrolled thread)
                    boolean unrolled = !page.authorPage() && !page.mirror() && !previewSection
                            && (!closedBefore && threads.isEmpty() && open == null || pending.headed);
                    open = new Open(pending, unrolled);
                    pending = new Pending();
                }
                open.lines.add(line);
                open.lastText = open.lines.size();
                inFooter = false;
                continue;
            }
            Role role = line.role();
            if (role == Role.NOISE) {
                if (open != null) {
                    open.lines.add(line);
                }
                continue;
            }
            if (open != null && (!role.opens() && !role.closes() || isLoneInBody(lines, index))) {
                // a site line inside a thread (an avatar or help line moved into the body, a lone footer line) is masked there, not cut at
                open.lines.add(line);
            }
            boolean timeLine = role == Role.SITE || role == Role.TWEET_BYLINE && line.capture("handle") == null;
            if (timeLine && open != null && open.facts.dateText == null && line.capture("date") != null) {
                // a date under the thread's first tweet (X's timestamp line, a feed's post time; not a later tweet's byline) dates the thread
                open.facts.dateText = line.capture("date");
            }
            if (role == Role.CLOSER && open != null) {
                // a closer names what it closes: its count, or an embedded tweet's signature its author, handle and date
                open.facts.count = line.capture("count") != null ? Integer.valueOf(line.capture("count")) : open.facts.count;
                open.facts.author = open.facts.author != null ? open.facts.author : line.capture("author");
                open.facts.handle = open.facts.handle != null ? open.facts.handle : line.capture("handle");
                open.facts.dateText = open.facts.dateText != null ? open.facts.dateText : line.capture("date");
            }
            if (role.closes() && !isLoneInBody(lines, index)) {
                // a box of site text above the page's first thread (a Mastodon server's about box) closes nothing
                closedBefore |= open != null;
                close(open, page, threads);
                open = null;
                previewSection |= role == Role.MORE_FROM;
            }
            if (role == Role.FOOTER || role == Role.FOLLOW) {
                inFooter = true;
            } else if (role.opens() || role == Role.MORE_FROM) {
                inFooter = false;
            }
            if (role == Role.TWEET_BYLINE && open != null) {
                // a byline between two tweets of the open thread names its tweets' author when nothing above the thread did,
                // and says nothing of the next thread (nor does the name line above it)
                if (open.facts.handle == null && line.capture("handle") != null) {
                    open.facts.handle = line.capture("handle");
                    open.facts.author = open.facts.author != null ? open.facts.author : line.capture("author");
                }
                pending = new Pending();
            } else {
                pending.take(line, inFooter);
            }
        }
        close(open, page, threads);
        return threads;
    }

    /**
     * A footer line alone between tweet lines (moved into the body, or damaged out of its block) is site
     * text but does not end the thread: a real footer is a block, or ends the page.
     */
    private static boolean isLoneInBody(List<MarkedLine> lines, int index) {
        MarkedLine before = neighbour(lines, index, -1);
        MarkedLine after = neighbour(lines, index, 1);
        return lines.get(index).role() == Role.FOOTER && before != null && before.isText() && after != null && after.isText();
    }

    private static MarkedLine neighbour(List<MarkedLine> lines, int index, int step) {
        for (int k = index + step; k >= 0 && k < lines.size(); k += step) {
            if (!lines.get(k).line().isBlank()) {
                return lines.get(k);
            }
        }
        return null;
    }

    private static void close(Open open, PageFacts page, List<ThreadBlock> threads) {
        if (open == null || open.lastText == 0) {
            return;
        }
        Pending facts = open.facts;
        threads.add(new ThreadBlock(open.lines.subList(0, open.lastText),
                facts.author != null ? facts.author : page.mirror() ? null : page.author(),
                facts.handle != null ? facts.handle : page.mirror() ? null : page.handle(),
                facts.dateText, facts.count, open.complete));
    }

    /** What the page says about all its threads. */
    record PageFacts(String author, String handle, boolean authorPage, boolean mirror) {

        static PageFacts of(List<MarkedLine> lines) {
            String author = null;
            String handle = null;
            String profileHandle = null;
            String footerAuthor = null;
            boolean authorPage = false;
            boolean mirror = false;
            boolean inFooter = false;
            int openings = 0;
            boolean openingRun = false;
            boolean closed = false;
            for (MarkedLine line : lines) {
                if (line.isText()) {
                    inFooter = false;
                    openingRun = false;
                    continue;
                }
                SiteRule rule = line.rule();
                Role role = rule.role();
                if (role == Role.FOOTER || role == Role.FOLLOW) {
                    inFooter = true;
                }
                if (role == Role.AUTHOR && !inFooter && author == null) {
                    author = line.capture("author");
                    profileHandle = profileHandle == null ? line.capture("handle") : profileHandle;
                }
                if (role == Role.FOOTER && footerAuthor == null) {
                    // "Keep Current with <name>": the unroller names the author below a thread whose header the copy lost
                    footerAuthor = line.capture("author");
                }
                if ((role == Role.MORE_FROM || role == Role.FOLLOW) && handle == null) {
                    handle = line.capture("handle");
                }
                if (role == Role.HANDLE && profileHandle == null && !rule.site().equals("mirror")) {
                    profileHandle = line.capture("handle");
                }
                if (rule.name().equals("byline") && rule.site().equals("threader")) {
                    author = author == null ? line.capture("author") : author;
                    profileHandle = profileHandle == null ? line.capture("handle") : profileHandle;
                }
                authorPage |= rule.name().equals("subscribers") || rule.name().equals("profile-added");
                mirror |= rule.site().equals("mirror") && (role == Role.BLOCK || role == Role.COUNT);
                if (role.closes()) {
                    closed = true;
                }
                if ((role == Role.HEADER || role == Role.DATE) && !openingRun && !closed) {
                    openings++;
                }
                openingRun |= role.opens();
            }
            // a thread page has one header above its thread: two before any footer make an author page
            authorPage |= openings >= 2;
            return new PageFacts(author != null ? author : footerAuthor, handle != null ? handle : profileHandle, authorPage, mirror);
        }
    }
}
