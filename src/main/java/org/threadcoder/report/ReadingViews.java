package org.threadcoder.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.threadcoder.report.ReportData.ConceptCounts;
import org.threadcoder.report.ReportData.ConceptInfo;
import org.threadcoder.report.ReportData.MentionRow;
import org.threadcoder.report.ReportData.SentenceRow;
import org.threadcoder.report.ReportData.ThreadInfo;

/**
 * The two reading views: per concept, every sentence that carries it grouped by thread; per
 * thread, its text sentence by sentence with every mention marked. Elements carry
 * {@code data-concept}, {@code data-thread} and {@code data-sentence-id} for the page script.
 */
final class ReadingViews {
    private final ReportData data;
    private final ConceptStyles styles;
    private final Highlighter highlighter;
    private final Map<String, List<SentenceRow>> sentencesByThread = new LinkedHashMap<>();

    ReadingViews(ReportData data, ConceptStyles styles) {
        this.data = data;
        this.styles = styles;
        this.highlighter = new Highlighter(styles);
        for (ThreadInfo thread : data.threads()) {
            sentencesByThread.put(thread.id(), new ArrayList<>());
        }
        for (SentenceRow sentence : data.sentences()) {
            sentencesByThread.get(sentence.threadId()).add(sentence);
        }
    }

    /** The concept view: one section per concept with at least one mention, in codebook order. */
    void appendConcepts(Element parent) {
        for (ConceptInfo concept : data.concepts()) {
            if (data.mentionsOf(concept.id()) > 0) {
                appendConcept(parent, concept);
            }
        }
    }

    private void appendConcept(Element parent, ConceptInfo concept) {
        ConceptStyles.Style style = styles.of(concept.id());
        ConceptCounts counts = data.counts().get(concept.id());
        Element section = parent.appendElement("section").addClass("concept-section").addClass(style.cssClass())
                .attr("id", "concept-" + style.number()).attr("data-concept", concept.id());
        Element heading = section.appendElement("h3");
        heading.appendElement("span").addClass("concept-chip").addClass(style.cssClass()).text(style.abbreviation());
        heading.appendText(" " + concept.label());
        if (concept.parent() != null) {
            section.appendElement("p").addClass("concept-parent").text("Part of: " + styles.labelled(concept.parent()));
        }
        if (!concept.definition().isBlank()) {
            section.appendElement("p").addClass("definition").text(concept.definition());
        }
        section.appendElement("p").addClass("concept-counts").text(plural(counts.mentions(), "mention") + " in "
                + plural(counts.sentences(), "sentence") + " of " + plural(counts.threads(), "thread"));
        for (ThreadInfo thread : data.threads()) {
            List<SentenceRow> carrying = new ArrayList<>();
            for (SentenceRow sentence : sentencesByThread.get(thread.id())) {
                if (!mentionsOf(sentence, concept.id()).isEmpty()) {
                    carrying.add(sentence);
                }
            }
            if (!carrying.isEmpty()) {
                appendConceptThread(section, concept, thread, carrying);
            }
        }
    }

    private void appendConceptThread(Element section, ConceptInfo concept, ThreadInfo thread, List<SentenceRow> carrying) {
        Element group = section.appendElement("div").addClass("concept-thread").attr("data-concept", concept.id())
                .attr("data-thread", thread.id()).attr("data-concept-label", styles.labelled(concept.id()))
                .attr("data-thread-name", Heatmap.threadName(data, thread));
        Element heading = group.appendElement("h4");
        heading.appendText(Heatmap.threadName(data, thread) + " · " + plural(carrying.size(), "sentence"));
        if (!thread.complete()) {
            heading.appendElement("span").addClass("preview-badge").text(previewText(thread));
        }
        String threadUrl = threadUrl(thread);
        if (threadUrl != null) {
            heading.appendText(" ");
            link(heading, threadUrl, "open thread").addClass("thread-link");
        }
        Element list = group.appendElement("ol").addClass("sentence-list");
        for (SentenceRow sentence : carrying) {
            Element item = list.appendElement("li").addClass("sentence").attr("data-sentence-id", sentence.id())
                    .attr("data-thread", thread.id());
            appendTweetReference(item, sentence, thread);
            Element text = item.appendElement("span").addClass("sentence-text");
            highlighter.append(text, sentence, mentionsOf(sentence, concept.id()));
        }
    }

