package org.threadcoder.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.threadcoder.report.ReportData.ConceptInfo;
import org.threadcoder.report.ReportData.Pair;

/**
 * Concepts tagged together in one sentence: a symmetric SVG matrix over the concepts that have a
 * partner (codebook order), each cell showing the number of shared sentences; the diagonal, hatched,
 * shows the concept's own sentence count. A list of the pairs, most frequent first, follows it.
 */
final class CooccurrenceMatrix {
    private static final int CELL = 40;
    private static final double CHARACTER_WIDTH = 7.4;

    private final ReportData data;
    private final ConceptStyles styles;

    CooccurrenceMatrix(ReportData data, ConceptStyles styles) {
        this.data = data;
        this.styles = styles;
    }

    void appendTo(Element parent) {
        if (data.pairs().isEmpty()) {
            parent.appendElement("p").addClass("empty-note").text("No two concepts were tagged in the same sentence.");
            return;
        }
        Map<String, Pair> byKey = new HashMap<>();
        int max = 0;
        for (Pair pair : data.pairs()) {
            byKey.put(key(pair.first(), pair.second()), pair);
            byKey.put(key(pair.second(), pair.first()), pair);
            max = Math.max(max, pair.sentences());
        }
        List<ConceptInfo> concepts = new ArrayList<>();
        for (ConceptInfo concept : data.concepts()) {
            if (byKey.keySet().stream().anyMatch(key -> key.startsWith(concept.id() + "\n"))) {
                concepts.add(concept);
            }
        }
        int labelWidth = 80;
        for (ConceptInfo concept : concepts) {
            labelWidth = Math.max(labelWidth, Svg.textWidth(styles.labelled(concept.id()), CHARACTER_WIDTH) + 16);
        }
        int top = 34;
        int size = concepts.size() * CELL;
        Element svg = Svg.root(parent, labelWidth + size + 10, top + size + 10,
                "Number of sentences in which two concepts are tagged together");
        svg.addClass("cooccurrence");
        Element pattern = svg.appendElement("defs").appendElement("pattern").attr("id", "diagonal-hatch")
                .attr("width", "6").attr("height", "6").attr("patternUnits", "userSpaceOnUse")
                .attr("patternTransform", "rotate(45)");
        Svg.rect(pattern, 0, 0, 6, 6).attr("fill", "#f2f2f2");
        pattern.appendElement("line").attr("x1", "0").attr("y1", "0").attr("x2", "0").attr("y2", "6")
                .attr("stroke", "#bdbdbd").attr("stroke-width", "2");
        for (int index = 0; index < concepts.size(); index++) {
            ConceptStyles.Style style = styles.of(concepts.get(index).id());
            double x = labelWidth + index * CELL + CELL / 2.0;
            Element column = Svg.text(svg, x, top - 10, style.abbreviation()).addClass("matrix-column").addClass(style.cssClass());
            Svg.tooltip(column, style.concept().label());
            Element row = Svg.text(svg, labelWidth - 8, top + index * CELL + CELL / 2.0 + 5, styles.labelled(concepts.get(index).id()))
                    .addClass("matrix-row").addClass(style.cssClass());
            Svg.tooltip(row, style.concept().label());
        }
        for (int row = 0; row < concepts.size(); row++) {
            for (int column = 0; column < concepts.size(); column++) {
                appendCell(svg, concepts.get(row), concepts.get(column), byKey, labelWidth + column * CELL, top + row * CELL, max);
            }
        }
        appendList(parent);
    }

    private void appendCell(Element svg, ConceptInfo row, ConceptInfo column, Map<String, Pair> byKey, int x, int y, int max) {
        if (row.id().equals(column.id())) {
            ReportData.ConceptCounts counts = data.counts().get(row.id());
            int sentences = counts == null ? 0 : counts.sentences();
            Element cell = svg.appendElement("g").addClass("matrix-diagonal");
            Svg.rect(cell, x + 1, y + 1, CELL - 2, CELL - 2).attr("fill", "url(#diagonal-hatch)");
            Svg.text(cell, x + CELL / 2.0, y + CELL / 2.0 + 5, Integer.toString(sentences)).addClass("diagonal-count");
            Svg.tooltip(cell, row.label() + ": " + sentences + " sentences in all");
            return;
        }
        Pair pair = byKey.get(key(row.id(), column.id()));
        if (pair == null) {
            Svg.rect(svg, x + 1, y + 1, CELL - 2, CELL - 2).addClass("cell-empty");
            return;
        }
        Element cell = svg.appendElement("g").addClass("matrix-cell").attr("data-concepts", row.id() + " " + column.id());
        Svg.rect(cell, x + 1, y + 1, CELL - 2, CELL - 2).attr("fill", Svg.shade(pair.sentences(), max)).addClass("cell-box");
        Svg.text(cell, x + CELL / 2.0, y + CELL / 2.0 + 5, Integer.toString(pair.sentences()))
                .addClass(Svg.dark(pair.sentences(), max) ? "cell-count on-dark" : "cell-count");
        Svg.tooltip(cell, row.label() + " with " + column.label() + ": " + sentences(pair));
    }

    /** The pairs as text, most shared sentences first, for reading and for screen readers. */
    private void appendList(Element parent) {
        List<Pair> pairs = new ArrayList<>(data.pairs());
        pairs.sort(Comparator.comparingInt(Pair::sentences).reversed());
        Element details = parent.appendElement("details").addClass("pair-list");
        details.appendElement("summary").text("The " + pairs.size() + " pairs as a list, most frequent first");
        Element list = details.appendElement("ol");
        for (Pair pair : pairs) {
            Element item = list.appendElement("li").attr("data-concepts", pair.first() + " " + pair.second());
            item.appendElement("span").addClass("concept-chip").addClass(styles.of(pair.first()).cssClass())
                    .text(styles.labelled(pair.first()));
            item.appendText(" with ");
            item.appendElement("span").addClass("concept-chip").addClass(styles.of(pair.second()).cssClass())
                    .text(styles.labelled(pair.second()));
            item.appendText(": " + sentences(pair));
        }
    }

    private static String sentences(Pair pair) {
        return pair.sentences() + (pair.sentences() == 1 ? " sentence" : " sentences") + " in " + pair.threads()
                + (pair.threads() == 1 ? " thread" : " threads");
    }

    private static String key(String first, String second) {
        return first + "\n" + second;
    }
}
