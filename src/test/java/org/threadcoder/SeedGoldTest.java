package org.threadcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;

/**
 * The seed page against the hand-made gold annotation ({@code seed/seed.gold.json}): threads,
 * sentences and concepts, with the figures printed.
 */
class SeedGoldTest {
    private static final Pattern MARKERS = Pattern.compile("(?m)(^|(?<=\\s))(\\d{1,2}/|/\\d{1,2}|\\d\\x{FE0F}\\x{20E3})(?=\\s)");
    private static JsonNode gold;
    private static Page page;
    private static List<TaggedThread> tagged;

    @BeforeAll
    static void run() throws IOException, InputException {
        gold = new ObjectMapper().readTree(TestSupport.resource("seed/seed.gold.json").toFile());
        page = TestSupport.pipeline().parse(new Pipeline.Input(TestSupport.seed(), TestSupport.SEED));
        tagged = TestSupport.pipeline().process(page);
    }

    /** Gold comparison rule: trim markers (1/, /3, keycaps) and fold white space. */
    static String comparable(String text) {
        return MARKERS.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    @Test
    void findsTheSevenGoldThreadsWithTheirMetadata() {
        JsonNode goldThreads = gold.get("threads");
        assertEquals(goldThreads.size(), page.threads().size(), "threads");
        for (int i = 0; i < goldThreads.size(); i++) {
            JsonNode expected = goldThreads.get(i);
            TweetThread actual = page.threads().get(i);
            String where = "thread " + (i + 1);
            assertEquals(expected.get("author").asText(), actual.author(), where + " author");
            assertEquals(expected.get("handle").asText(), actual.handle(), where + " handle");
            assertEquals(expected.get("dateText").asText(), actual.dateText(), where + " date text");
            assertEquals(expected.get("date").isNull() ? null : expected.get("date").asText(),
                    actual.date() == null ? null : actual.date().toString(), where + " date");
            assertEquals(expected.get("tweetCount").asInt(), actual.tweetCount(), where + " tweet count");
            assertEquals(expected.get("complete").asBoolean(), actual.complete(), where + " complete");
        }
        System.out.printf("seed threads: %d of %d with gold author, handle, date, tweet count, complete%n",
                page.threads().size(), goldThreads.size());
    }

    @Test
    void reproducesAtLeast60Of65GoldSentences() {
        Set<String> ours = new HashSet<>();
        tagged.forEach(thread -> thread.sentences().forEach(sentence -> ours.add(comparable(sentence.text()))));
        int total = 0;
        int found = 0;
        for (JsonNode thread : gold.get("threads")) {
            for (JsonNode sentence : thread.get("sentences")) {
                total++;
                if (ours.contains(comparable(sentence.get("text").asText()))) {
                    found++;
                } else {
                    System.out.println("  gold sentence not reproduced: " + sentence.get("text").asText());
                }
            }
        }
        System.out.printf("seed sentences: %d of %d gold sentences reproduced exactly (%d produced)%n", found, total, ours.size());
        assertEquals(65, total);
        assertTrue(found >= 60, "at least 60 of 65 gold sentences, got " + found);
    }

    @Test
    void tagsConceptsWithMicroPrecisionAndF1AtLeast085() {
        List<Mention> mentions = new ArrayList<>();
        tagged.forEach(thread -> mentions.addAll(thread.mentions()));
        Map<String, int[]> perConcept = new TreeMap<>();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (JsonNode thread : gold.get("threads")) {
            for (JsonNode sentence : thread.get("sentences")) {
                int start = sentence.get("start").asInt();
                int end = sentence.get("end").asInt();
                Set<String> expected = new HashSet<>();
                sentence.get("concepts").forEach(concept -> expected.add(concept.asText()));
                Set<String> found = new HashSet<>();
                for (Mention mention : mentions) {
                    if (mention.span().start() >= start && mention.span().end() <= end) {
                        found.add(mention.conceptId());
                    }
                }
                for (String concept : union(expected, found)) {
                    int[] counts = perConcept.computeIfAbsent(concept, unused -> new int[3]);
                    if (expected.contains(concept) && found.contains(concept)) {
                        counts[0]++;
                        truePositives++;
                    } else if (found.contains(concept)) {
                        counts[1]++;
                        falsePositives++;
                    } else {
                        counts[2]++;
                        falseNegatives++;
                    }
                }
            }
        }
        System.out.println("seed concept tagging, per gold sentence:");
        System.out.printf("  %-24s %4s %4s %4s %9s %7s %5s%n", "concept", "tp", "fp", "fn", "precision", "recall", "f1");
        perConcept.forEach((concept, counts) -> System.out.printf(Locale.ROOT, "  %-24s %4d %4d %4d %9.3f %7.3f %5.3f%n",
                concept, counts[0], counts[1], counts[2], ratio(counts[0], counts[0] + counts[1]),
                ratio(counts[0], counts[0] + counts[2]), f1(counts[0], counts[1], counts[2])));
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        double f1 = f1(truePositives, falsePositives, falseNegatives);
        System.out.printf(Locale.ROOT, "  micro: precision %.3f recall %.3f f1 %.3f (tp %d, fp %d, fn %d)%n",
                precision, recall, f1, truePositives, falsePositives, falseNegatives);
        assertTrue(precision >= 0.85, "micro precision " + precision);
        assertTrue(f1 >= 0.85, "micro f1 " + f1);
    }

    @Test
    void aSentenceRunsOnAcrossATweetBoundary() {
        Sentence acrossTweets = tagged.get(0).sentences().stream()
                .filter(sentence -> sentence.text().contains("communicate this understanding to\nPatient")).findFirst().orElseThrow();
        assertTrue(acrossTweets.firstTweet() < acrossTweets.lastTweet(), "tweets " + acrossTweets.firstTweet() + ".." + acrossTweets.lastTweet());
        assertTrue(page.threads().get(0).tweetsInferred(), "the main thread has no markers: boundaries are inferred");
        assertEquals(7, page.threads().get(0).tweets().size(), "inferred tweets follow the announced count");
    }

    @Test
    void tweetMarkersAreNeverCleanTextAndStayInsideTheSpan() {
        int opening = 0;
        for (TaggedThread thread : tagged) {
            for (Sentence sentence : thread.sentences()) {
                // a sentence that opens its line keeps the line's marker in its span (as the gold's spans do), never in its clean text
                opening += sentence.text().matches("(?s)^(\\d{1,2}/|/\\d{1,2})\\s.*") ? 1 : 0;
                assertTrue(sentence.hidden().stream().anyMatch(part -> part.start() == sentence.span().start())
                        || !sentence.text().matches("(?s)^(\\d{1,2}/|/\\d{1,2})\\s.*"), "a leading marker is hidden: " + sentence.text());
                assertTrue(!sentence.cleanText().matches("(?s).*(^|\\s)(\\d{1,2}/|/\\d{1,2})\\s.*"), "marker in clean text: " + sentence.cleanText());
            }
        }
        assertTrue(opening >= 10, "the previews' tweets open with markers: " + opening);
        Sentence withMarker = tagged.get(4).sentences().stream().filter(sentence -> sentence.text().contains("\n2/ which")).findFirst().orElseThrow();
        assertTrue(withMarker.cleanText().contains("sessions, which is pretty much"), withMarker.cleanText());
        Sentence mathItalic = tagged.get(1).sentences().get(1);
        assertTrue(mathItalic.cleanText().endsWith("precondition for honest self-exploration"), mathItalic.cleanText());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1.0 : numerator / (double) denominator;
    }

    private static double f1(int truePositives, int falsePositives, int falseNegatives) {
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
