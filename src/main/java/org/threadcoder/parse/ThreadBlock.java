package org.threadcoder.parse;

import java.util.List;

/**
 * A thread's lines as the third step cut them from a page (tweet text, and the noise and blank
 * lines between), with what the page says about the thread.
 *
 * @param lines     the thread's lines, first and last are tweet text
 * @param author    the author as a header, byline or profile gives it, or null
 * @param handle    the handle without {@code @}, or null
 * @param dateText  the date as written, or null
 * @param announced the tweet count the page announces ({@code 7 tweets}, {@code Read 7 tweets}), or null
 * @param complete  true for the thread the page unrolls, false for a preview (author pages, More from, mirrors)
 */
record ThreadBlock(List<MarkedLine> lines, String author, String handle, String dateText, Integer announced, boolean complete) {

    ThreadBlock {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || !lines.get(0).isText() || !lines.get(lines.size() - 1).isText()) {
            throw new IllegalArgumentException("a thread block starts and ends with tweet text, got " + lines.size() + " lines");
        }
    }
}
