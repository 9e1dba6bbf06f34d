package org.threadcoder.qdpx;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small indenting XML writer: elements, attributes in the order given (so the output is the same
 * bytes every time) and text, escaped. Characters XML 1.0 cannot carry (control characters, lone
 * surrogates) become U+FFFD, so any thread text gives a well-formed file.
 */
final class XmlWriter {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element with attributes given as name, value pairs; null values are left out. */
    XmlWriter start(String name, String... attributes) {
        tag(name, attributes);
        out.append(">\n");
        open.push(name);
        return this;
    }

    /** An element without content. */
    XmlWriter empty(String name, String... attributes) {
        tag(name, attributes);
        out.append("/>\n");
        return this;
    }

    /** An element holding text only. */
    XmlWriter text(String name, String text) {
        tag(name);
        out.append('>');
        escape(text, false);
        out.append("</").append(name).append(">\n");
        return this;
    }

    XmlWriter end() {
        String name = open.pop();
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** The document; every element must be closed. */
    String document() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        return out.toString();
    }

    private void tag(String name, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs, got " + attributes.length + " strings");
        }
        indent();
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1], true);
                out.append('"');
            }
        }
    }

    private void indent() {
        out.append("  ".repeat(open.size()));
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n', '\r', '\t' -> out.append(attribute ? "&#" + c + ";" : c == '\r' ? "&#13;" : String.valueOf((char) c));
                default -> {
                    boolean allowed = c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF);
                    out.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        }
    }
}
