package org.threadcoder.qdpx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.eval.GoldStandard;
import org.threadcoder.eval.GoldStandard.GoldSentence;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.Page;
import org.threadcoder.model.Span;
import org.threadcoder.model.TweetThread;

/**
 * Human coding from a QDA tool as a gold standard. A project's text source is matched to the input
 * whose text (the text the offsets index) has the same SHA-256. A code stands for a concept when its
 * GUID is the one threadcoder gives the concept, its description has a {@code threadcoder id:} line,
 * its name is the concept id, or its name is the concept's label (case and spacing aside); a code
 * named after a context attribute ({@code negated}, ...) marks that attribute. Coders select freely,
 * so the gold items are the pipeline's sentences in every matched source with coding: a sentence
 * has the concepts of the coded selections that overlap it (white space at a selection's ends
 * aside); an attribute code counts for the concepts coded on the same selection or, on a selection
 * without concept codes, for every concept of the sentence.
 */
public final class QdpxGold {

    /** The gold and what the reading left out, one line each. */
    public record Reading(GoldStandard gold, List<Pipeline.Input> inputs, int selections, List<String> notes) {
        public Reading {
            inputs = List.copyOf(inputs);
            notes = List.copyOf(notes);
        }
    }

    /** A matched source: the project's text document and the input's page. */
    private record Match(QdpxProject.TextDocument document, Pipeline.Input input, Page page) {
    }

    /** A unit (a pipeline sentence, or a span another coder coded) collecting the coding that overlaps it. */
    private static final class Draft {
        final Span span;
        final Set<String> concepts = new LinkedHashSet<>();
        final Map<String, Set<String>> attributes = new LinkedHashMap<>();
        final Set<String> attributesOfAll = new LinkedHashSet<>();

        Draft(Span span) {
            this.span = span;
        }

        void add(List<String> own, List<String> marks) {
            concepts.addAll(own);
            for (String attribute : marks) {
                if (own.isEmpty()) {
                    attributesOfAll.add(attribute);
                } else {
                    attributes.computeIfAbsent(attribute, unused -> new LinkedHashSet<>()).addAll(own);
                }
            }
        }

        GoldSentence build(String source) {
            Map<String, Set<String>> marked = new LinkedHashMap<>(attributes);
            attributesOfAll.forEach(attribute -> marked.put(attribute, concepts));
            return new GoldSentence(source, span, null, new ArrayList<>(concepts), marked, 0);
        }
    }

    private QdpxGold() {
    }

    /**
     * @param inputs candidate inputs; each is parsed and matched by the SHA-256 of its text
     * @throws InputException when a coded source matches no input, or no coded selection maps to a concept
     */
    public static Reading read(QdpxProject project, List<Pipeline.Input> inputs, Pipeline pipeline) throws InputException {
        return read(project, inputs, pipeline, Map.of());
    }

    /**
     * Like {@link #read(QdpxProject, List, Pipeline)}, but a source named in {@code units} gets those spans as its
     * units instead of the pipeline's sentences (to compare the project with another coder's units, by the same
     * overlap rule).
     *
     * @param units spans per input source name
     */
    public static Reading read(QdpxProject project, List<Pipeline.Input> inputs, Pipeline pipeline, Map<String, List<Span>> units)
            throws InputException {
        Map<String, String> concepts = conceptsByCode(project, pipeline.codebook());
        Map<String, String> attributes = attributesByCode(project, concepts);
        List<String> notes = new ArrayList<>(project.skipped());
        Set<String> unmapped = new TreeSet<>();
        List<QdpxProject.TextDocument> coded = new ArrayList<>();
        for (QdpxProject.TextDocument document : project.sources()) {
            boolean any = false;
            for (QdpxProject.Selection selection : document.selections()) {
                for (String guid : selection.codeGuids()) {
                    any |= concepts.containsKey(guid);
                    if (!concepts.containsKey(guid) && !attributes.containsKey(guid)) {
                        unmapped.add(codeName(project, guid));
                    }
                }
            }
            if (any) {
                coded.add(document);
            }
        }
        if (!unmapped.isEmpty()) {
            notes.add("codes that match no concept of the codebook, not counted: " + String.join(", ", unmapped));
        }
        if (coded.isEmpty()) {
            throw new InputException(project.file(), "no coded selection has a code that matches a concept of the codebook "
                    + "(by threadcoder GUID, 'threadcoder id:' line, concept id or label)");
        }
        List<Match> matches = match(project, coded, inputs, pipeline);
        List<GoldSentence> sentences = new ArrayList<>();
        Map<String, Integer> sources = new LinkedHashMap<>();
        int counted = 0;
        int outside = 0;
        for (Match match : matches) {
            sources.put(match.input().source(), 0);
            List<Draft> drafts = new ArrayList<>();
            if (units.containsKey(match.input().source())) {
                units.get(match.input().source()).forEach(span -> drafts.add(new Draft(span)));
            } else {
                for (TweetThread thread : match.page().threads()) {
                    pipeline.splitter().split(match.page().text(), thread).forEach(sentence -> drafts.add(new Draft(sentence.span())));
                }
            }
            for (QdpxProject.Selection selection : match.document().selections()) {
                List<String> own = selection.codeGuids().stream().filter(concepts::containsKey).map(concepts::get).distinct().toList();
                List<String> marks = selection.codeGuids().stream().filter(attributes::containsKey).map(attributes::get).distinct().toList();
                if (own.isEmpty() && marks.isEmpty()) {
                    continue;
                }
                counted += own.isEmpty() ? 0 : 1;
                Span span = trimmed(project, match, selection);
                boolean inSentence = false;
                for (Draft draft : drafts) {
                    if (span.length() > 0 && draft.span.overlaps(span)) {
                        inSentence = true;
                        draft.add(own, marks);
                    }
                }
                outside += inSentence ? 0 : 1;
            }
            drafts.forEach(draft -> sentences.add(draft.build(match.input().source())));
        }
        if (outside > 0) {
            notes.add(outside + " coded selections lie outside every thread sentence (site text?), not counted");
        }
        List<String> evaluated = GoldStandard.ATTRIBUTES.stream().filter(attributes::containsValue).toList();
        GoldStandard gold = new GoldStandard(project.file(), GoldStandard.Format.QDPX, evaluated, counted, sources, sentences, List.of());
        return new Reading(gold, matches.stream().map(Match::input).toList(), counted, notes);
    }

