package org.threadcoder.report;

import java.util.List;
import java.util.TreeSet;
import org.jsoup.nodes.Element;
import org.threadcoder.report.ReportData.Cell;
import org.threadcoder.report.ReportData.ConceptCounts;
import org.threadcoder.report.ReportData.ConceptInfo;
import org.threadcoder.report.ReportData.ThreadInfo;

/**
 * The concept × thread heatmap as inline SVG: concepts as rows in codebook order (children
 * indented under their parents), threads as columns, each cell shaded by its mention count with
 * the count written in it. A cell with mentions is a focusable button ({@code data-concept},
 * {@code data-thread}); the page script shows its sentences. Empty cells show nothing.
 */
final class Heatmap {
    static final int CELL_WIDTH = 84;
    static final int ROW_HEIGHT = 30;
    private static final int INDENT = 18;
    private static final int SWATCH_WIDTH = 46;
    private static final int TOTAL_WIDTH = 70;
    private static final double CHARACTER_WIDTH = 8;
    private static final double HEADER_CHARACTER_WIDTH = 7.6;

    private final ReportData data;
    private final ConceptStyles styles;

    Heatmap(ReportData data, ConceptStyles styles) {
        this.data = data;
        this.styles = styles;
    }

    /** The short name of a thread in headings and column labels: "T3 Jonathan Shedler, Apr 11". */
    static String threadName(ReportData data, ThreadInfo thread) {
        StringBuilder name = new StringBuilder("T").append(data.threads().indexOf(thread) + 1).append(' ');
        name.append(thread.author() == null || thread.author().isBlank() ? "unknown author" : thread.author());
        if (thread.dateText() != null && !thread.dateText().isBlank()) {
            name.append(", ").append(thread.dateText());
        }
        return name.toString();
    }

    /** Appends the heatmap to {@code parent}. */
    void appendTo(Element parent) {
        List<ConceptInfo> concepts = data.concepts();
        List<ThreadInfo> threads = data.threads();
        int max = 0;
        int labelWidth = 120;
        for (ConceptInfo concept : concepts) {
            labelWidth = Math.max(labelWidth, concept.depth() * INDENT + SWATCH_WIDTH + 14
                    + Svg.textWidth(concept.label(), CHARACTER_WIDTH));
            ConceptCounts counts = data.counts().get(concept.id());
            if (counts != null) {
                for (Cell cell : counts.byThread().values()) {
                    max = Math.max(max, cell.mentions());
                }
            }
        }
        int headerHeight = 40;
        for (ThreadInfo thread : threads) {
            headerHeight = Math.max(headerHeight, (int) (Svg.textWidth(columnLabel(thread), HEADER_CHARACTER_WIDTH) * 0.71) + 30);
        }
        int gridWidth = threads.size() * CELL_WIDTH;
        int width = labelWidth + gridWidth + TOTAL_WIDTH + headerHeight;
        int height = headerHeight + concepts.size() * ROW_HEIGHT + 10;
        Element svg = Svg.root(parent, width, height, "Mentions of each concept (rows) in each thread (columns)");
        svg.addClass("heatmap").attr("id", "heatmap-svg");

        Element header = svg.appendElement("g").addClass("column-labels");
        for (int column = 0; column < threads.size(); column++) {
            ThreadInfo thread = threads.get(column);
            double x = labelWidth + column * CELL_WIDTH + CELL_WIDTH / 2.0;
            Element label = Svg.text(header, x, headerHeight - 8, columnLabel(thread))
                    .attr("transform", "rotate(-45 " + Svg.number(x) + " " + (headerHeight - 8) + ")")
                    .addClass(thread.complete() ? "thread-label" : "thread-label preview").attr("data-thread", thread.id());
            Svg.tooltip(label, threadName(data, thread) + " (" + thread.tweetsShown() + " of " + thread.tweetCount() + " tweets)");
        }
        Svg.text(header, labelWidth + gridWidth + TOTAL_WIDTH / 2.0, headerHeight - 8, "total").addClass("total-label");

        for (int row = 0; row < concepts.size(); row++) {
            appendRow(svg, concepts.get(row), headerHeight + row * ROW_HEIGHT, labelWidth, max);
        }
    }

    private String columnLabel(ThreadInfo thread) {
        String name = threadName(data, thread);
        return thread.complete() ? name : name + " (preview)";
    }

