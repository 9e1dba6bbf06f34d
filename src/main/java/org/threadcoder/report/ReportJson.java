package org.threadcoder.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import org.threadcoder.report.ReportData.ConceptCounts;
import org.threadcoder.report.ReportData.ConceptInfo;
import org.threadcoder.report.ReportData.MentionRow;
import org.threadcoder.report.ReportData.SentenceRow;
import org.threadcoder.report.ReportData.ThreadInfo;

/**
 * The report's data block, {@code <script type="application/json" id="report-data">}: what the page
 * script renders on demand, so the page holds one JSON text instead of a DOM node per sentence.
 * Schema {@code threadcoder.report-data/1}; rows are arrays whose fields the {@code *_columns}
 * lists name, which keeps the block small at thousands of threads.
 *
 * <ul>
 *   <li>{@code concepts}: per concept (parents before children) its id, label, abbreviation, style number
 *       (the CSS class {@code concept-N}), parent, depth, definition and run totals (sentences tagged,
 *       mentions, threads);</li>
 *   <li>{@code threads}: the fields of {@code threads.csv} ({@code tweet_count} and {@code date} null when the page
 *       does not give them), the thread's address, and per concept the sentences tagged ({@code tagged}, the counts of
 *       {@code threads.csv}) and the mentions ({@code mentioned}, from {@code concept-map.json}) in concept order;</li>
 *   <li>{@code sentences}: thread (index), tweet and sentence numbers, code point {@code start}/{@code end} into the
 *       source, text, direct concepts (indexes), tweet address;</li>
 *   <li>{@code mentions}: sentence (index), concept (index), {@code from}/{@code to} as UTF-16 offsets into the
 *       sentence text (what the browser's strings count), the attributes that are true (indexes into
 *       {@code attributes}), term, context trigger, fuzzy.</li>
 * </ul>
 *
 * Strings are escaped so that no {@code <}, {@code >} or {@code &} appears raw: thread text holding
 * {@code </script>} cannot end the block.
 */
final class ReportJson {
    static final String SCHEMA = "threadcoder.report-data/1";
    /** Above this many threads the map opens on the author view and the thread texts wait until asked for. */
    static final int LARGE_RUN_THREADS = 150;
    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    /** Whether a run is large enough to open on an aggregated view. */
    static boolean large(ReportData data) {
        return data.threads().size() > LARGE_RUN_THREADS;
    }

