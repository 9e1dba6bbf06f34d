package org.threadcoder.parse;

import java.util.regex.Pattern;

/**
 * One row of the site-text table ({@code site-text.tsv}): a line a site writes that is not tweet
 * text, what it does to the page's structure, and where on the page it counts.
 *
 * @param site    the site it belongs to ({@code any} for every site)
 * @param name    the rule's name, as the ledger and warnings report it
 * @param role    what the line is and does
 * @param where   the part of the page it applies in
 * @param phrase  the phrase the whole line is (normalized, see {@link SiteRules#key}), or null
 * @param prefix  true when {@code phrase} need only start the line
 * @param pattern a regex the whole (normalized) line must match, or null
 */
record SiteRule(String site, String name, Role role, Where where, String phrase, boolean prefix, Pattern pattern) {

    /** What a line is and does to the page's structure. */
    enum Role {
        /** Site text, dropped. */
        SITE,
        /** Not tweet text (placeholders, bare marks): masked inside a thread, dropped outside. */
        NOISE,
        /** Gives the author (and handle) of the thread below; may open a profile block. */
        AUTHOR,
        /** Gives the handle (and author); only in a profile block or a mirror page. */
        HANDLE,
        /** Opens a thread; may give its date, tweet count, author and handle. */
        HEADER,
        /** A date alone on a line: opens a thread. */
        DATE,
        /** Closes the current thread; may give its tweet count. */
        CLOSER,
        /** Closes the current thread and opens a footer block. */
        FOOTER,
        /** Gives the handle of the page's thread and opens a footer block. */
        FOLLOW,
        /** Closes the current thread; the threads below are previews by the handle it gives. */
        MORE_FROM,
        /** A mirror page's tweet-block line (the tweet's age): the next text is a new tweet. */
        BLOCK,
        /** A bare number on a mirror page (replies, reposts, likes). */
        COUNT,
        /**
         * A tweet's byline in text copied from X itself ({@code Name @handle · 3h}): site text that ends the tweet
         * above it; the next text opens the next tweet of the same thread. The first gives the thread's author and handle.
         */
        TWEET_BYLINE;

        /** Whether a line in this role begins a new thread. */
        boolean opens() {
            return this == HEADER || this == DATE || this == BLOCK;
        }

        /** Whether a line in this role ends the thread above it. */
        boolean closes() {
            return this == CLOSER || this == FOOTER || this == FOLLOW || this == MORE_FROM;
        }
    }

    /** Where on a page a rule applies. */
    enum Where {
        /** Anywhere. */
        ANY,
        /** Inside a footer block (after a footer line, before the next tweet text). */
        FOOTER,
        /** In a profile block: after an author line, before the first thread. */
        PROFILE,
        /** The name line between a handle line and its header, or a mirror tweet's handle and age lines. */
        BYLINE,
        /** On a page read as a mirror's timeline (handle, name and age lines before each tweet). */
        MIRROR,
        /** Before the first tweet text of the page. */
        START,
        /** On a page of text copied from X itself (name, handle, {@code ·}, age and count lines around each tweet). */
        X
    }

    SiteRule {
        if (site == null || site.isBlank() || name == null || name.isBlank() || role == null || where == null) {
            throw new IllegalArgumentException("a site rule needs site, name, role and where, got " + site + " " + name + " " + role + " " + where);
        }
        if ((phrase == null) == (pattern == null)) {
            throw new IllegalArgumentException("site rule " + site + "/" + name + " needs exactly one of a phrase or a pattern");
        }
    }

    /** How the rule reads in the ledger and in warnings: {@code threadreader/missing-tweet}. */
    String id() {
        return site + "/" + name;
    }
}
