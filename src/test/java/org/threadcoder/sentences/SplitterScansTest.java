package org.threadcoder.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The splitter's hand-written scans find what the regular expressions they stand for find, on random texts of every kind. */
class SplitterScansTest {
    private static final String[] PIECES = {"a", "b", "Z", "Dr", "é", "É", "ǅ", "9", "\u0301", ".", "...", "…", ". . .", "!", "?", "\"", "”", "'",
        "’", ")", "]", "(", "[", "“", "‘", "&", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u00A0", "\u2003", "-",
        "\uD835\uDE22", "\uD835\uDE08", "🧵", "\uD800", "x", "word", "Word", "ⓐ", "ﬁ", "²"};

    private static String randomText(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(pieces); k >= 0; k--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    @Test
    void endsSentenceAndLastWordAreTheRegexs() {
        Pattern endsSentence = Pattern.compile("[.!?…][\"”'’)\\]]*$");
        Pattern lastWord = Pattern.compile("([\\p{L}&']+)[^\\p{L}&']*$");
        Random random = new Random(1);
        for (int round = 0; round < 50_000; round++) {
            String text = randomText(random, 10);
            assertEquals(endsSentence.matcher(text).find(), SentenceSplitter.endsSentence(text), () -> describe(text));
            Matcher word = lastWord.matcher(text);
            assertEquals(word.find() ? word.group(1) : null, SentenceSplitter.lastWord(text), () -> describe(text));
        }
    }

    @Test
    void cleanIsNfkcWithRunsOfSpaceFolded() {
        Pattern spaceRun = Pattern.compile("\\s+");
        Random random = new Random(2);
        for (int round = 0; round < 50_000; round++) {
            String text = randomText(random, 10);
            String expected = spaceRun.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(" ").strip();
            assertEquals(expected, SentenceText.clean(text), () -> describe(text));
        }
    }

    @Test
    void periodsAfterWordsAreThoseTheRegexFinds() {
        Random random = new Random(3);
        for (int round = 0; round < 50_000; round++) {
            String text = randomText(random, 16);
            List<Integer> expected = new ArrayList<>();
            Matcher matcher = BoundaryRules.PERIOD_AFTER_WORD.matcher(text);
            while (matcher.find()) {
                expected.add(matcher.end());
            }
            assertEquals(expected, BoundaryRules.periodsAfterWords(text), () -> describe(text));
        }
    }

    @Test
    void theChecksBeforeTheBoundaryRegexesNeverSkipAMatch() {
        Random random = new Random(4);
        int initials = 0;
        for (int round = 0; round < 100_000; round++) {
            String text = randomText(random, 8) + (random.nextBoolean() ? " Lee K." + randomText(random, 2) : "");
            if (BoundaryRules.INITIAL.matcher(text).find()) {
                initials++;
                assertEquals(true, BoundaryRules.mayEndWithInitial(text), () -> describe(text));
            }
            if (BoundaryRules.THREE_DOTS.matcher(text).find()) {
                assertEquals(true, BoundaryRules.mayEndWithDots(text), () -> describe(text));
            }
            if (BoundaryRules.LIST_MARKER_ONLY.matcher(text).matches()) {
                assertEquals(true, BoundaryRules.atMostNonSpace(text, 0, text.length(), BoundaryRules.LONGEST_LIST_MARKER), () -> describe(text));
            }
        }
        assertEquals(true, initials > 1000, "initials met: " + initials);
    }

    private static String describe(String text) {
        return "\"" + text + "\" " + text.chars().mapToObj(Integer::toHexString).toList();
    }
}
