package org.threadcoder.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.threadcoder.report.ReportData.ConceptInfo;
import org.threadcoder.report.ReportData.InputFile;
import org.threadcoder.report.ReportData.Manifest;
import org.threadcoder.report.ReportData.ThreadInfo;

/**
 * Builds the report as a jsoup {@link Document}: one self-contained page with its style sheet and
 * script inline and a Content-Security-Policy that allows no remote load and runs only the page's
 * own script (by hash). All data goes in through jsoup's element and text API, which escapes it;
 * no HTML is ever put together from strings.
 */
public final class ReportPage {
    private static final String STYLE_RESOURCE = "/report/report.css";
    private static final String SCRIPT_RESOURCE = "/report/report.js";

    private final ReportData data;
    private final ConceptStyles styles;

    public ReportPage(ReportData data) {
        this.data = data;
        this.styles = new ConceptStyles(data.concepts());
    }

    /** The whole page. */
    public Document build() {
        Document document = Document.createShell("");
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        document.prependChild(new DocumentType("html", "", ""));
        document.selectFirst("html").attr("lang", "en");
        String script = resource(SCRIPT_RESOURCE);
        appendHead(document.head(), script);
        Element body = document.body();
        body.appendElement("a").addClass("skip-link").attr("href", "#concepts").text("Skip to the concepts");
        appendHeader(body);
        appendFilters(body);
        Element main = body.appendElement("main");
        appendOverview(section(main, "overview", "Overview"));
        ReadingViews views = new ReadingViews(data, styles);
        appendHeatmap(section(main, "heatmap", "Concepts by thread"), views);
        Element concepts = section(main, "concepts", "Concepts");
        concepts.appendElement("p").addClass("section-note").text("Every sentence that carries a concept, grouped by thread, "
                + "with the concept's mentions highlighted. Concepts with no mention in this run are left out.");
        views.appendConcepts(concepts);
        Element threads = section(main, "threads", "Threads");
        threads.appendElement("p").addClass("section-note").text("Each thread as text, sentence by sentence, "
                + "every mention highlighted in its concept's colour and followed by its abbreviation.");
        views.appendThreads(threads);
        Element cooccurrence = section(main, "cooccurrence", "Concepts together");
        cooccurrence.appendElement("p").addClass("section-note").text("How many sentences carry both concepts "
                + "(the hatched diagonal: the concept's own sentences).");
        new CooccurrenceMatrix(data, styles).appendTo(cooccurrence);
        body.appendElement("footer").text("Written by " + tool(data.manifest()) + " from concept-map.json, sentences.csv "
                + "and mentions.csv. Thread text is shown as text; this page loads nothing from the network.");
        body.appendElement("script").appendChild(new DataNode(script));
        return document;
    }

