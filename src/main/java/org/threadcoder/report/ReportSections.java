package org.threadcoder.report;

import org.jsoup.nodes.Element;
import org.threadcoder.report.ReportData.ConceptCounts;
import org.threadcoder.report.ReportData.ConceptInfo;
import org.threadcoder.report.ReportData.InputFile;
import org.threadcoder.report.ReportData.Manifest;

/**
 * The static frame of each section: headings, notes, controls, empty containers the page script
 * fills ({@code map-table}, {@code detail-body}, {@code thread-list}, {@code review-figures}), and the
 * few tables that stay small at any run size (one row a concept, one row an input).
 */
final class ReportSections {
    /** Shown wherever the script renders: the page runs only its own script, so this is the no-script case. */
    private static final String NO_SCRIPT = "This part is drawn by the page's own script (nothing is loaded from the network); "
            + "with scripts off, the figures are in threads.csv and the texts in sentences.csv.";
    private final ReportData data;
    private final ConceptStyles styles;

    ReportSections(ReportData data, ConceptStyles styles) {
        this.data = data;
        this.styles = styles;
    }

    void appendMap(Element section) {
        Element form = section.appendElement("form").attr("id", "map-controls").addClass("controls").attr("role", "search")
                .attr("aria-label", "Map rows, counts, order and filters");
        Element rows = choice(form, "Rows");
        radio(rows, "view", "author", "Authors");
        radio(rows, "view", "month", "Months");
        radio(rows, "view", "thread", "Threads");
        Element measure = choice(form, "Count");
        radio(measure, "measure", "tagged", "Sentences tagged");
        radio(measure, "measure", "mentioned", "Mentions");
        Element sort = field(form, "sort-by", "Sort rows by").appendElement("select").attr("id", "sort-by");
        option(sort, "order", "Name (months by date)");
        option(sort, "total", "Any concept (total)");
        option(sort, "sentences", "Sentences");
        option(sort, "tweets", "Tweets (thread rows)");
        option(sort, "threads", "Threads (group rows)");
        for (ConceptInfo concept : data.concepts()) {
            option(sort, "concept:" + concept.id(), "\u00a0\u00a0".repeat(concept.depth()) + styles.labelled(concept.id()));
        }
        Element direction = field(form, "sort-direction", "Order").appendElement("select").attr("id", "sort-direction");
        option(direction, "descending", "Descending (largest, Z first)");
        option(direction, "ascending", "Ascending (smallest, A first)");
        field(form, "map-filter", "Filter threads").appendElement("input").attr("type", "search").attr("id", "map-filter")
                .attr("autocomplete", "off").attr("placeholder", "author, @handle, source or words in the text");
        Element concept = field(form, "filter-concept", "Only threads with").appendElement("select").attr("id", "filter-concept");
        option(concept, "", "any or no concept");
        for (ConceptInfo info : data.concepts()) {
            ConceptCounts counts = data.counts().get(info.id());
            if (counts != null && counts.sentences() > 0) {
                option(concept, info.id(), "\u00a0\u00a0".repeat(info.depth()) + styles.labelled(info.id()));
            }
        }
        Element complete = form.appendElement("div").addClass("field").addClass("checkbox");
        complete.appendElement("input").attr("type", "checkbox").attr("id", "complete-only");
        complete.appendElement("label").attr("for", "complete-only").text("Complete threads only (no previews)");
        form.appendElement("button").attr("type", "reset").attr("id", "map-reset").text("Clear filters");
        Element line = section.appendElement("div").addClass("map-line");
        line.appendElement("p").attr("id", "map-status").attr("role", "status").attr("aria-live", "polite").addClass("status");
        line.appendElement("div").attr("id", "map-key").addClass("key");
        section.appendElement("div").attr("id", "map-frame").addClass("map-frame").appendElement("table").attr("id", "map-table")
                .addClass("map");
        section.appendElement("div").attr("id", "map-pager").addClass("pager");
        section.appendElement("p").attr("id", "measure-note").addClass("measure-note");
        section.appendElement("p").addClass("section-note").text("Rows: threads, or groups of threads by author or by month "
                + "(the author view opens first for large runs); columns: concepts, sub-concepts after their parent (\u203a). "
                + "Click a column heading to sort by it, again to reverse. Click a number, or Tab into the table, move with the "
                + "arrow keys and press Enter, to list its sentences below; a thread's name opens the whole thread, a group's "
                + "name lists its threads. The table scrolls inside its frame under a fixed header; it is never shrunk to fit.");
        noScript(section);
    }

    void appendDetail(Element main) {
        Element section = main.appendElement("section").attr("id", "detail").addClass("detail").attr("tabindex", "-1")
                .attr("aria-labelledby", "detail-title");
        section.appendElement("h2").attr("id", "detail-title").text("Sentences");
        section.appendElement("p").attr("id", "detail-summary").addClass("section-note").attr("aria-live", "polite")
                .text("Nothing chosen yet: choose a number or a name in the map, or a concept below.");
        section.appendElement("div").attr("id", "detail-body");
        section.appendElement("div").attr("id", "detail-pager").addClass("pager");
    }

