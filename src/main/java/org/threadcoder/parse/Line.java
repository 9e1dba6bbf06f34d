package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of a page: its char range without the line break ({@code [start, end)}), where the next
 * line starts ({@code next}, after the break), its text, and the view the site-text rules read
 * (Markdown link and image syntax reduced to their text, heading marks dropped), so one rule table
 * serves text pages and Markdown clippings.
 */
record Line(int number, int start, int end, int next, String text, String view) {

    boolean isBlank() {
        return text.isBlank();
    }

    String stripped() {
        return text.strip();
    }

    /** Chars of the line including its line break: every char of a page belongs to exactly one line. */
    int width() {
        return next - start;
    }

    /** Splits text into lines at {@code \n}, {@code \r\n} or a lone {@code \r}; line numbers are 1-based. */
    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = i;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(line(number++, start, end, i + 1, text));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(line(number, start, text.length(), text.length(), text));
        }
        return lines;
    }

    private static Line line(int number, int start, int end, int next, String page) {
        String text = page.substring(start, end);
        // only a link, an image or a heading reads otherwise: a line without them is its own view, not a copy
        String view = text.contains("](") || text.contains("![") || opensHeading(text) ? markdownView(text) : text;
        return new Line(number, start, end, next, text, view);
    }

    /** Whether the line opens with a Markdown heading's hashes ({@code ## }). */
    private static boolean opensHeading(String text) {
        int from = 0;
        while (from < text.length() && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        return from < text.length() && text.charAt(from) == '#';
    }

    /**
     * The line with {@code ![alt](url)} and {@code [text](url)} reduced to alt and text, and a leading
     * {@code ## } dropped. One pass, no backtracking: a line of 40,000 {@code [} costs what its length does.
     */
    static String markdownView(String text) {
        int from = 0;
        while (from < text.length() && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        int hashes = 0;
        while (from + hashes < text.length() && text.charAt(from + hashes) == '#' && hashes < 7) {
            hashes++;
        }
        boolean heading = hashes >= 1 && hashes <= 6 && from + hashes < text.length() && Character.isWhitespace(text.charAt(from + hashes));
        int i = 0;
        if (heading) {
            i = from + hashes;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        // the first ')', '(' or ' ' after the last "](" seen: addresses are looked for left to right,
        // so each scan starts past the previous one and the line is read once, with no table per char
        int stop = -1;
        StringBuilder view = new StringBuilder(text.length());
        int bracketInView = -1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                if (view.length() > 0 && view.charAt(view.length() - 1) == '!') {
                    view.setLength(view.length() - 1);
                }
                bracketInView = view.length();
                view.append(c);
                i++;
                continue;
            }
            if (c == ']' && bracketInView >= 0 && i + 2 < text.length() && text.charAt(i + 1) == '(') {
                if (stop < i + 2) {
                    stop = i + 2;
                    while (stop < text.length() && text.charAt(stop) != ')' && text.charAt(stop) != '(' && text.charAt(stop) != ' ') {
                        stop++;
                    }
                }
                int close = stop;
                if (close < text.length() && text.charAt(close) == ')') {
                    // [text](url): keep the text, drop the brackets and the address
                    view.deleteCharAt(bracketInView);
                    bracketInView = -1;
                    i = close + 1;
                    continue;
                }
            }
            if (c == ']') {
                bracketInView = -1;
            }
            view.append(c);
            i++;
        }
        return view.toString();
    }
}
