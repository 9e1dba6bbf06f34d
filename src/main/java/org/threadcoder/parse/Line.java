package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A line of a page: its text without the line break, its char range in the page, and the view the
 * structure rules read (Markdown links reduced to their text, heading marks and images' syntax
 * dropped), so one set of rules serves text pages and Markdown clippings.
 */
record Line(int number, int start, int end, String text, String view) {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern HEADING = Pattern.compile("^\\s*#{1,6}\\s+");

    boolean isBlank() {
        return text.isBlank();
    }

    String stripped() {
        return text.strip();
    }

    /** Splits text into lines at \n, \r\n or \r; line numbers are 1-based. */
    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(line(number++, start, i, text));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(line(number, start, text.length(), text));
        }
        return lines;
    }

    private static Line line(int number, int start, int end, String page) {
        String text = page.substring(start, end);
        String view = text;
        if (text.indexOf('[') >= 0 || text.indexOf('#') >= 0) {
            view = HEADING.matcher(LINK.matcher(IMAGE.matcher(text).replaceAll("$1")).replaceAll("$1")).replaceFirst("");
        }
        return new Line(number, start, end, text, view);
    }
}