    void appendThreads(Element section) {
        section.appendElement("p").addClass("section-note").text("Each thread as text, sentence by sentence, every mention "
                + "highlighted in its concept's colour and followed by its abbreviation, with the review buttons. "
                + "The map's filters choose the threads; sentences without the filter's words or concept are faded.");
        Element options = section.appendElement("div").addClass("controls").addClass("reading-options").attr("role", "group")
                .attr("aria-label", "Reading options");
        checkbox(options, "hide-negated", "Hide negated mentions", "negated");
        checkbox(options, "hide-reported", "Hide reported mentions", "reported");
        appendLegend(section);
        section.appendElement("div").attr("id", "thread-list");
        section.appendElement("div").attr("id", "thread-pager").addClass("pager");
        noScript(section);
    }

    private void checkbox(Element parent, String id, String label, String attribute) {
        Element field = parent.appendElement("div").addClass("field").addClass("checkbox");
        Element input = field.appendElement("input").attr("type", "checkbox").attr("id", id).attr("data-attribute", attribute);
        Element text = field.appendElement("label").attr("for", id).text(label);
        if (!data.attributeColumns().contains(attribute)) {
            input.attr("disabled", "disabled");
            text.attr("title", "mentions.csv has no " + attribute + " column");
            field.addClass("unavailable");
        }
    }

    private void appendLegend(Element parent) {
        Element legend = parent.appendElement("div").addClass("legend").attr("role", "note").attr("aria-label", "Legend");
        legend.appendElement("h3").text("Legend");
        Element list = legend.appendElement("ul").addClass("legend-list");
        for (ConceptInfo concept : data.concepts()) {
            if (data.mentionsOf(concept.id()) > 0) {
                ConceptStyles.Style style = styles.of(concept.id());
                Element sample = list.appendElement("li").appendElement("mark").addClass("mention").addClass("legend-sample")
                        .addClass(style.cssClass());
                sample.appendText(concept.label());
                sample.appendElement("span").addClass("concept-tag").text(style.abbreviation());
            }
        }
        Element notes = legend.appendElement("p").addClass("legend-notes");
        notes.appendText("Each highlight ends with its concept's abbreviation; two concepts on the same words nest, each with "
                + "its own underline; \u2248 before an abbreviation: the words match a term only approximately. ");
        if (!data.attributeColumns().isEmpty()) {
            notes.appendText("Badges after a highlight give its context: ");
            for (String attribute : data.attributeColumns()) {
                notes.appendElement("span").addClass("context-badge").addClass("badge-" + attribute).text(attribute);
                notes.appendText(" ");
            }
        }
        notes.appendText("Review buttons: \u2713 right, \u2717 wrong (on a mention); \u2610 reviewed, + concept (on a sentence).");
    }

