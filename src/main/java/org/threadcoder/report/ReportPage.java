package org.threadcoder.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.threadcoder.report.ReportData.Manifest;

/**
 * Builds the report as a jsoup {@link Document}: one self-contained page with its style sheet, its
 * data ({@link ReportJson}) and its script inline, and a Content-Security-Policy that allows no remote
 * load and runs only the page's own script (by hash). The page holds the frame (controls, the concept
 * list, the co-occurrence matrix, the run's inputs); the script renders the map, the sentences and the
 * review controls from the data block on demand. Everything static goes in through jsoup's element
 * and text API, which escapes it; no HTML is ever put together from strings.
 */
public final class ReportPage {
    private static final String STYLE_RESOURCE = "/report/report.css";
    /** The script's parts, in order; the page runs them as one function body. */
    private static final List<String> SCRIPT_RESOURCES = List.of("/report/core.js", "/report/text.js", "/report/map.js",
            "/report/review.js", "/report/export.js", "/report/main.js");

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
        String script = script();
        appendHead(document.head(), script);
        Element body = document.body();
        body.appendElement("a").addClass("skip-link").attr("href", "#map").text("Skip to the concept map");
        appendHeader(body);
        Element main = body.appendElement("main");
        ReportSections sections = new ReportSections(data, styles);
        sections.appendMap(section(main, "map", "Concept map"));
        sections.appendDetail(main);
        sections.appendThreads(section(main, "threads", "Threads"));
        sections.appendConcepts(section(main, "concepts", "Concepts"));
        sections.appendReview(section(main, "review", "Review and export"));
        Element cooccurrence = section(main, "cooccurrence", "Concepts together");
        cooccurrence.appendElement("p").addClass("section-note").text("How many sentences carry both concepts "
                + "(the hatched diagonal: the concept's own sentences tagged).");
        new CooccurrenceMatrix(data, styles).appendTo(cooccurrence.appendElement("div").addClass("scroll"));
        sections.appendRun(section(main, "run", "Run inputs"));
        body.appendElement("footer").text("Written by " + tool(data.manifest()) + " from concept-map.json, sentences.csv "
                + "and mentions.csv. Thread text is shown as text; this page loads nothing from the network.");
        body.appendElement("script").attr("type", "application/json").attr("id", "report-data")
                .appendChild(new DataNode(ReportJson.write(data, styles)));
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
        long tagged = data.sentences().stream().filter(sentence -> !sentence.concepts().isEmpty()).count();
        header.appendElement("p").addClass("lead").attr("id", "lead").text(plural(data.totals().threads(), "thread") + " from "
                + plural(data.totals().pages(), "page") + " · " + plural(data.totals().sentences(), "sentence") + ", "
                + grouped(tagged) + " of them tagged with a concept · " + plural(data.totals().mentions(), "mention") + " of "
                + plural(countMentioned(), "concept") + ".");
        Element nav = header.appendElement("nav").attr("aria-label", "Sections").appendElement("ul");
        String[][] sections = {{"map", "Concept map"}, {"detail", "Sentences"}, {"threads", "Threads"}, {"concepts", "Concepts"},
            {"review", "Review and export"}, {"cooccurrence", "Concepts together"}, {"run", "Run inputs"}};
        for (String[] section : sections) {
            nav.appendElement("li").appendElement("a").attr("href", "#" + section[0]).text(section[1]);
        }
    }

    static Element section(Element main, String id, String title) {
        Element section = main.appendElement("section").attr("id", id).attr("aria-labelledby", id + "-title");
        section.appendElement("h2").attr("id", id + "-title").text(title);
        return section;
    }

    private int countMentioned() {
        return (int) data.concepts().stream().filter(concept -> data.mentionsOf(concept.id()) > 0).count();
    }

    static String tool(Manifest manifest) {
        return (manifest.tool() == null ? "threadcoder" : manifest.tool())
                + (manifest.toolVersion() == null ? "" : " " + manifest.toolVersion());
    }

    /** "1 thread", "1,204 threads". */
    static String plural(long count, String noun) {
        return grouped(count) + " " + noun + (count == 1 ? "" : "s");
    }

    /** A count with thousands separated by commas, whatever the locale. */
    static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** The page script: its parts in order, as one strict function body that leaves no global name behind. */
    private static String script() {
        StringBuilder script = new StringBuilder("(function () {\n'use strict';\n");
        for (String part : SCRIPT_RESOURCES) {
            script.append(resource(part)).append('\n');
        }
        return script.append("}());\n").toString();
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
