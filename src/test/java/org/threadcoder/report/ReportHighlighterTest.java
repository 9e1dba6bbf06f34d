package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.threadcoder.report.ReportData.ConceptInfo;
import org.threadcoder.report.ReportData.MentionRow;
import org.threadcoder.report.ReportData.SentenceRow;

/** Highlights count code points and keep overlapping mentions whole. */
class ReportHighlighterTest {
    private static final ConceptStyles STYLES = new ConceptStyles(List.of(
            new ConceptInfo("working-alliance", "Working alliance", null, "", 0),
            new ConceptInfo("alliance-bond", "Bond", "working-alliance", "", 1),
            new ConceptInfo("research-evidence", "Research evidence", null, "", 0)));

    /** The sentence starts at source offset 100; mentions are given relative to it here. */
    private static Element render(String text, MentionRow... mentions) {
        SentenceRow sentence = new SentenceRow("s1", "t1", 1, 1, 1, 100, 100 + text.codePointCount(0, text.length()), text,
                List.of(), null, null);
        Element parent = Document.createShell("").body().appendElement("span");
        new Highlighter(STYLES).append(parent, sentence, List.of(mentions));
        return parent;
    }

    private static MentionRow mention(String id, String concept, int start, int end, String... attributes) {
        return new MentionRow(id, "s1", "t1", concept, 100 + start, 100 + end, "", "term", List.of(attributes), null, false);
    }

    private static Map<String, String> highlighted(Element parent) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Element mark : parent.select("mark[data-mention-id]")) {
            texts.merge(mark.attr("data-mention-id"), ReportPageTest.ownText(mark), String::concat);
        }
        return texts;
    }

    @Test
    void countsCodePointsNotChars() {
        // "𝘱𝘳𝘦" are math-italic letters (two UTF-16 chars each), "🧠" an emoji
        String text = "The 𝘱𝘳𝘦condition 🧠 for a working alliance.";
        int start = "The 𝘱𝘳𝘦condition 🧠 for a ".codePointCount(0, "The 𝘱𝘳𝘦condition 🧠 for a ".length());
        Element parent = render(text, mention("m1", "working-alliance", start, start + 16),
                mention("m2", "research-evidence", 4, 16));
        assertEquals(Map.of("m1", "working alliance", "m2", "𝘱𝘳𝘦condition"), highlighted(parent));
        assertEquals(text.replace("alliance", "allianceWA").replace("𝘱𝘳𝘦condition", "𝘱𝘳𝘦conditionRE"), parent.text());
        assertEquals("mention concept-1", parent.selectFirst("mark[data-mention-id=m1]").className());
    }

    @Test
    void overlappingMentionsAreNestedWithoutLoss() {
        String text = "the working alliance bond holds";
        // m1 "working alliance" (4..20), m2 "alliance bond" (12..25) overlap; m3 "alliance" (12..20) lies inside both
        Element parent = render(text, mention("m1", "working-alliance", 4, 20), mention("m2", "alliance-bond", 12, 25),
                mention("m3", "research-evidence", 12, 20, "negated"));
        Map<String, String> texts = highlighted(parent);
        assertEquals("working alliance", texts.get("m1"));
        assertEquals("alliance bond", texts.get("m2"));
        assertEquals("alliance", texts.get("m3"));
        // every text character shows once, in order
        StringBuilder all = new StringBuilder();
        parent.traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.TextNode textNode && !textNode.parent().hasClass("concept-tag")
                    && !textNode.parent().hasClass("context-badge")) {
                all.append(textNode.getWholeText());
            }
        });
        assertEquals(text, all.toString());
        Element inner = parent.selectFirst("mark[data-mention-id=m3]");
        assertEquals("m2", inner.parent().attr("data-mention-id"), "shorter mentions nest inside longer ones");
        assertEquals("m1", inner.parent().parent().attr("data-mention-id"));
        assertEquals("true", inner.attr("data-negated"));
        assertEquals("RE", inner.selectFirst(".concept-tag").text());
        assertEquals("negated", inner.selectFirst(".context-badge").text());
        assertEquals(1, parent.select(".concept-tag:containsOwn(WA)").size(), "one label a mention");
        assertEquals(1, parent.select(".concept-tag:containsOwn(BON)").size());
    }

    @Test
    void emptyMentionIsStillShown() {
        Element parent = render("a b", mention("m1", "alliance-bond", 1, 1));
        assertEquals(1, parent.select("mark[data-mention-id=m1]").size());
        assertEquals("aBON b", parent.text());
    }

    @Test
    void abbreviations() {
        assertEquals("WA", ConceptStyles.abbreviate("Working alliance"));
        assertEquals("CP", ConceptStyles.abbreviate("Confidentiality and privacy"));
        assertEquals("SRI", ConceptStyles.abbreviate("Self-reflection and insight"));
        assertEquals("CBT", ConceptStyles.abbreviate("CBT"));
        assertEquals("BON", ConceptStyles.abbreviate("Bond"));
        ConceptStyles twins = new ConceptStyles(List.of(new ConceptInfo("a", "Working alliance", null, "", 0),
                new ConceptInfo("b", "Warm attitude", null, "", 0)));
        assertEquals("WA2", twins.of("b").abbreviation(), "abbreviations are unique");
    }
}
