package org.threadcoder.tagging;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;

/**
 * The view of a sentence that tagging reads: NFKC (math-italic letters become plain), curly quotes
 * straightened, lower case, tweet markers and noise blanked; with a map from every char back to
 * the source code point it came from.
 */
final class NormalizedText {
    private final String text;
    /** Per char of the view, the source code points it came from; null when char k is code point {@code base + k}. */
    private final int[] sourceStart;
    private final int[] sourceEnd;
    private final int base;

    private NormalizedText(String text, int[] sourceStart, int[] sourceEnd, int base) {
        this.text = text;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
        this.base = base;
    }

    /** Builds the view of a sentence. Each grapheme-like cluster (a code point and its combining marks) is normalized on its own so it maps back exactly. */
    static NormalizedText of(Sentence sentence) {
        String raw = sentence.text();
        if (sentence.hidden().isEmpty() && sentence.readings().isEmpty() && isAscii(raw)) {
            // most sentences: one char a code point, each read from the table, so the map back is the identity
            char[] view = new char[raw.length()];
            for (int k = 0; k < view.length; k++) {
                view[k] = ASCII_VIEW[raw.charAt(k)];
            }
            return new NormalizedText(new String(view), null, null, sentence.span().start());
        }
        StringBuilder out = new StringBuilder(raw.length());
        // the view is about as long as the text (NFKC rarely expands a char); the arrays grow where it does
        int[] starts = new int[raw.length() + 16];
        int[] ends = new int[starts.length];
        int codePoint = sentence.span().start();
        List<Span> hidden = new java.util.ArrayList<>(sentence.hidden());
        hidden.sort(null);
        int nextHidden = 0;
        int hiddenUntil = -1;
        int i = 0;
        java.util.Iterator<org.threadcoder.model.Reading> readings = sentence.readings().stream()
                .sorted(java.util.Comparator.comparing(org.threadcoder.model.Reading::span)).iterator();
        org.threadcoder.model.Reading reading = readings.hasNext() ? readings.next() : null;
        while (i < raw.length()) {
            while (reading != null && reading.span().start() < codePoint) {
                reading = readings.hasNext() ? readings.next() : null;
            }
            if (reading != null && reading.span().start() == codePoint) {
                // a broken entity or mojibake reads as what it stands for, mapped to the whole garbled span
                String replaced = normalize(reading.text());
                for (int k = 0; k < replaced.length(); k++) {
                    if (out.length() >= starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[out.length()] = reading.span().start();
                    ends[out.length()] = reading.span().end();
                    out.append(replaced.charAt(k));
                }
                i = raw.offsetByCodePoints(i, reading.span().length());
                codePoint = reading.span().end();
                continue;
            }
            int clusterStart = i;
            int clusterCodePoint = codePoint;
            // a char is its own code point unless it opens a surrogate pair; nothing below U+0300 combines
            i += Character.isHighSurrogate(raw.charAt(i)) ? Character.charCount(raw.codePointAt(i)) : 1;
            codePoint++;
            while (i < raw.length() && raw.charAt(i) >= 0x300 && isCombining(raw.codePointAt(i))) {
                i += Character.charCount(raw.codePointAt(i));
                codePoint++;
            }
            // hidden parts sorted by start, swept once: the furthest end of those begun so far says whether this cluster is hidden
            while (nextHidden < hidden.size() && hidden.get(nextHidden).start() <= clusterCodePoint) {
                hiddenUntil = Math.max(hiddenUntil, hidden.get(nextHidden).end());
                nextHidden++;
            }
            boolean hiddenCluster = clusterCodePoint < hiddenUntil;
            // most chars of a sentence are one ASCII char, read as one char from a table: no string to build
            boolean ascii = !hiddenCluster && i == clusterStart + 1 && raw.charAt(clusterStart) < ASCII_VIEW.length;
            String cluster = ascii ? null : hiddenCluster ? " "
                    : i == clusterStart + 1 ? normalizeChar(raw.charAt(clusterStart)) : normalize(raw.substring(clusterStart, i));
            for (int k = 0; k < (ascii ? 1 : cluster.length()); k++) {
                if (out.length() >= starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                }
                starts[out.length()] = clusterCodePoint;
                ends[out.length()] = codePoint;
                out.append(ascii ? ASCII_VIEW[raw.charAt(clusterStart)] : cluster.charAt(k));
            }
        }
        return new NormalizedText(out.toString(), starts, ends, 0);
    }

    private static boolean isAscii(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) >= ASCII_VIEW.length) {
                return false;
            }
        }
        return true;
    }

    /** {@link #normalize} of each ASCII char, always one char (NFKC leaves ASCII as it is). */
    private static final char[] ASCII_VIEW = asciiView();

    private static char[] asciiView() {
        char[] view = new char[128];
        for (char c = 0; c < view.length; c++) {
            String normalized = normalize(String.valueOf(c));
            if (normalized.length() != 1) {
                throw new IllegalStateException("ASCII char " + (int) c + " normalizes to " + normalized.length() + " chars");
            }
            view[c] = normalized.charAt(0);
        }
        return view;
    }

    /** {@link #normalize} of each single char, filled in as chars are met (the same string whichever thread fills it). */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<String> SINGLE = new java.util.concurrent.atomic.AtomicReferenceArray<>(65_536);

    /** {@link #normalize} of one char standing alone (not a surrogate: a cluster of one char is a whole code point). */
    private static String normalizeChar(char c) {
        String normalized = SINGLE.get(c);
        if (normalized == null) {
            normalized = normalize(String.valueOf(c));
            SINGLE.set(c, normalized);
        }
        return normalized;
    }

    static String normalize(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder straight = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> straight.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> straight.append('"');
                case '\u2013', '\u2014', '\u2015', '\u2212' -> straight.append('-');
                case '\n', '\r', '\t' -> straight.append(' ');
                default -> straight.append(c);
            }
        }
        return straight.toString();
    }

    private static boolean isCombining(int codePoint) {
        if (codePoint < 0x300) {
            return false; // no mark, variation selector or joiner comes before the combining diacritics
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || codePoint == 0x200D;
    }

    String text() {
        return text;
    }

    /** The source code point span of the view's char range {@code [from, to)}. */
    Span sourceSpan(int from, int to) {
        if (from < 0 || to > text.length() || from >= to) {
            throw new IllegalArgumentException("view range [" + from + ", " + to + ") outside 0.." + text.length() + " or empty");
        }
        return sourceStart == null ? new Span(base + from, base + to) : new Span(sourceStart[from], sourceEnd[to - 1]);
    }
}
