package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;

/** A line of a page: its text without the line break and its char range in the page. */
record Line(int number, int start, int end, String text) {

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
                lines.add(new Line(number++, start, i, text.substring(start, i)));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(new Line(number, start, text.length(), text.substring(start)));
        }
        return lines;
    }
}
