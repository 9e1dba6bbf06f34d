package org.threadcoder.model;

/**
 * A half-open range {@code [start, end)} of Unicode code points in a source text.
 *
 * <p>Every offset the tool reports is a code point offset, so {@code source[start:end]} in Python
 * (which indexes code points) returns the covered text.
 */
public record Span(int start, int end) implements Comparable<Span>, java.io.Serializable {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must have 0 <= start <= end, got start=" + start + " end=" + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(Span other) {
        int byStart = Integer.compare(start, other.start);
        return byStart != 0 ? byStart : Integer.compare(end, other.end);
    }
}