    private void appendHead(Element head, String script) {
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", contentSecurityPolicy(script));
        head.appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "generator").attr("content", tool(data.manifest()));
        head.appendElement("title").text("threadcoder report: " + data.codebookName() + " v" + data.codebookVersion());
        head.appendElement("link").attr("rel", "icon").attr("href", "data:,");
        String css = resource(STYLE_RESOURCE) + styles.css();
        if (css.toLowerCase(Locale.ROOT).contains("</style")) {
            throw new IllegalStateException("the style sheet must not contain </style");
        }
        head.appendElement("style").appendChild(new DataNode(css));
    }

    /**
     * No remote anything: only the inline style sheet, the page's own script (its SHA-256), and data:
     * images. A script an attacker managed to smuggle in would not match the hash and would not run.
     */
    static String contentSecurityPolicy(String script) {
        return "default-src 'none'; style-src 'unsafe-inline'; script-src '" + sha256(script) + "'; img-src data:; "
                + "base-uri 'none'; form-action 'none'";
    }

    private void appendHeader(Element body) {
        Element header = body.appendElement("header").addClass("page-header");
        header.appendElement("h1").text("Review report: " + data.codebookName() + " v" + data.codebookVersion());
        header.appendElement("p").addClass("lead").text(ReadingViews.plural(data.totals().threads(), "thread") + " from "
                + ReadingViews.plural(data.totals().pages(), "page") + ", " + ReadingViews.plural(data.totals().sentences(), "sentence")
                + ", " + ReadingViews.plural(data.totals().mentions(), "mention") + " of "
                + ReadingViews.plural(countMentioned(), "concept") + ".");
        Element nav = header.appendElement("nav").attr("aria-label", "Sections").appendElement("ul");
        String[][] sections = {{"overview", "Overview"}, {"heatmap", "Concepts by thread"}, {"concepts", "Concepts"},
            {"threads", "Threads"}, {"cooccurrence", "Concepts together"}};
        for (String[] section : sections) {
            nav.appendElement("li").appendElement("a").attr("href", "#" + section[0]).text(section[1]);
        }
    }

    private void appendFilters(Element body) {
        Element form = body.appendElement("form").addClass("filters").attr("id", "filters").attr("role", "search")
                .attr("aria-label", "Filters");
        Element concept = field(form, "filter-concept", "Concept").appendElement("select").attr("id", "filter-concept");
        concept.appendElement("option").attr("value", "").text("All concepts");
        for (ConceptInfo info : data.concepts()) {
            if (data.mentionsOf(info.id()) > 0) {
                concept.appendElement("option").attr("value", info.id())
                        .text("\u00a0\u00a0".repeat(info.depth()) + styles.labelled(info.id()) + " · " + data.mentionsOf(info.id()));
            }
        }
        Element thread = field(form, "filter-thread", "Thread").appendElement("select").attr("id", "filter-thread");
        thread.appendElement("option").attr("value", "").text("All threads");
        for (ThreadInfo info : data.threads()) {
            thread.appendElement("option").attr("value", info.id()).text(Heatmap.threadName(data, info));
        }
        checkbox(form, "hide-negated", "Hide negated mentions", "negated");
        checkbox(form, "hide-reported", "Hide reported mentions", "reported");
        field(form, "filter-search", "Search text").appendElement("input").attr("type", "search").attr("id", "filter-search")
                .attr("autocomplete", "off").attr("placeholder", "word in a sentence");
        form.appendElement("button").attr("type", "reset").attr("id", "filter-reset").text("Clear filters");
        form.appendElement("p").attr("id", "filter-status").attr("role", "status").attr("aria-live", "polite").addClass("status");
    }

    private static Element field(Element form, String id, String label) {
        Element field = form.appendElement("div").addClass("field");
        field.appendElement("label").attr("for", id).text(label);
        return field;
    }

    private void checkbox(Element form, String id, String label, String attribute) {
        Element field = form.appendElement("div").addClass("field").addClass("checkbox");
        Element input = field.appendElement("input").attr("type", "checkbox").attr("id", id).attr("data-attribute", attribute);
        Element text = field.appendElement("label").attr("for", id).text(label);
        if (!data.attributeColumns().contains(attribute)) {
            input.attr("disabled", "disabled");
            text.attr("title", "mentions.csv has no " + attribute + " column");
            field.addClass("unavailable");
        }
    }

    private void appendOverview(Element section) {
        Element figures = section.appendElement("dl").addClass("figures");
        figure(figures, "Pages", data.totals().pages());
        figure(figures, "Threads", data.totals().threads());
        figure(figures, "Sentences", data.totals().sentences());
        figure(figures, "Mentions", data.totals().mentions());
        figure(figures, "Concepts found", countMentioned() + " of " + data.concepts().size());
        Manifest manifest = data.manifest();
        Element table = section.appendElement("table").addClass("manifest");
        table.appendElement("caption").text("Run manifest");
        Element body = table.appendElement("tbody");
        row(body, "Tool", tool(manifest));
        row(body, "Codebook", data.codebookName() + " v" + data.codebookVersion()
                + (manifest.codebookFile() == null ? "" : " (" + manifest.codebookFile() + ")"));
        row(body, "Codebook SHA-256", manifest.codebookSha256()).addClass("hash");
        if (manifest.contextRulesFile() != null) {
            row(body, "Context rules", manifest.contextRulesFile());
            row(body, "Context rules SHA-256", manifest.contextRulesSha256()).addClass("hash");
        }
        row(body, "Counts", manifest.rollUp() ? "rolled up: each sub-concept also counts under its parents"
                : "direct tags: a sub-concept does not count under its parent");
        for (InputFile input : manifest.inputs()) {
            row(body, "Input " + input.source(), input.sha256() == null ? "" : "SHA-256 " + input.sha256()).addClass("hash");
        }
        row(body, "Models", manifest.models().isEmpty() ? "none listed" : String.join(", ", manifest.models()));
    }

    private void appendHeatmap(Element section, ReadingViews views) {
        section.appendElement("p").addClass("section-note").text("Rows: concepts in codebook order, sub-concepts indented "
                + "under their parent. Columns: threads. Each cell gives the number of mentions (darker = more). "
                + "Select a cell (click, or Tab to it and press Enter) to list its sentences below.");
        Heatmap heatmap = new Heatmap(data, styles);
        heatmap.appendTo(section.appendElement("div").addClass("scroll").addClass("heatmap-frame"));
        heatmap.appendKey(section.appendElement("div").addClass("key"));
        appendThreadKey(section, views);
        Element selection = section.appendElement("section").attr("id", "selection").addClass("selection")
                .attr("aria-live", "polite").attr("tabindex", "-1").attr("aria-labelledby", "selection-title");
        selection.appendElement("h3").attr("id", "selection-title").text("Sentences of a cell");
        selection.appendElement("div").attr("id", "selection-body").appendElement("p").addClass("empty-note")
                .text("No cell selected yet: choose a shaded cell in the table above.");
    }

    /** What each thread column is: number, author, date, size and its opening words. */
    private void appendThreadKey(Element section, ReadingViews views) {
        Element table = section.appendElement("table").addClass("thread-key");
        table.appendElement("caption").text("Threads (columns)");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String title : new String[] {"Thread", "Tweets", "Sentences", "Most mentioned concepts", "Opening words"}) {
            head.appendElement("th").attr("scope", "col").text(title);
        }
        Element body = table.appendElement("tbody");
        for (ThreadInfo thread : data.threads()) {
            Element row = body.appendElement("tr").attr("data-thread", thread.id());
            row.appendElement("th").attr("scope", "row").appendElement("a")
                    .attr("href", "#thread-" + (data.threads().indexOf(thread) + 1)).text(Heatmap.threadName(data, thread));
            row.appendElement("td").text(thread.complete() ? Integer.toString(thread.tweetCount())
                    : ReadingViews.previewText(thread));
            row.appendElement("td").text(Integer.toString(thread.sentences()));
            views.appendConceptChips(row.appendElement("td").addClass("thread-concepts"), thread, 3, "");
            row.appendElement("td").addClass("opening").text(openingWords(thread));
        }
    }

    private String openingWords(ThreadInfo thread) {
        for (ReportData.SentenceRow sentence : data.sentences()) {
            if (sentence.threadId().equals(thread.id())) {
                String text = sentence.text().replaceAll("\\s+", " ").strip();
                int limit = 70;
                if (text.codePointCount(0, text.length()) <= limit) {
                    return text;
                }
                return text.substring(0, text.offsetByCodePoints(0, limit)).strip() + "…";
            }
        }
        return "";
    }

    private static Element section(Element main, String id, String title) {
        Element section = main.appendElement("section").attr("id", id).attr("aria-labelledby", id + "-title");
        section.appendElement("h2").attr("id", id + "-title").text(title);
        return section;
    }

    private static void figure(Element list, String name, Object value) {
        Element group = list.appendElement("div");
        group.appendElement("dt").text(name);
        group.appendElement("dd").text(String.valueOf(value));
    }

    private static Element row(Element body, String name, String value) {
        Element row = body.appendElement("tr");
        row.appendElement("th").attr("scope", "row").text(name);
        row.appendElement("td").text(value == null ? "" : value);
        return row;
    }

    private int countMentioned() {
        int count = 0;
        for (ConceptInfo concept : data.concepts()) {
            if (data.mentionsOf(concept.id()) > 0) {
                count++;
            }
        }
        return count;
    }

    private static String tool(Manifest manifest) {
        return (manifest.tool() == null ? "threadcoder" : manifest.tool())
                + (manifest.toolVersion() == null ? "" : " " + manifest.toolVersion());
    }

    private static String resource(String name) {
        try (InputStream stream = ReportPage.class.getResourceAsStream(name)) {
            if (stream == null) {
                throw new IllegalStateException("missing resource " + name + " (a broken build?)");
            }
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            if (text.toLowerCase(Locale.ROOT).contains("</script") || text.toLowerCase(Locale.ROOT).contains("</style")) {
                throw new IllegalStateException(name + " must not contain a closing script or style tag");
            }
            return text;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
