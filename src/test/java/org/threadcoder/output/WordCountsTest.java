package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;

/** The word rule, and the seed's counts in sentences.csv, threads.csv and concepts.csv. */
class WordCountsTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "\"{0}\" has {1} words")
    @CsvSource(delimiter = '|', value = {
        "These are the 3 necessary elements. | 6",
        "don't stop | 2",
        "I didn’t say that | 4",
        "self-exploration and a 30-year-old | 4",
        "Most clinicians miss #2 or #3. | 6",
        "@handle wrote | 2",
        "🧵 thread 1️⃣ | 2",
        "𝘱𝘳𝘦𝘤𝘰𝘯𝘥𝘪𝘵𝘪𝘰𝘯 matters | 2",
        "well -- no | 2",
        "'quoted' words- | 2",
        "snake_case | 2",
        "... !!! | 0"})
    void countsWordsByTheRule(String text, int words) {
        assertEquals(words, WordCounts.count(text));
    }

    /** The spans {@link WordCounts#words} finds in one pass are those the word regex finds, on texts of every kind of character. */
    @Test
    void wordSpansAreTheRegexsOnRandomTexts() {
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['\u2019\\-\u2010][\\p{L}\\p{M}\\p{N}]+)*");
        String[] pieces = {"a", "Z", "é", "9", "\u0301", "\u20E3", "'", "\u2019", "-", "\u2010", "\u2013", " ", "\n", "#", "_", "🧵",
            "\uD835\uDE31", "\u0663", "\u00B2", "\uFE0F", "\uD800", "\uDC00", ".", "@"};
        java.util.Random random = new java.util.Random(10);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String source = text.toString();
            int length = source.codePointCount(0, source.length());
            Sentence sentence = new Sentence("s", "t", 1, new Span(5, 5 + length), source, source, 1, 1, List.of());
            List<Span> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher found = word.matcher(source);
            while (found.find()) {
                int start = 5 + source.codePointCount(0, found.start());
                expected.add(new Span(start, start + source.codePointCount(found.start(), found.end())));
            }
            assertEquals(expected, WordCounts.words(sentence), () -> "in \"" + source + "\" " + source.chars().mapToObj(Integer::toHexString).toList());
        }
    }

    @Test
    void hiddenMarkersAreNotWordsAndSpansAreCodePoints() {
        String text = "🧵 Trust matters 2/ a lot";
        int marker = text.codePointCount(0, text.indexOf("2/"));
        Sentence sentence = new Sentence("s#t1.s1", "s#t1", 1, new Span(10, 10 + text.codePointCount(0, text.length())), text,
                "Trust matters a lot", 1, 2, List.of(new Span(10 + marker, 10 + marker + 2)));
        assertEquals(List.of(new Span(12, 17), new Span(18, 25), new Span(29, 30), new Span(31, 34)), WordCounts.words(sentence));
        assertEquals(WordCounts.count(sentence.cleanText()), WordCounts.words(sentence).size());
    }

    @Test
    void theSeedsCountsAreWrittenAndAgree() throws Exception {
        Path out = temp.resolve("out");
        assertEquals(0, CommandRun.of("run", TestSupport.seed().toString(), "--out", out.toString(), "--no-report").exitCode());
        List<CSVRecord> sentences = rows(out.resolve("sentences.csv"));
        int total = 0;
        for (CSVRecord sentence : sentences) {
            assertEquals(WordCounts.count(sentence.get("clean_text")), Integer.parseInt(sentence.get("words")), sentence.get("sentence_id"));
            total += Integer.parseInt(sentence.get("words"));
        }
        assertEquals(1037, total, "words in the seed's 65 sentences");
        List<CSVRecord> threads = rows(out.resolve("threads.csv"));
        List<CSVRecord> shares = rows(out.resolve("concepts.csv"));
        assertEquals(List.of(290, 130, 102, 134, 128, 117, 136), threads.stream().map(row -> Integer.parseInt(row.get("words"))).toList());
        for (int i = 0; i < threads.size(); i++) {
            String id = threads.get(i).get("thread_id");
            int words = sentences.stream().filter(row -> row.get("thread_id").equals(id)).mapToInt(row -> Integer.parseInt(row.get("words"))).sum();
            assertEquals(words, Integer.parseInt(threads.get(i).get("words")), id);
            assertEquals(threads.get(i).get("words"), shares.get(i).get("WC"), id);
            assertEquals(id, shares.get(i).get("thread_id"));
        }
        CSVRecord first = shares.get(0);
        // alliance-goals mentions cover 30 of 290 words, 7 of 21 sentences; "working alliance" and "therapy relationship":
        // 4 words, 2 sentences
        Map<String, String> expected = Map.of("alliance-goals_words_pct", "10.34", "alliance-goals_sentences_pct", "33.33",
                "working-alliance_words_pct", "1.38", "working-alliance_sentences_pct", "9.52", "depression_words_pct", "0.00");
        expected.forEach((column, value) -> assertEquals(value, first.get(column), column));
        System.out.println("seed word counts: " + total + " words; per thread " + threads.stream().map(row -> row.get("words")).toList());
    }

    @Test
    void rollUpCountsSubConceptsUnderTheirParent() throws Exception {
        Path out = temp.resolve("rolled");
        assertEquals(0, CommandRun.of("run", TestSupport.seed().toString(), "--out", out.toString(), "--no-report", "--roll-up").exitCode());
        CSVRecord first = rows(out.resolve("concepts.csv")).get(0);
        // working-alliance now also covers its children's mentions: bond, goals, tasks
        assertEquals("16.21", first.get("working-alliance_words_pct"));
        assertEquals("47.62", first.get("working-alliance_sentences_pct"));
    }

    private static List<CSVRecord> rows(Path file) {
        return TestSupport.csvRows(file);
    }
}
