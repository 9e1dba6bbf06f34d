package org.threadcoder.model;

/**
 * The text of one input with conversions between Java {@code char} indices (UTF-16) and Unicode
 * code point offsets, the unit of every offset the tool reports.
 *
 * <p>Most pages are all in the Basic Multilingual Plane, where both indices agree; pages with
 * emoji or math-italic letters need the table.
 */
public final class SourceText {
    private final String text;
    /** codePointAtChar[i] = code point offset of char index i (length + 1 entries), or null when the text has no surrogates. */
    private final int[] codePointAtChar;
    /** charAtCodePoint[k] = char index of code point k (count + 1 entries), or null when the text has no surrogates. */
    private final int[] charAtCodePoint;

    public SourceText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        this.text = text;
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            codePointAtChar = null;
            charAtCodePoint = null;
        } else {
            codePointAtChar = new int[text.length() + 1];
            charAtCodePoint = new int[codePoints + 1];
            int codePoint = 0;
            for (int i = 0; i < text.length(); codePoint++) {
                int width = Character.charCount(text.codePointAt(i));
                charAtCodePoint[codePoint] = i;
                for (int j = 0; j < width; j++) {
                    codePointAtChar[i + j] = codePoint;
                }
                i += width;
            }
            codePointAtChar[text.length()] = codePoints;
            charAtCodePoint[codePoints] = text.length();
        }
    }

    public String text() {
        return text;
    }

    /** Number of code points in the text. */
    public int codePointLength() {
        return charAtCodePoint == null ? text.length() : charAtCodePoint.length - 1;
    }

    /** The code point offset of a char index (0..length inclusive). */
    public int codePointOffset(int charIndex) {
        if (charIndex < 0 || charIndex > text.length()) {
            throw new IllegalArgumentException("char index " + charIndex + " outside 0.." + text.length());
        }
        return codePointAtChar == null ? charIndex : codePointAtChar[charIndex];
    }

    /** The char index of a code point offset (0..codePointLength inclusive). */
    public int charIndex(int codePointOffset) {
        if (codePointOffset < 0 || codePointOffset > codePointLength()) {
            throw new IllegalArgumentException("code point offset " + codePointOffset + " outside 0.." + codePointLength());
        }
        return charAtCodePoint == null ? codePointOffset : charAtCodePoint[codePointOffset];
    }

    /** A span of code points from a char range. */
    public Span span(int charStart, int charEnd) {
        return new Span(codePointOffset(charStart), codePointOffset(charEnd));
    }

    /** The text a code point span covers. */
    public String slice(Span span) {
        return text.substring(charIndex(span.start()), charIndex(span.end()));
    }
}
