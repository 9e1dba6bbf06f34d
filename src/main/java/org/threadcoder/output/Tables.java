package org.threadcoder.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;

/**
 * What every CSV a run writes holds: per table its file, columns (the lists the writers declare),
 * keys, and per column its type and meaning. {@link DataPackage} turns this into
 * {@code datapackage.json}; a new CSV is one more entry in {@link #of(Codebook)} and its columns in
 * {@link #COLUMNS}. A column the writers declare but this table does not describe is a defect, caught
 * when the package is built.
 */
public final class Tables {

    /** Frictionless field types the tables use. */
    public enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), DATE("date");

        private final String name;

        Type(String name) {
            this.name = name;
        }

        /** The type's name in a Table Schema. */
        public String schemaName() {
            return name;
        }
    }

    /** A column: name, type, meaning. */
    public record Field(String name, Type type, String description) {
    }

    /** Values of {@code fields} must appear in {@code fields} of the table {@code resource}. */
    public record ForeignKey(String fields, String resource, String referencedFields) {
    }

    /** One CSV file: a resource name, its file, its columns in file order (names unique), its keys. */
    public record Table(String name, String path, List<Field> fields, String primaryKey, List<ForeignKey> foreignKeys) {
        public Table {
            fields = List.copyOf(fields);
            foreignKeys = List.copyOf(foreignKeys);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Field field : fields) {
                if (!names.add(field.name())) {
                    throw new IllegalArgumentException(path + " would have two columns named '" + field.name()
                            + "': a concept id may not be the name of one of its fixed columns");
                }
            }
        }
    }

    /** Every fixed column of every table, by name: a name means the same in every table that has it. */
    static final Map<String, Field> COLUMNS = byName(List.of(
            field("sentence_id", Type.STRING, "<source>#t<thread>.s<sentence>: the sentence's stable id"),
            field("mention_id", Type.STRING, "<sentence_id>.m<n>: the mention's stable id"),
            field("thread_id", Type.STRING, "<source>#t<n>: the n-th thread on the page"),
            field("source", Type.STRING, "input file name, relative to the folder given"),
            field("author", Type.STRING, "author's display name; empty when the page does not say"),
            field("handle", Type.STRING, "author's handle without @; empty when the page does not say"),
            field("thread_date", Type.DATE, "the thread's ISO date, only when the page gives the year"),
            field("date_text", Type.STRING, "the thread's date as written on the page"),
            field("date", Type.DATE, "ISO date, only when the page gives the year"),
            field("tweet_index", Type.INTEGER, "1-based tweet the sentence starts in"),
            field("tweet_end", Type.INTEGER, "1-based tweet the sentence ends in"),
            field("sentence_index", Type.INTEGER, "1-based position of the sentence in its thread"),
            field("start", Type.INTEGER, "Unicode code point offset where the text starts in offsets_file (inclusive)"),
            field("end", Type.INTEGER, "Unicode code point offset where the text ends in offsets_file (exclusive)"),
            field("text", Type.STRING, "exactly the source text between start and end"),
            field("clean_text", Type.STRING, "the text for analysis: tweet markers and noise removed, white space folded, NFKC"),
            field("concepts", Type.STRING, "concept ids of the sentence's mentions, sorted, ';'-joined"),
            field("tweet_id", Type.STRING, "the tweet's id: up to 19 digits, text, never a number (a double cannot hold it)"),
            field("tweet_url", Type.STRING, "address of the tweet the sentence starts in, when known"),
            field("thread_url", Type.STRING, "address of the thread, when known"),
            field("tweets_inferred", Type.BOOLEAN, "true when the thread's tweet boundaries were inferred"),
            field("offsets_file", Type.STRING, "the text start and end index: the input, or sources/<source>.txt"),
            field("words", Type.INTEGER, "words, counted by the rule in the README (as clean_text has them)"),
            field("concept_id", Type.STRING, "the codebook concept mentioned"),
            field("matched_text", Type.STRING, "exactly the source text between start and end"),
            field("term", Type.STRING, "the codebook term or rule that matched"),
            field("negated", Type.BOOLEAN, "the mention is asserted absent"),
            field("hypothetical", Type.BOOLEAN, "the mention is conditional or imagined"),
            field("uncertain", Type.BOOLEAN, "the mention is hedged"),
            field("reported", Type.BOOLEAN, "the mention is a claim attributed to others"),
            field("question", Type.BOOLEAN, "the mention stands in a question"),
            field("context_trigger", Type.STRING, "the words that set the context attributes"),
            field("fuzzy", Type.BOOLEAN, "a word matched with a one-letter typo"),
            field("tweet_count", Type.INTEGER, "the number of tweets the page announces"),
            field("tweets_shown", Type.INTEGER, "the tweets present in the file"),
            field("complete", Type.BOOLEAN, "true for the unrolled thread, false for a preview"),
            field("sentences", Type.INTEGER, "sentences counted: of the thread (threads.csv, concepts.csv) or the page (pages.csv)"),
            field("duplicate", Type.BOOLEAN, "the sentence stands in a tweet the unroller repeated; left out of every count"),
            field("format", Type.STRING, "the layout the page was read as: <site>-text, <site>-markdown, plain-text, threadreader-html, tweet-jsonl"),
            field("chars", Type.INTEGER, "code points of the text the offsets index"),
            field("chars_in_threads", Type.INTEGER, "code points kept as tweet text"),
            field("chars_site_text", Type.INTEGER, "code points dropped as site text by a named rule"),
            field("chars_noise", Type.INTEGER, "code points masked or dropped as noise (blank lines, markers, links, placeholders)"),
            field("threads", Type.INTEGER, "threads found on the page"),
            field("warnings", Type.STRING, "what reading the page repaired or doubted, ' | '-joined"),
            field("reason", Type.STRING, "why the input could not be read, in one line"),
            field("WC", Type.INTEGER, "the thread's words (LIWC's WC), counted by the rule in the README")));

    private Tables() {
    }

    private static Field field(String name, Type type, String description) {
        return new Field(name, type, description);
    }

    private static Map<String, Field> byName(List<Field> fields) {
        Map<String, Field> map = new java.util.LinkedHashMap<>();
        fields.forEach(field -> map.put(field.name(), field));
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The tables a run writes with this codebook, in the order {@code datapackage.json} lists them. */
    public static List<Table> of(Codebook codebook) {
        ForeignKey toThreads = new ForeignKey("thread_id", "threads", "thread_id");
        List<Field> threadFields = fixed("threads.csv", DatasetWriter.THREAD_COLUMNS);
        List<Field> shareFields = fixed("concepts.csv", ConceptShares.LEADING_COLUMNS);
        for (Concept concept : codebook.concepts()) {
            threadFields.add(new Field(concept.id(), Type.INTEGER, "sentences of the thread tagged " + concept.label()));
            shareFields.add(new Field(concept.id() + ConceptShares.WORDS_SUFFIX, Type.NUMBER,
                    "percent of the thread's words inside mentions of " + concept.label()));
            shareFields.add(new Field(concept.id() + ConceptShares.SENTENCES_SUFFIX, Type.NUMBER,
                    "percent of the thread's sentences tagged " + concept.label()));
        }
        return List.of(
                new Table("sentences", "sentences.csv", fixed("sentences.csv", DatasetWriter.SENTENCE_COLUMNS), "sentence_id",
                        List.of(toThreads)),
                new Table("mentions", "mentions.csv", fixed("mentions.csv", DatasetWriter.MENTION_COLUMNS), "mention_id",
                        List.of(new ForeignKey("sentence_id", "sentences", "sentence_id"), toThreads)),
                new Table("threads", "threads.csv", threadFields, "thread_id", List.of()),
                new Table("concepts", "concepts.csv", shareFields, "thread_id", List.of(toThreads)),
                new Table("pages", "pages.csv", fixed("pages.csv", DatasetWriter.PAGE_COLUMNS), "source", List.of()),
                new Table("failures", "failures.csv", fixed("failures.csv", DatasetWriter.FAILURE_COLUMNS), "source", List.of()));
    }

    /** The described fields of a writer's fixed columns. */
    private static List<Field> fixed(String file, List<String> columns) {
        List<Field> fields = new ArrayList<>();
        for (String column : columns) {
            Field field = COLUMNS.get(column);
            if (field == null) {
                throw new IllegalStateException(file + " column '" + column + "' has no type in Tables.COLUMNS");
            }
            fields.add(field);
        }
        return fields;
    }
}