    static String write(ReportData data, ConceptStyles styles) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setCharacterEscapes(new HtmlSafe());
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("manifest_sha256", data.manifest().sha256());
            json.writeObjectFieldStart("codebook");
            json.writeStringField("name", data.codebookName());
            json.writeStringField("version", data.codebookVersion());
            json.writeEndObject();
            json.writeBooleanField("roll_up", data.manifest().rollUp());
            json.writeStringField("open_view", large(data) ? "author" : "thread");
            stringArray(json, "attributes", data.attributeColumns());
            concepts(json, data, styles);
            threads(json, data);
            Map<String, Integer> sentenceIndex = sentences(json, data);
            mentions(json, data, sentenceIndex);
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }

    private static void concepts(JsonGenerator json, ReportData data, ConceptStyles styles) throws IOException {
        json.writeArrayFieldStart("concepts");
        for (ConceptInfo concept : data.concepts()) {
            ConceptStyles.Style style = styles.of(concept.id());
            ConceptCounts counts = data.counts().get(concept.id());
            json.writeStartObject();
            json.writeStringField("id", concept.id());
            json.writeStringField("label", concept.label());
            json.writeStringField("abbreviation", style.abbreviation());
            json.writeNumberField("style", style.number());
            json.writeStringField("parent", concept.parent());
            json.writeNumberField("depth", concept.depth());
            json.writeStringField("definition", concept.definition());
            json.writeNumberField("sentences", counts == null ? 0 : counts.sentences());
            json.writeNumberField("mentions", counts == null ? 0 : counts.mentions());
            json.writeNumberField("threads", counts == null ? 0 : counts.threads());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void threads(JsonGenerator json, ReportData data) throws IOException {
        Map<String, String> threadUrls = new HashMap<>();
        for (SentenceRow sentence : data.sentences()) {
            if (sentence.threadUrl() != null) {
                threadUrls.putIfAbsent(sentence.threadId(), sentence.threadUrl());
            }
        }
        stringArray(json, "thread_columns", List.of("id", "source", "author", "handle", "date_text", "date", "tweet_count",
                "tweets_shown", "complete", "sentences", "url"));
        json.writeArrayFieldStart("threads");
        for (ThreadInfo thread : data.threads()) {
            json.writeStartArray();
            json.writeString(thread.id());
            json.writeString(thread.source());
            json.writeString(thread.author());
            json.writeString(thread.handle());
            json.writeString(thread.dateText());
            json.writeString(thread.date());
            if (thread.tweetCount() == null) {
                json.writeNull();
            } else {
                json.writeNumber(thread.tweetCount());
            }
            json.writeNumber(thread.tweetsShown());
            json.writeBoolean(thread.complete());
            json.writeNumber(thread.sentences());
            json.writeString(threadUrls.get(thread.id()));
            json.writeEndArray();
        }
        json.writeEndArray();
        perThreadAndConcept(json, "tagged", data, (thread, concept) -> thread.conceptSentences().getOrDefault(concept.id(), 0));
        perThreadAndConcept(json, "mentioned", data, (thread, concept) -> {
            ConceptCounts counts = data.counts().get(concept.id());
            return counts == null ? 0 : counts.mentionsByThread().getOrDefault(thread.id(), 0);
        });
    }

    /** One row a thread, one number a concept (in concept order). */
    private static void perThreadAndConcept(JsonGenerator json, String field, ReportData data,
            ToIntBiFunction<ThreadInfo, ConceptInfo> count) throws IOException {
        json.writeArrayFieldStart(field);
        for (ThreadInfo thread : data.threads()) {
            json.writeStartArray();
            for (ConceptInfo concept : data.concepts()) {
                json.writeNumber(count.applyAsInt(thread, concept));
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /** Writes the sentences; returns each sentence id's index. */
    private static Map<String, Integer> sentences(JsonGenerator json, ReportData data) throws IOException {
        Map<String, Integer> threadIndex = indexes(data.threads().stream().map(ThreadInfo::id).toList());
        Map<String, Integer> conceptIndex = indexes(data.concepts().stream().map(ConceptInfo::id).toList());
        Map<String, Integer> sentenceIndex = new HashMap<>();
        stringArray(json, "sentence_columns", List.of("id", "thread", "tweet_index", "tweet_end", "sentence_index", "start",
                "end", "text", "concepts", "tweet_url"));
        json.writeArrayFieldStart("sentences");
        for (SentenceRow sentence : data.sentences()) {
            sentenceIndex.put(sentence.id(), sentenceIndex.size());
            json.writeStartArray();
            json.writeString(sentence.id());
            json.writeNumber(threadIndex.get(sentence.threadId()));
            json.writeNumber(sentence.tweetIndex());
            json.writeNumber(sentence.tweetEnd());
            json.writeNumber(sentence.sentenceIndex());
            json.writeNumber(sentence.start());
            json.writeNumber(sentence.end());
            json.writeString(sentence.text());
            json.writeStartArray();
            for (String concept : sentence.concepts()) {
                Integer index = conceptIndex.get(concept);
                if (index == null) {
                    throw new IllegalArgumentException("sentence " + sentence.id() + " has concept '" + concept
                            + "', which is not in the codebook " + conceptIndex.keySet());
                }
                json.writeNumber(index);
            }
            json.writeEndArray();
            json.writeString(sentence.tweetUrl());
            json.writeEndArray();
        }
        json.writeEndArray();
        return sentenceIndex;
    }

    private static void mentions(JsonGenerator json, ReportData data, Map<String, Integer> sentenceIndex) throws IOException {
        Map<String, Integer> conceptIndex = indexes(data.concepts().stream().map(ConceptInfo::id).toList());
        Map<String, Integer> attributeIndex = indexes(data.attributeColumns());
        stringArray(json, "mention_columns", List.of("id", "sentence", "concept", "from", "to", "attributes", "term", "trigger",
                "fuzzy"));
        json.writeArrayFieldStart("mentions");
        for (SentenceRow sentence : data.sentences()) {
            for (MentionRow mention : data.mentionsIn(sentence.id())) {
                json.writeStartArray();
                json.writeString(mention.id());
                json.writeNumber(sentenceIndex.get(sentence.id()));
                json.writeNumber(conceptIndex.get(mention.conceptId()));
                json.writeNumber(charOffset(sentence.text(), mention.start() - sentence.start()));
                json.writeNumber(charOffset(sentence.text(), mention.end() - sentence.start()));
                json.writeStartArray();
                for (String attribute : mention.attributes()) {
                    json.writeNumber(attributeIndex.get(attribute));
                }
                json.writeEndArray();
                json.writeString(mention.term());
                json.writeString(mention.trigger());
                json.writeBoolean(mention.fuzzy());
                json.writeEndArray();
            }
        }
        json.writeEndArray();
    }

    /** The UTF-16 index of a code point offset into {@code text} (mentions were checked to lie inside their sentence). */
    static int charOffset(String text, int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }

    private static Map<String, Integer> indexes(List<String> values) {
        Map<String, Integer> indexes = new HashMap<>();
        values.forEach(value -> indexes.put(value, indexes.size()));
        return indexes;
    }

    private static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /**
     * Escapes {@code <}, {@code >}, {@code &} and the two JavaScript line separators as {@code \\uXXXX}, so the JSON
     * text can sit inside a script element whatever the thread text holds.
     */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafe() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int character) {
            return character == 0x2028 || character == 0x2029
                    ? new SerializedString(String.format("\\u%04x", character)) : null;
        }
    }
}