    /** The thread view: a legend, then each thread as text, sentence by sentence, grouped by tweet. */
    void appendThreads(Element parent) {
        appendLegend(parent);
        for (ThreadInfo thread : data.threads()) {
            appendThread(parent, thread);
        }
    }

    private void appendLegend(Element parent) {
        Element legend = parent.appendElement("div").addClass("legend").attr("role", "note").attr("aria-label", "Legend");
        legend.appendElement("h3").text("Legend");
        Element list = legend.appendElement("ul").addClass("legend-list");
        for (ConceptInfo concept : data.concepts()) {
            if (data.mentionsOf(concept.id()) > 0) {
                ConceptStyles.Style style = styles.of(concept.id());
                Element item = list.appendElement("li");
                Element sample = item.appendElement("mark").addClass("mention").addClass("legend-sample").addClass(style.cssClass());
                sample.appendText(concept.label());
                sample.appendElement("span").addClass("concept-tag").text(style.abbreviation());
            }
        }
        Element notes = legend.appendElement("p").addClass("legend-notes");
        notes.appendText("Each highlight ends with its concept's abbreviation; two concepts on the same words nest, "
                + "each with its own underline. ");
        boolean fuzzy = data.mentions().values().stream().flatMap(List::stream).anyMatch(MentionRow::fuzzy);
        if (fuzzy) {
            notes.appendText("\u2248 before an abbreviation: the words match a term only approximately. ");
        }
        if (!data.attributeColumns().isEmpty()) {
            notes.appendText("Badges after a highlight give its context: ");
            for (String attribute : data.attributeColumns()) {
                notes.appendElement("span").addClass("context-badge").addClass("badge-" + attribute).text(attribute);
                notes.appendText(" ");
            }
        }
    }

    private void appendThread(Element parent, ThreadInfo thread) {
        int number = data.threads().indexOf(thread) + 1;
        Element article = parent.appendElement("article").addClass("thread").attr("id", "thread-" + number)
                .attr("data-thread", thread.id());
        if (!thread.complete()) {
            article.addClass("preview");
        }
        Element heading = article.appendElement("h3");
        heading.appendText(Heatmap.threadName(data, thread));
        if (thread.handle() != null && !thread.handle().isBlank()) {
            heading.appendElement("span").addClass("handle").text(" @" + thread.handle());
        }
        Element meta = article.appendElement("p").addClass("thread-meta");
        meta.appendText(plural(thread.tweetCount(), "tweet") + ", " + plural(sentencesByThread.get(thread.id()).size(), "sentence")
                + (thread.source() == null ? "" : " · from " + thread.source()));
        String threadUrl = threadUrl(thread);
        if (threadUrl != null) {
            meta.appendText(" · ");
            link(meta, threadUrl, "open thread").addClass("thread-link");
        }
        if (!thread.complete()) {
            article.appendElement("p").addClass("preview-badge").text(previewText(thread));
        }
        appendThreadConcepts(article, thread);
        Element text = article.appendElement("div").addClass("thread-text");
        Element tweet = null;
        int tweetIndex = -1;
        for (SentenceRow sentence : sentencesByThread.get(thread.id())) {
            if (tweet == null || sentence.tweetIndex() != tweetIndex) {
                tweetIndex = sentence.tweetIndex();
                tweet = text.appendElement("p").addClass("tweet").attr("data-tweet", Integer.toString(tweetIndex));
                appendTweetReference(tweet, sentence, thread);
            } else {
                tweet.appendText(" ");
            }
            Element span = tweet.appendElement("span").addClass("sentence").attr("data-sentence-id", sentence.id())
                    .attr("data-thread", thread.id()).attr("data-concepts", String.join(" ", sentence.concepts()));
            highlighter.append(span, sentence, data.mentionsIn(sentence.id()));
        }
        if (sentencesByThread.get(thread.id()).isEmpty()) {
            text.appendElement("p").addClass("empty-note").text("No sentences.");
        }
    }