    void appendConcepts(Element section) {
        section.appendElement("p").addClass("section-note").text("Every codebook concept with its definition and its figures over "
                + "the whole run: sentences tagged (the measure of the map and of threads.csv), mentions (a sentence may mention a "
                + "concept more than once) and threads. “Show” lists its sentences in the threads the map's filters keep.");
        Element table = section.appendElement("table").addClass("concept-table");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String title : new String[] {"Concept", "Definition", "Sentences tagged", "Mentions", "Threads", "Sentences"}) {
            head.appendElement("th").attr("scope", "col").text(title);
        }
        Element body = table.appendElement("tbody");
        for (ConceptInfo concept : data.concepts()) {
            ConceptStyles.Style style = styles.of(concept.id());
            ConceptCounts counts = data.counts().get(concept.id());
            Element row = body.appendElement("tr").attr("data-concept", concept.id()).addClass("depth-" + Math.min(concept.depth(), 3));
            Element name = row.appendElement("th").attr("scope", "row");
            name.appendElement("span").addClass("concept-chip").addClass(style.cssClass()).text(style.abbreviation());
            name.appendText(" " + concept.label());
            if (concept.parent() != null) {
                name.appendElement("span").addClass("concept-parent").text("part of " + styles.labelled(concept.parent()));
            }
            row.appendElement("td").addClass("definition").text(concept.definition());
            int sentences = counts == null ? 0 : counts.sentences();
            row.appendElement("td").addClass("number").attr("data-measure", "tagged").text(ReportPage.grouped(sentences));
            row.appendElement("td").addClass("number").attr("data-measure", "mentioned")
                    .text(ReportPage.grouped(counts == null ? 0 : counts.mentions()));
            row.appendElement("td").addClass("number").attr("data-measure", "threads")
                    .text(ReportPage.grouped(counts == null ? 0 : counts.threads()));
            Element action = row.appendElement("td");
            if (sentences > 0) {
                action.appendElement("button").attr("type", "button").addClass("show-concept").attr("data-concept", concept.id())
                        .attr("aria-label", "Show the sentences tagged " + concept.label()).text("Show");
            }
        }
    }

    void appendReview(Element section) {
        section.appendElement("p").addClass("section-note").text("Correct the tags where you read them (in the sentence lists "
                + "and the threads), then download your decisions as a coder CSV for threadcoder eval.");
        Element steps = section.appendElement("ol").addClass("review-steps");
        steps.appendElement("li").text("On a highlighted mention, press \u2713 if the concept is right there, \u2717 if it is wrong.");
        steps.appendElement("li").text("On a sentence, press “+ concept”, choose a concept the tool missed and press Add, or \u2610 reviewed "
                + "to record that its tags (or its lack of tags) are right.");
        steps.appendElement("li").text("A sentence you touched counts as reviewed; in it, a mention you did not mark counts as "
                + "right. Press \u2611 reviewed again to withdraw a sentence and its marks.");
        steps.appendElement("li").text("Download the coder CSV: every reviewed sentence, one row per concept you accept (an "
                + "empty concept: no concept). Run threadcoder eval --gold FILE with the run's inputs to get the same "
                + "precision and recall as below; improve the codebook and rerun to see them change.");
        section.appendElement("dl").attr("id", "review-figures").addClass("figures");
        Element actions = section.appendElement("div").addClass("review-actions");
        actions.appendElement("button").attr("type", "button").attr("id", "review-export").text("Download coder CSV");
        actions.appendElement("button").attr("type", "button").attr("id", "review-list").text("List reviewed sentences");
        actions.appendElement("button").attr("type", "button").attr("id", "review-clear").text("Clear all decisions");
        section.appendElement("p").attr("id", "review-status").attr("role", "status").attr("aria-live", "polite").addClass("status");
        section.appendElement("p").attr("id", "review-storage").addClass("section-note");
        noScript(section);
    }

    /** The run's manifest and every input with its hash, folded: long for large runs, needed only to check provenance. */
    void appendRun(Element section) {
        Manifest manifest = data.manifest();
        Element details = section.appendElement("details").attr("id", "run-details");
        details.appendElement("summary").text("What produced this run: " + ReportPage.plural(manifest.inputs().size(), "input")
                + ", the codebook, the context rules and the models, with their SHA-256");
        Element table = details.appendElement("table").addClass("manifest");
        table.appendElement("caption").text("Run manifest");
        Element body = table.appendElement("tbody");
        row(body, "Tool", ReportPage.tool(manifest));
        row(body, "Codebook", data.codebookName() + " v" + data.codebookVersion()
                + (manifest.codebookFile() == null ? "" : " (" + manifest.codebookFile() + ")"));
        row(body, "Codebook SHA-256", manifest.codebookSha256()).addClass("hash");
        if (manifest.contextRulesFile() != null) {
            row(body, "Context rules", manifest.contextRulesFile());
            row(body, "Context rules SHA-256", manifest.contextRulesSha256()).addClass("hash");
        }
        row(body, "Counts", manifest.rollUp() ? "rolled up: each sub-concept also counts under its parents"
                : "direct tags: a sub-concept does not count under its parent");
        row(body, "Models", manifest.models().isEmpty() ? "none listed" : String.join(", ", manifest.models()));
        row(body, "Manifest SHA-256 (names this run's review decisions)", manifest.sha256()).addClass("hash");
        Element inputs = details.appendElement("table").addClass("manifest").addClass("inputs");
        inputs.appendElement("caption").text("Inputs");
        Element head = inputs.appendElement("thead").appendElement("tr");
        head.appendElement("th").attr("scope", "col").text("Source");
        head.appendElement("th").attr("scope", "col").text("SHA-256");
        Element inputRows = inputs.appendElement("tbody");
        for (InputFile input : manifest.inputs()) {
            row(inputRows, input.source(), input.sha256()).addClass("hash");
        }
    }

    private static Element choice(Element form, String legend) {
        Element fieldset = form.appendElement("fieldset").addClass("choice");
        fieldset.appendElement("legend").text(legend);
        return fieldset;
    }

    private static void radio(Element fieldset, String name, String value, String label) {
        String id = name + "-" + value;
        fieldset.appendElement("input").attr("type", "radio").attr("name", name).attr("value", value).attr("id", id);
        fieldset.appendElement("label").attr("for", id).text(label);
    }

    private static Element field(Element form, String id, String label) {
        Element field = form.appendElement("div").addClass("field");
        field.appendElement("label").attr("for", id).text(label);
        return field;
    }

    private static void option(Element select, String value, String text) {
        select.appendElement("option").attr("value", value).text(text);
    }

    private static Element row(Element body, String name, String value) {
        Element row = body.appendElement("tr");
        row.appendElement("th").attr("scope", "row").text(name);
        row.appendElement("td").text(value == null ? "" : value);
        return row;
    }

    private static void noScript(Element section) {
        section.appendElement("noscript").appendElement("p").addClass("empty-note").text(NO_SCRIPT);
    }
}
