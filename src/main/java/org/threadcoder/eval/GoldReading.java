package org.threadcoder.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.threadcoder.InputException;
import org.threadcoder.eval.GoldStandard.Format;
import org.threadcoder.eval.GoldStandard.GoldSentence;
import org.threadcoder.eval.GoldStandard.GoldThread;
import org.threadcoder.model.Span;

/** The reading of one gold file, CSV or JSON (the formats {@link GoldStandard} describes): the state and checks both share. */
final class GoldReading {
    private static final List<String> CSV_REQUIRED = List.of("source", "start", "end", "concept", "negated");
    private static final Set<String> CSV_KNOWN = Set.of("source", "start", "end", "concept", "negated", "hypothetical",
            "uncertain", "reported", "question", "text", "note");
    private static final Set<String> JSON_TOP = Set.of("about", "source", "threads");
    private static final Set<String> JSON_THREAD = Set.of("author", "handle", "date", "dateText", "tweetCount", "complete",
            "sentences", "url", "note");
    private static final Set<String> JSON_SENTENCE = Set.of("start", "end", "text", "concepts", "negated", "hypothetical",
            "uncertain", "reported", "question", "note");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A sentence's place: its source and span. */
    private record Place(String source, Span span) {
    }

    /** A gold sentence being collected. */
    private static final class Draft {
        final Place place;
        final int line;
        final List<String> concepts = new ArrayList<>();
        final Map<String, Set<String>> attributes = new LinkedHashMap<>();
        String text;
        /** The line of the row that listed the unit with an empty concept, 0 when none did. */
        int emptyConceptLine;

        Draft(Place place, int line) {
            this.place = place;
            this.line = line;
            GoldStandard.ATTRIBUTES.forEach(attribute -> attributes.put(attribute, new TreeSet<>()));
        }

        GoldSentence build() {
            return new GoldSentence(place.source(), place.span(), text, concepts, attributes, line);
        }
    }

    private final String file;
    private final Set<String> knownConcepts;
    private final Map<String, Integer> sources = new LinkedHashMap<>();
    private final Map<Place, Draft> drafts = new LinkedHashMap<>();

    GoldReading(String file, Set<String> knownConcepts) {
        this.file = file;
        this.knownConcepts = knownConcepts;
    }

    private InputException bad(int line, String reason) {
        return new InputException(file, "line " + line + ": " + reason);
    }

    private GoldStandard finish(Format format, List<String> attributes, int rows, List<GoldThread> threads) throws InputException {
        if (drafts.isEmpty()) {
            throw bad(1, "no gold sentences");
        }
        return new GoldStandard(file, format, attributes, rows, sources, drafts.values().stream().map(Draft::build).toList(), threads);
    }

    private String source(String name, int line) throws InputException {
        String source = name == null ? "" : name.strip();
        if (source.isEmpty()) {
            throw bad(line, "no source named");
        }
        sources.putIfAbsent(source, line);
        return source;
    }

    private Place place(String source, String start, String end, int line) throws InputException {
        for (String offset : List.of(start, end)) {
            if (offset == null || !offset.strip().matches("\\d{1,9}")) {
                throw bad(line, "start and end must be code point offsets >= 0, got '" + start + "', '" + end + "'");
            }
        }
        int from = Integer.parseInt(start.strip());
        int to = Integer.parseInt(end.strip());
        if (to <= from) {
            throw bad(line, "a sentence span must have start < end, got start=" + from + " end=" + to);
        }
        return new Place(source, new Span(from, to));
    }

    /** Adds a concept to a sentence, checking it is known and new there. */
    private void concept(Draft draft, String name, int line) throws InputException {
        String concept = name.strip();
        if (!knownConcepts.isEmpty() && !knownConcepts.contains(concept)) {
            throw bad(line, "concept '" + concept + "' is not in the codebook");
        }
        if (draft.concepts.contains(concept)) {
            throw bad(line, "concept '" + concept + "' given twice for " + draft.place.source() + " ["
                    + draft.place.span().start() + ", " + draft.place.span().end() + ") (first at line " + draft.line + ")");
        }
        draft.concepts.add(concept);
    }