    /** Chips for the concepts in a thread, most mentioned first, so its subject shows before its text. */
    private void appendThreadConcepts(Element article, ThreadInfo thread) {
        appendConceptChips(article.appendElement("p").addClass("thread-concepts"), thread, Integer.MAX_VALUE, "Concepts: ");
    }

    /** Chips "Label (ABBR) × n" for a thread's concepts, most mentioned first (codebook order breaks ties), at most {@code limit}. */
    void appendConceptChips(Element line, ThreadInfo thread, int limit, String lead) {
        List<ConceptInfo> present = new ArrayList<>();
        for (ConceptInfo concept : data.concepts()) {
            if (data.counts().containsKey(concept.id()) && mentionsIn(concept, thread) > 0) {
                present.add(concept);
            }
        }
        present.sort((first, second) -> Integer.compare(mentionsIn(second, thread), mentionsIn(first, thread)));
        line.appendText(present.isEmpty() ? "No concepts tagged." : lead);
        for (ConceptInfo concept : present.subList(0, Math.min(limit, present.size()))) {
            line.appendElement("span").addClass("concept-chip").addClass(styles.of(concept.id()).cssClass())
                    .text(styles.labelled(concept.id()) + " × " + mentionsIn(concept, thread));
            line.appendText(" ");
        }
        if (present.size() > limit) {
            line.appendText("and " + (present.size() - limit) + " more");
        }
    }

    private int mentionsIn(ConceptInfo concept, ThreadInfo thread) {
        ReportData.Cell cell = data.counts().get(concept.id()).byThread().get(thread.id());
        return cell == null ? 0 : cell.mentions();
    }

    /** "tweet 3/7" (or "tweets 3–4/7"), linked to the tweet when sentences.csv gives its address. */
    private void appendTweetReference(Element parent, SentenceRow sentence, ThreadInfo thread) {
        String number = sentence.tweetEnd() > sentence.tweetIndex()
                ? "tweets " + sentence.tweetIndex() + "–" + sentence.tweetEnd()
                : "tweet " + sentence.tweetIndex();
        String text = thread.tweetCount() > 0 ? number + "/" + thread.tweetCount() : number;
        if (sentence.tweetUrl() != null) {
            link(parent, sentence.tweetUrl(), text).addClass("tweet-ref");
        } else {
            parent.appendElement("span").addClass("tweet-ref").text(text);
        }
        parent.appendText(" ");
    }

    private String threadUrl(ThreadInfo thread) {
        for (SentenceRow sentence : sentencesByThread.get(thread.id())) {
            if (sentence.threadUrl() != null) {
                return sentence.threadUrl();
            }
        }
        return null;
    }

    /** A link out of the report (http or https only, checked when the table was read). */
    private static Element link(Element parent, String address, String text) {
        return parent.appendElement("a").attr("href", address).attr("rel", "noopener noreferrer external")
                .attr("target", "_blank").text(text);
    }

    private List<MentionRow> mentionsOf(SentenceRow sentence, String conceptId) {
        List<MentionRow> matching = new ArrayList<>();
        for (MentionRow mention : data.mentionsIn(sentence.id())) {
            if (mention.conceptId().equals(conceptId)) {
                matching.add(mention);
            }
        }
        return matching;
    }

    static String previewText(ThreadInfo thread) {
        return "preview — " + thread.tweetsShown() + " of " + thread.tweetCount() + " tweets shown";
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
