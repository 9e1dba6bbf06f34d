package org.threadcoder.qdpx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.threadcoder.output.ConceptMap;
import org.threadcoder.qdpx.RunFolder.MentionRow;
import org.threadcoder.qdpx.RunFolder.SentenceRow;
import org.threadcoder.qdpx.RunFolder.ThreadRow;

/**
 * Builds {@code project.qde}: users, the code tree, variables, a case per thread, a text source per
 * page with its selections and codings, and notes for context attributes. Element order and
 * attributes follow the REFI-QDA 1.5 project schema; positions are Unicode code points,
 * {@code startPosition} inclusive and {@code endPosition} exclusive.
 */
final class ProjectXml {
    static final String USER = Guids.of("user", "threadcoder");
    /** Variables of a page (its unrolled thread's date and address) and of a thread (a case), with their types. */
    private static final Map<String, String> SOURCE_VARIABLES = ordered("author", "Text", "handle", "Text", "date", "Date", "url", "Text",
            "threads", "Integer");
    private static final Map<String, String> CASE_VARIABLES = ordered("thread date", "Date", "thread date as written", "Text",
            "thread url", "Text", "tweet count", "Integer", "complete", "Boolean");

    /** A note on a selection, written in {@code <Notes>} at the end. */
    private record Note(String guid, String name, String text) {
    }

    /** What was written, for the summary line. */
    record Counts(int sources, int selections, int codings, int notes) {
    }

    private final RunFolder run;
    private final QdpxExport.Unit unit;
    private final XmlWriter xml = new XmlWriter();
    private final List<Note> notes = new ArrayList<>();
    private final Map<String, List<ThreadRow>> threadsBySource = new LinkedHashMap<>();
    private final Map<String, List<SentenceRow>> sentencesByThread = new LinkedHashMap<>();
    private final Map<String, List<MentionRow>> mentionsBySentence = new LinkedHashMap<>();
    private int selections;
    private int codings;

    private ProjectXml(RunFolder run, QdpxExport.Unit unit) {
        this.run = run;
        this.unit = unit;
        run.threads().forEach(thread -> threadsBySource.computeIfAbsent(thread.source(), unused -> new ArrayList<>()).add(thread));
        run.sentences().forEach(sentence -> sentencesByThread.computeIfAbsent(sentence.threadId(), unused -> new ArrayList<>()).add(sentence));
        run.mentions().forEach(mention -> mentionsBySentence.computeIfAbsent(mention.sentenceId(), unused -> new ArrayList<>()).add(mention));
    }

    /** The document and its counts; {@code sourceGuids} maps each source to the GUID naming its text file. */
    static Map.Entry<String, Counts> build(RunFolder run, Map<String, String> sourceGuids, QdpxExport.Unit unit) {
        ProjectXml project = new ProjectXml(run, unit);
        String document = project.write(sourceGuids);
        return Map.entry(document, new Counts(sourceGuids.size(), project.selections, project.codings, project.notes.size()));
    }

    private String write(Map<String, String> sourceGuids) {
        xml.start("Project", "xmlns", "urn:QDA-XML:project:1.0", "name", "threadcoder: " + run.codebook().name(),
                "origin", "threadcoder " + run.toolVersion(), "creatingUserGUID", USER);
        xml.start("Users").empty("User", "guid", USER, "name", "threadcoder").end();
        xml.start("CodeBook");
        CodeTree.write(xml, run.codebook(), unit == QdpxExport.Unit.MENTION ? ConceptMap.ATTRIBUTES : List.of());
        xml.end();
        xml.start("Variables");
        SOURCE_VARIABLES.forEach((name, type) -> variable("source", name, type));
        CASE_VARIABLES.forEach((name, type) -> variable("case", name, type));
        xml.end();
        if (!run.threads().isEmpty()) {
            cases();
        }
        if (!sourceGuids.isEmpty()) {
            xml.start("Sources");
            sourceGuids.forEach(this::source);
            xml.end();
        }
        if (!notes.isEmpty()) {
            xml.start("Notes");
            for (Note note : notes) {
                xml.start("Note", "guid", note.guid(), "name", note.name(), "creatingUser", USER).text("PlainTextContent", note.text()).end();
            }
            xml.end();
        }
        xml.text("Description", "Exported by threadcoder " + run.toolVersion() + " from a run with codebook " + run.codebook().name()
                + " " + run.codebook().version() + ": one text source per input page, one coded selection per "
                + (unit == QdpxExport.Unit.MENTION ? "concept mention" : "tagged sentence") + ", one case per thread. Positions are "
                + "Unicode code points; startPosition is the first character, endPosition the one after the last.");
        xml.end();
        return xml.document();
    }

    private void variable(String owner, String name, String type) {
        xml.empty("Variable", "guid", Guids.of("variable", owner + ":" + name), "name", name, "typeOfVariable", type);
    }

    private void value(String owner, String name, String value) {
        if (value == null) {
            return;
        }
        String type = (owner.equals("source") ? SOURCE_VARIABLES : CASE_VARIABLES).get(name);
        xml.start("VariableValue").empty("VariableRef", "targetGUID", Guids.of("variable", owner + ":" + name))
                .text(type + "Value", value).end();
    }