    GoldStandard csv(String text) throws InputException {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.contains(",") || !firstLine.contains(";") ? ',' : ';';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(true).get();
        List<String> header = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        int rows = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            for (int line = 1; records.hasNext(); line = (int) parser.getCurrentLineNumber() + 1) {
                CSVRecord record = records.next();
                if (header.isEmpty()) {
                    record.forEach(column -> header.add(column.strip().toLowerCase(Locale.ROOT)));
                    if (!header.containsAll(CSV_REQUIRED)) {
                        throw bad(line, "neither a JSON gold object (like seed.gold.json) nor a CSV with header "
                                + String.join(",", CSV_REQUIRED));
                    }
                    for (String name : header) {
                        if (!CSV_KNOWN.contains(name) || header.indexOf(name) != header.lastIndexOf(name)) {
                            throw bad(line, "column '" + name + "' unknown or repeated (known: " + String.join(",", new TreeSet<>(CSV_KNOWN)) + ")");
                        }
                    }
                    GoldStandard.ATTRIBUTES.stream().filter(header::contains).forEach(attributes::add);
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw bad(line, "has " + record.size() + " fields, the header has " + header.size());
                }
                rows++;
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), record.get(i));
                }
                Place place = place(source(row.get("source"), line), row.get("start"), row.get("end"), line);
                int first = line;
                Draft draft = drafts.computeIfAbsent(place, unused -> new Draft(place, first));
                draft.text = row.get("text") == null || row.get("text").isBlank() ? draft.text : row.get("text");
                if (row.get("concept").isBlank()) {
                    codedWithoutConcept(draft, row, attributes, line);
                    continue;
                }
                if (draft.emptyConceptLine > 0) {
                    throw bad(line, conflict(draft, row.get("concept").strip()));
                }
                concept(draft, row.get("concept"), line);
                for (String attribute : attributes) {
                    if (bool(attribute, row.get(attribute), line)) {
                        draft.attributes.get(attribute).add(draft.concepts.get(draft.concepts.size() - 1));
                    }
                }
            }
        } catch (IOException | UncheckedIOException malformed) {
            throw new InputException(file, "malformed CSV: " + malformed.getMessage());
        }
        return finish(Format.CSV, attributes, rows, List.of());
    }

    /** A row with an empty concept: the unit was coded and has no concept. */
    private void codedWithoutConcept(Draft draft, Map<String, String> row, List<String> attributes, int line) throws InputException {
        if (!draft.concepts.isEmpty()) {
            throw bad(line, conflict(draft, draft.concepts.get(0)));
        }
        for (String attribute : attributes) {
            if (bool(attribute, row.get(attribute), line)) {
                throw bad(line, attribute + " is true on a row with an empty concept (a unit coded with no concept has no "
                        + "attributes; give the concept it holds for)");
            }
        }
        draft.emptyConceptLine = draft.emptyConceptLine > 0 ? draft.emptyConceptLine : line;
    }

    private static String conflict(Draft draft, String concept) {
        int emptyLine = draft.emptyConceptLine > 0 ? draft.emptyConceptLine : -1;
        return draft.place.source() + " [" + draft.place.span().start() + ", " + draft.place.span().end() + ") is listed both with "
                + "an empty concept (coded, no concept" + (emptyLine > 0 ? ", line " + emptyLine : "") + ") and with concept '"
                + concept + "'" + (emptyLine > 0 ? "" : " (line " + draft.line + ")") + "; keep one";
    }

    private boolean bool(String column, String value, int line) throws InputException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw bad(line, column + " must be true or false, got '" + value + "'");
        };
    }

    GoldStandard json(String text) throws InputException {
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try (JsonParser parser = JSON.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    lines.put(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
                }
            }
            root = JSON.readTree(text);
        } catch (JsonProcessingException malformed) {
            int line = malformed.getLocation() == null ? 1 : malformed.getLocation().getLineNr();
            throw bad(line, "malformed JSON: " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InputException(file, "cannot read: " + unreadable.getMessage(), unreadable);
        }
        fields(root, JSON_TOP, 1, "the top level");
        String source = source(text(root, "source", 1), 1);
        JsonNode threadNodes = root.path("threads");
        if (!threadNodes.isArray()) {
            throw bad(1, "'threads' must be a list of thread objects");
        }
        Set<String> attributes = new TreeSet<>(List.of("negated"));
        List<GoldThread> threads = new ArrayList<>();
        for (int t = 0; t < threadNodes.size(); t++) {
            JsonNode thread = threadNodes.get(t);
            int line = lines.getOrDefault("/threads/" + t, 1);
            fields(thread, JSON_THREAD, line, "a thread");
            JsonNode tweetCount = typed(thread, "tweetCount", line, JsonNode::canConvertToInt, "a whole number");
            JsonNode complete = typed(thread, "complete", line, JsonNode::isBoolean, "true or false");
            threads.add(new GoldThread(source, text(thread, "author", line), text(thread, "handle", line), text(thread, "date", line),
                    text(thread, "dateText", line), tweetCount == null ? null : tweetCount.asInt(),
                    complete == null ? null : complete.asBoolean(), line));
            JsonNode sentenceNodes = thread.path("sentences");
            if (!sentenceNodes.isArray()) {
                throw bad(line, "'sentences' must be a list of sentence objects");
            }
            for (int s = 0; s < sentenceNodes.size(); s++) {
                sentence(source, sentenceNodes.get(s), lines.getOrDefault("/threads/" + t + "/sentences/" + s, line), attributes);
            }
        }
        int pairs = drafts.values().stream().mapToInt(draft -> draft.concepts.size()).sum();
        List<String> ordered = GoldStandard.ATTRIBUTES.stream().filter(attributes::contains).toList();
        return finish(Format.JSON, ordered, pairs, threads);
    }

    private void sentence(String source, JsonNode node, int line, Set<String> attributes) throws InputException {
        fields(node, JSON_SENTENCE, line, "a sentence");
        JsonNode start = typed(node, "start", line, JsonNode::isIntegralNumber, "an offset");
        JsonNode end = typed(node, "end", line, JsonNode::isIntegralNumber, "an offset");
        if (start == null || end == null || !node.has("concepts")) {
            throw bad(line, "a sentence needs start, end and concepts");
        }
        Place place = place(source, start.asText(), end.asText(), line);
        Draft draft = new Draft(place, line);
        Draft earlier = drafts.putIfAbsent(place, draft);
        if (earlier != null) {
            throw bad(line, "sentence " + source + " [" + place.span().start() + ", " + place.span().end() + ") already given at line " + earlier.line);
        }
        draft.text = text(node, "text", line);
        for (String concept : list(node, "concepts", line)) {
            concept(draft, concept, line);
        }
        for (String attribute : GoldStandard.ATTRIBUTES) {
            if (node.has(attribute)) {
                attributes.add(attribute);
                for (String concept : list(node, attribute, line)) {
                    if (!draft.concepts.contains(concept)) {
                        throw bad(line, attribute + " lists '" + concept + "', which is not among the sentence's concepts");
                    }
                    draft.attributes.get(attribute).add(concept);
                }
            }
        }
    }

    private List<String> list(JsonNode node, String field, int line) throws InputException {
        JsonNode value = typed(node, field, line, JsonNode::isArray, "a list of concept ids");
        List<String> items = new ArrayList<>();
        for (JsonNode item : value == null ? List.<JsonNode>of() : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw bad(line, "'" + field + "' must hold concept ids, got " + item);
            }
            items.add(item.asText().strip());
        }
        return items;
    }

    private String text(JsonNode node, String field, int line) throws InputException {
        JsonNode value = typed(node, field, line, JsonNode::isTextual, "a string");
        return value == null ? null : value.asText();
    }

    private JsonNode typed(JsonNode node, String field, int line, Predicate<JsonNode> wanted, String what) throws InputException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!wanted.test(value)) {
            throw bad(line, "'" + field + "' must be " + what + ", got " + value);
        }
        return value;
    }

    private void fields(JsonNode node, Set<String> known, int line, String where) throws InputException {
        if (!node.isObject()) {
            throw bad(line, where + " must be a JSON object, got " + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                throw bad(line, "unknown field '" + field + "' in " + where + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }
}
