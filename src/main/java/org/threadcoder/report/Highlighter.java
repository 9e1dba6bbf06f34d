package org.threadcoder.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.jsoup.nodes.Element;
import org.threadcoder.report.ReportData.MentionRow;
import org.threadcoder.report.ReportData.SentenceRow;

/**
 * Writes a sentence's text with its mentions marked. Mention offsets are code points into the
 * source, so they are taken relative to the sentence start and counted in code points (the text
 * has math-italic letters and emoji outside the UTF-16 basic plane).
 *
 * <p>Overlapping mentions are kept whole: the text is cut at every mention edge, and each piece
 * is wrapped in one {@code <mark>} per mention covering it, the longest outermost. Every piece of
 * a mention carries its {@code data-mention-id}; the concept's abbreviation follows its last piece.
 * All text goes in through jsoup text nodes, which escape it.
 */
final class Highlighter {
    private final ConceptStyles styles;

    Highlighter(ConceptStyles styles) {
        this.styles = styles;
    }

    /** A mention placed in its sentence: code point offsets relative to the sentence start. */
    private record Placed(MentionRow mention, int start, int end, int order) {
    }

    /** Appends the sentence text to {@code parent}, marking the given mentions (which must lie inside it). */
    void append(Element parent, SentenceRow sentence, List<MentionRow> mentions) {
        String text = sentence.text();
        int length = text.codePointCount(0, text.length());
        List<Placed> placed = new ArrayList<>();
        TreeSet<Integer> edges = new TreeSet<>(List.of(0, length));
        for (MentionRow mention : mentions) {
            int start = clamp(mention.start() - sentence.start(), length);
            int end = Math.max(start, clamp(mention.end() - sentence.start(), length));
            placed.add(new Placed(mention, start, end, placed.size()));
            edges.add(start);
            edges.add(end);
        }
        placed.sort(Comparator.comparingInt(Placed::start).thenComparing(Comparator.comparingInt(Placed::end).reversed())
                .thenComparingInt(Placed::order));
        Integer from = edges.first();
        for (Integer to = edges.higher(from); to != null; from = to, to = edges.higher(to)) {
            appendEmpty(parent, placed, from);
            appendPiece(parent, placed, from, to, slice(text, from, to));
        }
        appendEmpty(parent, placed, length);
    }

    /** One piece of text and the marks of every mention that covers all of it. */
    private void appendPiece(Element parent, List<Placed> placed, int from, int to, String piece) {
        Element current = parent;
        List<Element> marks = new ArrayList<>();
        List<Placed> covering = new ArrayList<>();
        for (Placed mention : placed) {
            if (mention.start() <= from && mention.end() >= to && mention.start() < mention.end()) {
                current = mark(current, mention.mention());
                marks.add(current);
                covering.add(mention);
            }
        }
        current.appendText(piece);
        for (int index = marks.size() - 1; index >= 0; index--) {
            if (covering.get(index).end() == to) {
                label(marks.get(index), covering.get(index).mention());
            }
        }
    }

    /** A mention with no text (start == end) still shows, as its label alone. */
    private void appendEmpty(Element parent, List<Placed> placed, int at) {
        for (Placed mention : placed) {
            if (mention.start() == at && mention.end() == at) {
                label(mark(parent, mention.mention()), mention.mention());
            }
        }
    }

    private Element mark(Element parent, MentionRow mention) {
        ConceptStyles.Style style = styles.of(mention.conceptId());
        Element mark = parent.appendElement("mark").addClass("mention").addClass(style.cssClass())
                .attr("data-mention-id", mention.id()).attr("data-concept", mention.conceptId());
        StringBuilder title = new StringBuilder(style.concept().label());
        for (String attribute : mention.attributes()) {
            mark.attr("data-" + attribute, "true");
            title.append(", ").append(attribute);
        }
        if (mention.trigger() != null) {
            title.append(" (context: \u201c").append(mention.trigger()).append("\u201d)");
        }
        title.append(" \u2014 term: ").append(mention.term());
        if (mention.fuzzy()) {
            mark.attr("data-fuzzy", "true");
            title.append(" (approximate match)");
        }
        return mark.attr("title", title.toString());
    }

    private void label(Element mark, MentionRow mention) {
        mark.appendElement("span").addClass("concept-tag").text(styles.of(mention.conceptId()).abbreviation());
        for (String attribute : mention.attributes()) {
            mark.appendElement("span").addClass("context-badge").addClass("badge-" + attribute).text(attribute);
        }
    }

    private static int clamp(int offset, int length) {
        return Math.max(0, Math.min(length, offset));
    }

    private static String slice(String text, int fromCodePoint, int toCodePoint) {
        int from = text.offsetByCodePoints(0, fromCodePoint);
        return text.substring(from, text.offsetByCodePoints(from, toCodePoint - fromCodePoint));
    }
}
