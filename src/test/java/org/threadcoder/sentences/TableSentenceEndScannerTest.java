package org.threadcoder.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import opennlp.tools.sentdetect.DefaultEndOfSentenceScanner;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table scanner finds the sentence ends OpenNLP's default scanner finds, so the detector built on it splits the same. */
class TableSentenceEndScannerTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "No end here", "One. Two? Three! Four…", "Dr. Lee said \"stop.\" Then 3.5 more.\n\n1/ Yes!!", "。！？.!?"})
    void findsTheDefaultScannersPositions(String text) {
        char[] endings = {'.', '!', '?', '…', '。'};
        DefaultEndOfSentenceScanner stock = new DefaultEndOfSentenceScanner(endings);
        TableSentenceEndScanner table = new TableSentenceEndScanner(stock.getEOSCharacters());
        assertEquals(stock.getPositions(text), table.getPositions(text), text);
        assertEquals(stock.getPositions(text.toCharArray()), table.getPositions(text.toCharArray()), text);
        assertEquals(stock.getPositions(new StringBuffer(text)), table.getPositions(new StringBuffer(text)), text);
        assertEquals(stock.getEOSCharacters(), table.getEOSCharacters());
    }

    @Test
    void needsAnEnding() {
        assertThrows(IllegalArgumentException.class, () -> new TableSentenceEndScanner(Set.of()));
    }

    @Test
    void theEnglishDetectorSplitsEveryFixtureAsOpenNlpsOwnDoes() throws IOException {
        LanguageModels models = LanguageModels.english();
        SentenceDetectorME stock = models.newStockSentenceDetector();
        SentenceDetectorME table = models.newSentenceDetector();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
            files = walk.filter(path -> path.toString().endsWith(".txt") || path.toString().endsWith(".md")).sorted().toList();
        }
        int sentences = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Span[] expected = stock.sentPosDetect(text);
            Span[] actual = table.sentPosDetect(text);
            assertEquals(Arrays.toString(expected), Arrays.toString(actual), file.toString());
            assertTrue(Arrays.equals(stock.getSentenceProbabilities(), table.getSentenceProbabilities()), file.toString());
            sentences += expected.length;
        }
        System.out.printf("table scanner: %d fixture files, %d sentences, all as OpenNLP's own detector splits them%n", files.size(), sentences);
        assertTrue(sentences > 1000, "the fixtures hold many sentences: " + sentences);
    }
}
