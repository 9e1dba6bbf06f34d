package org.threadcoder.sentences;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.SourceText;

/**
 * The English "Golden Rules" sentence-boundary suite (pySBD, MIT): each case is run and scored; the
 * suite passes when at least 40 of 48 cases do. The published OpenNLP model alone passes 29.
 */
class GoldenRulesTest {
    private static final int REQUIRED = 40;
    private static final List<String> passed = new ArrayList<>();
    private static final List<String> failed = new ArrayList<>();

    static Stream<Arguments> cases() throws IOException {
        JsonNode rules = new ObjectMapper().readTree(TestSupport.resource("sbd/golden-rules-en.json").toFile());
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode rule : rules) {
            List<String> expected = new ArrayList<>();
            rule.get("expected").forEach(sentence -> expected.add(sentence.asText().strip()));
            cases.add(Arguments.of(rule.get("id").asInt(), rule.get("rule").asText(), rule.get("text").asText(), expected));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void scoresCase(int id, String rule, String text, List<String> expected) {
        SentenceSplitter splitter = new SentenceSplitter(LanguageModels.english().newSentenceDetector());
        List<String> actual = splitter.split(new SourceText(text), TestSupport.wholeText(text)).stream()
                .map(Sentence::text).map(String::strip).toList();
        if (actual.equals(expected)) {
            passed.add(id + " " + rule);
        } else {
            failed.add(id + " " + rule + ": got " + actual);
        }
    }

    @AfterAll
    static void atLeast40Pass() {
        failed.forEach(failure -> System.out.println("  golden rule failed: " + failure));
        System.out.printf("golden rules: %d of %d cases pass (required %d)%n", passed.size(), passed.size() + failed.size(), REQUIRED);
        assertTrue(passed.size() + failed.size() == 48, "all 48 cases ran");
        assertTrue(passed.size() >= REQUIRED, passed.size() + " golden rules pass, need " + REQUIRED);
    }
}
