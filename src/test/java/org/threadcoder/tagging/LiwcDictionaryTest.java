package org.threadcoder.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.InputException;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;

/** LIWC-format dictionaries as codebooks: reading, running, checking, and the errors with their lines. */
class LiwcDictionaryTest {
    private static final Path DICTIONARY = TestSupport.resource("codebook/therapy-words.dic");

    @TempDir
    Path temp;

    @Test
    void eachCategoryIsAConceptWithItsEntriesAsTerms() throws Exception {
        Codebook codebook = CodebookLoader.load(DICTIONARY);
        assertEquals("therapy-words", codebook.name());
        assertEquals(List.of("alliance", "evidence", "feeling-words", "neg-emo", "question-words"), codebook.ids());
        Concept feeling = codebook.concept("feeling-words").orElseThrow();
        assertEquals("Feeling words", feeling.label());
        assertEquals("LIWC category 3 (Feeling words)", feeling.definition());
        assertEquals(List.of("feel*", "emotion*", "sad", "hopeless*", "fear*", "angry"), feeling.terms());
        assertEquals(List.of("sad", "hopeless*", "fear*", "angry"), codebook.concept("neg-emo").orElseThrow().terms());
        assertTrue(codebook.concept("alliance").orElseThrow().terms().contains("working alliance"), "multiword entries");
    }

    @Test
    void itRunsAsACodebookAndAWordTagsEachOfItsCategories() throws Exception {
        Path out = temp.resolve("out");
        CommandRun run = CommandRun.of("run", TestSupport.seed().toString(), "--codebook", DICTIONARY.toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, run.exitCode(), run.err());
        List<CSVRecord> mentions = TestSupport.csvRows(out.resolve("mentions.csv"));
        Map<String, List<String>> byText = mentions.stream().collect(Collectors.groupingBy(row -> row.get("start") + " " + row.get("matched_text"),
                java.util.TreeMap::new, Collectors.mapping(row -> row.get("concept_id"), Collectors.toList())));
        System.out.println("therapy-words.dic on the seed: " + mentions.size() + " mentions " + byText);
        assertEquals(List.of("feeling-words", "neg-emo"), byText.get("2821 fears"), "fear* is in two categories");
        assertEquals(List.of("alliance"), byText.get("116 working alliance"));
        assertEquals(List.of("evidence"), byText.get("4360 RCTs"), "wildcard rct*");
        // 14: "emotiuonally" no longer matches emotion* now that typo tolerance is off by default
        assertEquals(14, mentions.size());
        String header = TestSupport.read(out.resolve("concepts.csv")).lines().findFirst().orElseThrow();
        assertTrue(header.contains("neg-emo_words_pct,neg-emo_sentences_pct"), header);
        CommandRun stats = CommandRun.of("codebook", "stats", "--out", out.toString(), "--codebook", DICTIONARY.toString());
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().lines().anyMatch(line -> line.matches("evidence\\s+rct\\*\\s+4\\s.*")), stats.out());
    }

    @Test
    void itPassesCodebookCheck() {
        CommandRun check = CommandRun.of("codebook", "check", DICTIONARY.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("0 errors, 0 warnings"), check.out());
        CommandRun corpus = CommandRun.of("codebook", "check", DICTIONARY.toString(), "--corpus", TestSupport.seed().toString());
        assertEquals(0, corpus.exitCode(), corpus.err());
        assertTrue(corpus.out().contains(DICTIONARY + ":22: warning: entry 'angry' of 'feeling-words' matches nothing in the corpus"), corpus.out());
    }

    @Test
    void checkFindsWhatDeservesALook() throws Exception {
        Path file = temp.resolve("doubtful.dic");
        Files.writeString(file, "%\n1\tcare\n2\tunused\n%\ncare*\t1\nca*\t1\n:)\t1\ncare*\t1\n");
        CommandRun check = CommandRun.of("codebook", "check", file.toString());
        System.out.print(check.out() + check.err());
        assertEquals(1, check.exitCode());
        assertTrue(check.out().contains(file + ":3: warning: category 2 ('unused') has no entries"), check.out());
        assertTrue(check.out().contains(file + ":6: warning: entry 'ca*' has a wildcard on fewer than 3 letters"), check.out());
        assertTrue(check.err().contains(file + ":7: error: entry ':)' can never match"), check.err());
        assertTrue(check.out().contains(file + ":8: warning: entry 'care*' is listed again (first on line 5)"), check.out());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "1\\tcare\\n%\\ncare\\t1 | line 1: a LIWC dictionary starts with a '%' line before its categories",
        "%\\n1\\tcare\\n%\\ncare\\t7 | line 4: 'care' has category '7', which the category block does not declare",
        "%\\n1\\tcare\\n1\\tworry\\n% | line 3: category 1 already declared on line 2",
        "%\\n1\\tneg_emo\\n2\\tneg emo\\n% | line 3: category 'neg emo' gives the concept id 'neg-emo', as the category on line 2 does",
        "%\\n1\\tfunct\\n2\\tverb\\n%\\nlike\\t1 (1 2)2/3 | line 5: 'like' has LIWC2007 conditional categories ('1 (1 2)2/3'), which are not supported; list the word with plain category numbers",
        "%\\n1\\tcare\\n%\\ncare | line 4: 'care' has no category numbers",
        "%\\ncare words\\n% | line 2: a category line is number<TAB>name, got 'care words'",
        "%\\n% | no categories: they stand between two '%' lines (number<TAB>name)"})
    void badDictionariesAreRejectedNamingTheLine(String content, String reason) throws Exception {
        Path file = temp.resolve("bad.dic");
        Files.writeString(file, content.replace("\\t", "\t").replace("\\n", "\n"));
        InputException error = assertThrows(InputException.class, () -> CodebookLoader.load(file));
        assertEquals(file + ": " + reason, error.getMessage());
        CommandRun check = CommandRun.of("codebook", "check", file.toString());
        assertEquals(1, check.exitCode());
    }

    @Test
    void aCategoryNamedLikeAFixedColumnIsRefused() throws Exception {
        Path file = temp.resolve("words.dic");
        Files.writeString(file, "%\n1\twords\n%\nword*\t1\n");
        CommandRun run = CommandRun.of("run", TestSupport.seed().toString(), "--codebook", file.toString(), "--out", temp.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertEquals(file + ": threads.csv would have two columns named 'words': a concept id may not be the name of one of its fixed columns",
                run.err().strip());
    }

    @Test
    void spacesSeparateFieldsWhenThereAreNoTabs() throws Exception {
        LiwcDictionary dictionary = LiwcDictionary.read("spaces.dic", "%\n1 care\n2 worry\n%\ntake care of  1 2\nfret 2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("take care of"), dictionary.codebook().concept("care").orElseThrow().terms());
        assertEquals(List.of("take care of", "fret"), dictionary.codebook().concept("worry").orElseThrow().terms());
        assertEquals(5, dictionary.entries().get(0).line());
    }
}
