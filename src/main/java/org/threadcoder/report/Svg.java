package org.threadcoder.report;

import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Small helpers for inline SVG built as jsoup elements: every label goes in as a text node, so a
 * thread author or concept label such as {@code </svg><script>} stays text.
 */
final class Svg {
    /** Light to dark blue: the shade of a count. */
    private static final int[] LIGHT = {0xde, 0xeb, 0xf7};
    private static final int[] DARK = {0x08, 0x30, 0x6b};

    private Svg() {
    }

    /** An {@code <svg>} of the given size (it scrolls in a narrow window, never shrinks); {@code label} names it for screen readers. */
    static Element root(Element parent, int width, int height, String label) {
        Element svg = parent.appendElement("svg").attr("width", Integer.toString(width)).attr("height", Integer.toString(height))
                .attr("viewBox", "0 0 " + width + " " + height).attr("role", "group").attr("aria-label", label);
        svg.appendElement("title").text(label);
        return svg;
    }

    static Element rect(Element parent, double x, double y, double width, double height) {
        return parent.appendElement("rect").attr("x", number(x)).attr("y", number(y)).attr("width", number(width))
                .attr("height", number(height));
    }

    static Element text(Element parent, double x, double y, String text) {
        return parent.appendElement("text").attr("x", number(x)).attr("y", number(y)).text(text);
    }

    /** A tooltip for an SVG element. */
    static void tooltip(Element element, String text) {
        element.appendElement("title").text(text);
    }

    /** The fill for a count out of {@code max}: the smallest count is still clearly visible. */
    static String shade(int count, int max) {
        double fraction = shadeFraction(count, max);
        StringBuilder colour = new StringBuilder("#");
        for (int channel = 0; channel < 3; channel++) {
            int value = (int) Math.round(LIGHT[channel] + (DARK[channel] - LIGHT[channel]) * fraction);
            colour.append(String.format(Locale.ROOT, "%02x", value));
        }
        return colour.toString();
    }

    /** Whether a count's shade is dark enough to need white text. */
    static boolean dark(int count, int max) {
        return shadeFraction(count, max) > 0.5;
    }

    private static double shadeFraction(int count, int max) {
        return max <= 0 ? 0 : 0.18 + 0.82 * Math.min(1.0, (double) count / max);
    }

    /** A coordinate without a trailing ".0" and with a dot whatever the locale. */
    static String number(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A rough width of a label in pixels at the report's SVG font size, for laying out columns. */
    static int textWidth(String text, double pixelsPerCharacter) {
        return (int) Math.ceil(text.codePointCount(0, text.length()) * pixelsPerCharacter);
    }
}