    /** Each code GUID that stands for a concept, with the concept id. */
    private static Map<String, String> conceptsByCode(QdpxProject project, Codebook codebook) {
        Map<String, String> byGuid = new LinkedHashMap<>();
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (Concept concept : codebook.concepts()) {
            byGuid.put(CodeTree.guid(concept.id()), concept.id());
            byLabel.putIfAbsent(folded(concept.label()), concept.id());
        }
        Map<String, String> concepts = new LinkedHashMap<>();
        for (QdpxProject.Code code : project.codes()) {
            String named = CodeTree.idIn(code.description());
            String id = byGuid.get(code.guid());
            if (id == null && named != null && codebook.concept(named).isPresent()) {
                id = named;
            }
            if (id == null && codebook.concept(code.name().strip()).isPresent()) {
                id = code.name().strip();
            }
            if (id == null) {
                id = byLabel.get(folded(code.name()));
            }
            if (id != null) {
                concepts.put(code.guid(), id);
            }
        }
        return concepts;
    }

    private static Map<String, String> attributesByCode(QdpxProject project, Map<String, String> concepts) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (QdpxProject.Code code : project.codes()) {
            String name = folded(code.name());
            if (!concepts.containsKey(code.guid()) && GoldStandard.ATTRIBUTES.contains(name)) {
                attributes.put(code.guid(), name);
            }
        }
        return attributes;
    }

    /**
     * Each coded document with the input whose text has its hash: among inputs of the same text, the one of the
     * document's name, else the first not yet taken.
     */
    private static List<Match> match(QdpxProject project, List<QdpxProject.TextDocument> coded, List<Pipeline.Input> inputs,
                                     Pipeline pipeline) throws InputException {
        Set<String> wanted = new java.util.HashSet<>();
        coded.forEach(document -> wanted.add(document.sha256()));
        Map<String, List<Match>> byHash = new LinkedHashMap<>();
        for (Pipeline.Input input : inputs) {
            Page page;
            try {
                page = pipeline.parse(input);
            } catch (InputException notAPage) {
                continue; // an input that is no thread page cannot be the text of a coded source
            }
            String hash = org.threadcoder.parse.PageReader.sha256(page.text().text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (wanted.contains(hash)) {
                byHash.computeIfAbsent(hash, unused -> new ArrayList<>()).add(new Match(null, input, page));
            }
        }
        List<Match> matches = new ArrayList<>();
        Set<Pipeline.Input> taken = new java.util.HashSet<>();
        for (QdpxProject.TextDocument document : coded) {
            List<Match> candidates = byHash.getOrDefault(document.sha256(), List.of());
            Match found = candidates.stream().filter(candidate -> candidate.input().source().equals(document.name())).findFirst()
                    .or(() -> candidates.stream().filter(candidate -> !taken.contains(candidate.input())).findFirst())
                    .orElse(null);
            if (found == null) {
                throw new InputException(project.file(), "source '" + document.name() + "' has coding, but no input "
                        + (candidates.isEmpty() ? "has its text" : "with its text is left (it stands twice in the project)")
                        + " (matched by SHA-256 of the text; give the inputs the run read, and check the QDA tool kept the text as it was)");
            }
            taken.add(found.input());
            matches.add(new Match(document, found.input(), found.page()));
        }
        return matches;
    }

    private static String codeName(QdpxProject project, String guid) {
        return project.codes().stream().filter(code -> code.guid().equals(guid)).map(QdpxProject.Code::name).findFirst()
                .orElse("(unknown code " + guid + ")");
    }

    /** A selection without the white space at its ends. */
    private static Span trimmed(QdpxProject project, Match match, QdpxProject.Selection selection) throws InputException {
        Span span = selection.span();
        int length = match.page().text().codePointLength();
        if (span.end() > length) {
            throw new InputException(project.file(), "source '" + match.document().name() + "': selection " + selection.guid()
                    + " ends at " + span.end() + ", past the end of the text (" + length + " characters)");
        }
        String text = match.page().text().slice(span);
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return new Span(span.start() + text.codePointCount(0, from), span.end() - text.codePointCount(to, text.length()));
    }

    private static String folded(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
