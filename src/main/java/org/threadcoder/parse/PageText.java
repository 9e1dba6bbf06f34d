package org.threadcoder.parse;

import java.util.List;

/** Scans over a page's text that the tweet boundary finders share: text, white space, decoration. */
final class PageText {
    /** The word an unroller writes for a tweet's picture. */
    static final String PLACEHOLDER = "Image";

    private PageText() {
    }

    /** Past white space and emoji-like decoration ({@code 🧵}, {@code 🚨}, {@code 👇}) from {@code at}. */
    static int skipDecoration(String text, int at) {
        int i = at;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (!Character.isWhitespace(codePoint) && !isDecoration(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /** Where a line's text ends before trailing white space and decoration. */
    static int trailEnd(String text) {
        int i = text.length();
        while (i > 0) {
            int codePoint = text.codePointBefore(i);
            if (!Character.isWhitespace(codePoint) && !isDecoration(codePoint)) {
                break;
            }
            i -= Character.charCount(codePoint);
        }
        return i;
    }

    /**
     * Where a line's text ends before trailing white space, decoration, links and picture placeholders: a
     * tweet's numbering may stand before the link it shares ({@code … Here's why (1/12) site.com/opinions/2020/…})
     * or the {@code Image} an unroller writes for its picture ({@code … #AcWri 3/17 Image}).
     */
    static int trailEndBeforeLinks(String text) {
        int end = trailEnd(text);
        while (end > 0) {
            int chunkStart = end;
            while (chunkStart > 0 && !Character.isWhitespace(text.charAt(chunkStart - 1))) {
                chunkStart--;
            }
            boolean placeholder = end - chunkStart == PLACEHOLDER.length() && text.startsWith(PLACEHOLDER, chunkStart);
            int slash = text.indexOf('/', chunkStart);
            boolean link = slash >= 0 && slash < end && InlineNoise.isLink(text.substring(chunkStart, end));
            if (chunkStart == 0 || !placeholder && !link) {
                return end;
            }
            end = trailEnd(text.substring(0, chunkStart));
        }
        return end;
    }

    static boolean isDecoration(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL || codePoint == 0xFE0F || codePoint == 0x200D || codePoint >= 0x1F000 && codePoint <= 0x1FAFF;
    }

    static boolean hasText(String page, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, page.length()); i++) {
            if (Character.isLetterOrDigit(page.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static int nextText(String page, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(page.charAt(i))) {
            i++;
        }
        return i;
    }

    static int trimEnd(String page, int start, int end) {
        int i = end;
        while (i > start && Character.isWhitespace(page.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    static int firstTextOffset(List<Line> lines) {
        for (Line line : lines) {
            if (!line.isBlank()) {
                return line.start() + leadingSpace(line.text());
            }
        }
        return -1;
    }

    static int leadingSpace(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** What may stand right before a trailing marker: white space, decoration or sentence punctuation. */
    static boolean isBoundary(String text, int at) {
        char c = text.charAt(at);
        return Character.isWhitespace(c) || Character.isSurrogate(c) || isDecoration(c) || ".!?…:;,\"”’')".indexOf(c) >= 0;
    }

    /** A mid-line marker stands after a word and one space: "…mentality 2/ These". */
    static boolean afterWordAndSpace(String line, int at) {
        return at >= 2 && (line.charAt(at - 1) == ' ' || line.charAt(at - 1) == '\t') && !Character.isWhitespace(line.charAt(at - 2))
                && !Character.isDigit(line.charAt(at - 2)) && line.charAt(at - 2) != '/';
    }

    /** Whether the text before {@code at}, past spaces and {@link #PLACEHOLDER}s, ends in a mark or symbol, not a letter or digit. */
    static boolean afterTweetEnd(String text, int at) {
        int end = at;
        while (true) {
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int word = end - PLACEHOLDER.length();
            if (word >= 0 && text.startsWith(PLACEHOLDER, word) && (word == 0 || Character.isWhitespace(text.charAt(word - 1)))) {
                end = word;
            } else {
                break;
            }
        }
        return end > 0 && !Character.isLetterOrDigit(text.codePointBefore(end));
    }
}