    private void cases() {
        xml.start("Cases");
        for (ThreadRow thread : run.threads()) {
            xml.start("Case", "guid", Guids.of("case", thread.id()), "name", thread.id());
            xml.text("Description", "thread " + thread.id() + (thread.author() == null ? "" : " by " + thread.author())
                    + (thread.dateText() == null ? "" : ", " + thread.dateText()) + (thread.complete() ? "" : " (a preview)"));
            value("case", "thread date", thread.date());
            value("case", "thread date as written", thread.dateText());
            value("case", "thread url", threadUrl(thread.id()));
            value("case", "tweet count", thread.tweetCount() == null ? null : thread.tweetCount().toString());
            value("case", "complete", Boolean.toString(thread.complete()));
            if (!threadSentences(thread.id()).isEmpty()) {
                xml.empty("SelectionRef", "targetGUID", Guids.of("thread-selection", thread.id()));
            }
            xml.end();
        }
        xml.end();
    }

    private void source(String source, String guid) {
        xml.start("TextSource", "guid", guid, "name", source, "plainTextPath", "internal://" + guid + ".txt", "creatingUser", USER);
        xml.text("Description", "threadcoder input " + source + ": the text the run's offsets index");
        List<ThreadRow> threads = threadsBySource.getOrDefault(source, List.of());
        for (ThreadRow thread : threads) {
            List<SentenceRow> sentences = threadSentences(thread.id());
            if (!sentences.isEmpty()) {
                selections++;
                xml.empty("PlainTextSelection", "guid", Guids.of("thread-selection", thread.id()), "name", "thread " + thread.id(),
                        "startPosition", Integer.toString(sentences.get(0).span().start()),
                        "endPosition", Integer.toString(sentences.get(sentences.size() - 1).span().end()), "creatingUser", USER);
            }
        }
        for (ThreadRow thread : threads) {
            if (unit == QdpxExport.Unit.MENTION) {
                threadSentences(thread.id()).forEach(sentence -> mentionsOf(sentence.id()).forEach(this::mention));
            } else {
                threadSentences(thread.id()).stream().filter(sentence -> !sentence.concepts().isEmpty()).forEach(this::sentence);
            }
        }
        ThreadRow main = threads.stream().filter(ThreadRow::complete).findFirst().orElse(threads.isEmpty() ? null : threads.get(0));
        if (main != null) {
            value("source", "author", main.author());
            value("source", "handle", main.handle());
            value("source", "date", main.date());
            value("source", "url", threadUrl(main.id()));
        }
        value("source", "threads", Integer.toString(threads.size()));
        xml.end();
    }

    private void mention(MentionRow mention) {
        String guid = Guids.of("mention", mention.id() + ":" + mention.conceptId());
        selection(guid, mention.id(), mention.span().start(), mention.span().end(), "term: " + mention.term());
        coding(guid, CodeTree.guid(mention.conceptId()));
        for (String attribute : mention.attributes()) {
            coding(guid + ":" + attribute, CodeTree.attributeGuid(attribute));
        }
        if (!mention.attributes().isEmpty()) {
            note(guid, mention.id(), String.join(", ", mention.attributes()) + " (trigger: " + mention.trigger() + ")");
        }
        xml.end();
    }

    private void sentence(SentenceRow sentence) {
        String guid = Guids.of("sentence", sentence.id());
        List<MentionRow> mentions = mentionsOf(sentence.id());
        Map<String, TreeSet<String>> terms = new LinkedHashMap<>();
        mentions.forEach(mention -> terms.computeIfAbsent(mention.conceptId(), unused -> new TreeSet<>()).add(mention.term()));
        List<String> described = new ArrayList<>();
        terms.forEach((concept, words) -> described.add(concept + ": " + String.join(", ", words)));
        selection(guid, sentence.id(), sentence.span().start(), sentence.span().end(), "terms: " + String.join("; ", described));
        sentence.concepts().forEach(concept -> coding(guid + ":" + concept, CodeTree.guid(concept)));
        List<String> context = mentions.stream().filter(mention -> !mention.attributes().isEmpty())
                .map(mention -> mention.conceptId() + " " + String.join(", ", mention.attributes()) + " (trigger: " + mention.trigger() + ")")
                .toList();
        if (!context.isEmpty()) {
            note(guid, sentence.id(), String.join("; ", context));
        }
        xml.end();
    }

    private void selection(String guid, String name, int start, int end, String description) {
        selections++;
        xml.start("PlainTextSelection", "guid", guid, "name", name, "startPosition", Integer.toString(start),
                "endPosition", Integer.toString(end), "creatingUser", USER);
        xml.text("Description", description);
    }

    private void coding(String name, String codeGuid) {
        codings++;
        xml.start("Coding", "guid", Guids.of("coding", name), "creatingUser", USER).empty("CodeRef", "targetGUID", codeGuid).end();
    }

    /** A note on the open selection: its reference now, the note itself in {@code <Notes>} at the end. */
    private void note(String selectionGuid, String name, String text) {
        String guid = Guids.of("note", selectionGuid);
        notes.add(new Note(guid, "context of " + name, text));
        xml.empty("NoteRef", "targetGUID", guid);
    }

    private List<SentenceRow> threadSentences(String threadId) {
        return sentencesByThread.getOrDefault(threadId, List.of());
    }

    private List<MentionRow> mentionsOf(String sentenceId) {
        return mentionsBySentence.getOrDefault(sentenceId, List.of());
    }

    private String threadUrl(String threadId) {
        return threadSentences(threadId).stream().map(SentenceRow::threadUrl).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