    private void appendRow(Element svg, ConceptInfo concept, int y, int labelWidth, int max) {
        ConceptStyles.Style style = styles.of(concept.id());
        ConceptCounts counts = data.counts().get(concept.id());
        int total = counts == null ? 0 : counts.mentions();
        Element row = svg.appendElement("g").addClass("heatmap-row").addClass(total == 0 ? "empty-row" : "filled-row")
                .attr("data-concept", concept.id());
        if (concept.depth() > 0) {
            row.addClass("child-row");
        }
        int indent = concept.depth() * INDENT;
        if (concept.depth() > 0) {
            Svg.text(row, indent - 6, y + ROW_HEIGHT / 2.0 + 5, "└").addClass("tree-mark");
        }
        Element swatch = row.appendElement("g").addClass("swatch").addClass(style.cssClass());
        Svg.rect(swatch, indent + 6, y + 4, SWATCH_WIDTH - 8, ROW_HEIGHT - 8).attr("rx", "3");
        Svg.text(swatch, indent + 6 + (SWATCH_WIDTH - 8) / 2.0, y + ROW_HEIGHT / 2.0 + 4, style.abbreviation());
        Element label = Svg.text(row, indent + SWATCH_WIDTH + 4, y + ROW_HEIGHT / 2.0 + 5, concept.label()).addClass("row-label");
        if (concept.depth() == 0) {
            label.addClass("parent-label");
        }
        Svg.tooltip(label, concept.label() + (total == 0 ? ": no mentions" : ": " + total + " mentions"));
        for (int column = 0; column < data.threads().size(); column++) {
            ThreadInfo thread = data.threads().get(column);
            Cell cell = counts == null ? null : counts.byThread().get(thread.id());
            appendCell(row, concept, thread, cell == null ? 0 : cell.mentions(), labelWidth + column * CELL_WIDTH, y, max);
        }
        Element totalText = Svg.text(row, labelWidth + data.threads().size() * CELL_WIDTH + TOTAL_WIDTH / 2.0,
                y + ROW_HEIGHT / 2.0 + 5, total == 0 ? "–" : Integer.toString(total)).addClass("row-total");
        Svg.tooltip(totalText, concept.label() + ": " + total + " mentions in all threads");
    }

    private void appendCell(Element row, ConceptInfo concept, ThreadInfo thread, int mentions, int x, int y, int max) {
        if (mentions == 0) {
            Svg.rect(row, x + 1, y + 1, CELL_WIDTH - 2, ROW_HEIGHT - 2).addClass("cell-empty");
            return;
        }
        String description = concept.label() + " in " + threadName(data, thread) + ": " + mentions
                + (mentions == 1 ? " mention" : " mentions") + ". Show the sentences.";
        Element cell = row.appendElement("g").addClass("cell").attr("tabindex", "0").attr("role", "button")
                .attr("aria-label", description).attr("aria-controls", "selection")
                .attr("data-concept", concept.id()).attr("data-thread", thread.id()).attr("data-mentions", Integer.toString(mentions));
        Svg.tooltip(cell, description);
        Svg.rect(cell, x + 1, y + 1, CELL_WIDTH - 2, ROW_HEIGHT - 2).attr("fill", Svg.shade(mentions, max)).addClass("cell-box");
        Svg.text(cell, x + CELL_WIDTH / 2.0, y + ROW_HEIGHT / 2.0 + 5, Integer.toString(mentions))
                .addClass(Svg.dark(mentions, max) ? "cell-count on-dark" : "cell-count");
    }

    /** The shade key under the heatmap: a few counts in their shades. */
    void appendKey(Element parent) {
        int max = 0;
        for (ConceptCounts counts : data.counts().values()) {
            for (Cell cell : counts.byThread().values()) {
                max = Math.max(max, cell.mentions());
            }
        }
        if (max == 0) {
            return;
        }
        TreeSet<Integer> samples = new TreeSet<>(List.of(1, Math.max(1, max / 2), max));
        Element key = Svg.root(parent, 80 + samples.size() * 44 + 150, 34, "Shade key: darker cells have more mentions");
        key.addClass("shade-key");
        Svg.text(key, 0, 22, "mentions:").addClass("key-label");
        int x = 80;
        for (int sample : samples) {
            Svg.rect(key, x, 4, 40, 26).attr("fill", Svg.shade(sample, max)).addClass("cell-box");
            Svg.text(key, x + 20, 22, Integer.toString(sample)).addClass(Svg.dark(sample, max) ? "cell-count on-dark" : "cell-count");
            x += 44;
        }
        Svg.text(key, x + 6, 22, "empty cell = none").addClass("key-label");
    }
}
