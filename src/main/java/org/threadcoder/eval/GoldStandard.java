package org.threadcoder.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadcoder.InputException;
import org.threadcoder.model.Span;

/**
 * Human coding to measure the pipeline against, read from one of two formats recognised by content:
 *
 * <ul>
 *   <li><b>JSON</b> (one object, like {@code seed.gold.json}): {@code source}, and {@code threads} with
 *       {@code author, handle, date, dateText, tweetCount, complete} and {@code sentences}
 *       {@code {start, end, text, concepts, negated}}. Optional per-sentence lists {@code hypothetical},
 *       {@code uncertain}, {@code reported}, {@code question} are evaluated when any sentence has them.</li>
 *   <li><b>CSV</b> (a coder's spreadsheet): header {@code source,start,end,concept,negated}, optional columns
 *       {@code hypothetical,uncertain,reported,question} (true/false; an empty cell reads false), {@code text}
 *       and {@code note}; one row per (unit span, concept). A unit is any span the coder coded: a sentence, a
 *       line, a clause. A row with an empty concept lists a unit the coder saw and gave no concept ("coded, no
 *       concept"): it is scored, so every concept the pipeline finds in it is a false positive; such a row may
 *       not also set an attribute, and a unit may not have both an empty-concept row and concept rows. A unit
 *       with no row was not seen by the coder and is not scored: a pipeline sentence or mention that lies in no
 *       listed unit is neither right nor wrong. A {@code ;}-separated file (as some spreadsheets save) is read
 *       too.</li>
 * </ul>
 *
 * Spans are {@code [start, end)} Unicode code point offsets into the source as read. Every error names
 * the file and the line.
 *
 * @param file       the gold file's name as the messages show it
 * @param format     the format it was read as
 * @param attributes the context attributes the gold codes, in {@link #ATTRIBUTES} order
 * @param rows       CSV data rows, or the (sentence, concept) pairs of a JSON gold
 * @param sources    the sources named, in order of first mention, each with the line first naming it
 * @param sentences  the gold sentences (for CSV the distinct spans), in file order
 * @param threads    the threads of a JSON gold (empty for CSV)
 */
public record GoldStandard(String file, Format format, List<String> attributes, int rows, Map<String, Integer> sources,
                           List<GoldSentence> sentences, List<GoldThread> threads) {

    /** The context attributes a gold may code, in output order. */
    public static final List<String> ATTRIBUTES = List.of("negated", "hypothetical", "uncertain", "reported", "question");
    /** The gold formats: the two files above, and a REFI-QDA project (read by {@code qdpx.QdpxGold}). */
    public enum Format { JSON, CSV, QDPX }

    /**
     * A gold sentence.
     *
     * @param source     the source it is in
     * @param span       its code point span
     * @param text       its text as the gold gives it, or null when not given
     * @param concepts   the concepts the coder assigned, in file order
     * @param attributes per attribute, the concepts of this sentence coded with it
     * @param line       the 1-based line of the gold file where the sentence (its first row) starts; 0 when the
     *                   gold has no lines (a QDPX project)
     */
    public record GoldSentence(String source, Span span, String text, List<String> concepts, Map<String, Set<String>> attributes,
                               int line) {
        public GoldSentence {
            concepts = List.copyOf(concepts);
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            attributes.forEach((name, ids) -> copy.put(name, Set.copyOf(ids)));
            attributes = Collections.unmodifiableMap(copy);
        }

        /** Whether the coder gave {@code concept} the attribute in this sentence. */
        public boolean has(String attribute, String concept) {
            return attributes.getOrDefault(attribute, Set.of()).contains(concept);
        }
    }

    /** A thread of a JSON gold with the metadata the coder recorded ({@code null} where absent). */
    public record GoldThread(String source, String author, String handle, String date, String dateText, Integer tweetCount,
                             Boolean complete, int line) {
    }

    public GoldStandard {
        attributes = List.copyOf(attributes);
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        sentences = List.copyOf(sentences);
        threads = List.copyOf(threads);
    }

    /**
     * Reads a gold file, recognising its format from the content (a JSON object, or a CSV header).
     *
     * @param path          the file
     * @param knownConcepts the concept ids the gold may use (the codebook's); empty to accept any
     * @throws InputException when the file is missing, not UTF-8, in neither format, or has a bad row
     */
    public static GoldStandard read(Path path, Collection<String> knownConcepts) throws InputException {
        String file = path.toString();
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException missing) {
            throw new InputException(file, "no such gold file");
        } catch (CharacterCodingException notUtf8) {
            throw new InputException(file, "not UTF-8 text");
        } catch (IOException unreadable) {
            throw new InputException(file, "cannot read: " + unreadable.getMessage(), unreadable);
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        GoldReading reading = new GoldReading(file, Set.copyOf(knownConcepts));
        return text.stripLeading().startsWith("{") ? reading.json(text) : reading.csv(text);
    }
}
