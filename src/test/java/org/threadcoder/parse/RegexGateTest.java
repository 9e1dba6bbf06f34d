package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate before a site rule's regex only ever skips a line the regex could not match, and skips most tweet text. */
class RegexGateTest {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static RegexGate gate(String regex) {
        return RegexGate.of(Pattern.compile(regex, FLAGS));
    }

    private static boolean admits(RegexGate gate, String line) {
        return gate.admits(line, RegexGate.fold(line));
    }

    @ParameterizedTest(name = "{0}: longest {1}, words {2}")
    @CsvSource(delimiterString = " => ", value = {
        "abc => 3 => [[abc]]",
        "ab?c => 3 => [[a], [c]]",
        "a{2,3}x => 4 => [[a], [x]]",
        "(?:Profile picture){2,}.{0,20} => -1 => [[profile picture]]",
        "(?<n>\\d{1,3}) tweets? => 13 => [[ tweet]]",
        "Read on (?:X|Twitter) => 15 => [[read on ], [x, twitter]]",
        "(?:a|b.c)x => 5 => [[a, b], [x]]",
        "(?:a|\\s)x => 3 => [[x]]",
        "[^@]{1,80}[^@.!?:;,] => 162 => []",
        "\\[(?:end|thread)\\] => 8 => [[[], [end, thread], []]]",
        "a(?=b)b(?!c) => 2 => [[a], [b]]",
        "(?<!x)\\d+ => -1 => []",
    })
    void readsLengthsAndRequiredWords(String regex, int longest, String words) {
        RegexGate gate = gate(regex);
        assertEquals(longest < 0 ? RegexGate.UNBOUNDED : longest, gate.longest(), regex);
        assertEquals(words, gate.required().toString(), regex);
    }

    @ParameterizedTest(name = "{0} may start as {1}: {2}")
    @CsvSource(delimiterString = " => ", value = {
        "[\\d][\\d,.]*[KkM]? => 12K => true",
        "[\\d][\\d,.]*[KkM]? => Likes => false",
        "\\d{1,2}[smhd]|Yesterday => yesterday => true",
        "\\d{1,2}[smhd]|Yesterday => today => false",
        "(?:\\s*)Profile => ' Profile' => true",
        "(?:\\s*)Profile => PROFILE => true",
        "(?:\\s*)Profile => My Profile => false",
        "[a-c]x => Bx => true",
        "[a-c]x => dx => false",
        "[!-/]x => '\"x' => true",
        "[!-/]x => 0x => false",
        "(?:a|b)?c => c => true",
        "(?:a|b)?c => d => false",
        "\\bend\\b => End => true",
        "[^@]x => Zx => true",
        "[\\w-]+ => _x => true",
        "[\\w-]+ => -x => true",
        "[\\w-]+ => .x => false",
        "[\\.-z]+ => Ax => true",
        "(?=x)\\d => 1 => true",
        "(?<=\\s)\\d => a => false",
        "\u00e9t\u00e9 => \u00c9t\u00e9 => true",
        "\u00e9t\u00e9 => 1t\u00e9 => false",
    })
    void readsTheCharsAMatchCanStartWith(String regex, String line, boolean mayStart) {
        Pattern pattern = Pattern.compile(regex, FLAGS);
        assertEquals(mayStart, gate(regex).mayStart(line), regex + " on " + line);
        if (pattern.matcher(line).lookingAt()) {
            assertTrue(gate(regex).mayStart(line), "a line the regex starts to match is never ruled out: " + line);
        }
    }

    @ParameterizedTest(name = "{0} is not read: every line goes through")
    @CsvSource(delimiterString = " => ", value = {"a(?>b)b", "(a)\\1", "\\Qa\\E", "[a[b]]", "a(?i)b", "x\\Ry"})
    void constructsItDoesNotReadLetEverythingThrough(String regex) {
        assertSame(RegexGate.OPEN, gate(regex));
        assertTrue(admits(gate(regex), "anything at all, of any length, " + "x".repeat(500)));
    }

    @Test
    void foldsAsUnicodeCaseInsensitiveMatchingDoes() {
        // the Kelvin sign and the long s match k and s case-insensitively
        Pattern pattern = Pattern.compile("kiss", FLAGS);
        for (String line : List.of("KISS", "\u212Aiſs", "kIsS")) {
            assertTrue(pattern.matcher(line).matches(), line);
            assertTrue(admits(RegexGate.of(pattern), line), line);
        }
        assertFalse(admits(RegexGate.of(pattern), "kis"));
        assertFalse(admits(RegexGate.of(pattern), "kiss and more"), "longer than any match");
    }

    @Test
    void theBuiltInGatesPassEveryLineTheirRegexMatchesAndSkipMostTweetText() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt") || path.toString().endsWith(".md")).toList()) {
                for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R")) {
                    lines.add(line);
                    lines.add(PhraseKeys.normalized(line));
                }
            }
        }
        lines.addAll(List.of("PROFİLE PICTURE", "Dana Profile Pıcture", "• • •", "🧵 Thread 🪡", "\u212Aeep Current with Dana", "ſubscribers",
                "12 TWEETS • 3 MIN READ", "Read on 𝕏", "mORE FROM @dana", "Ｍore from @x"));
        int matched = 0;
        long skipped = 0;
        long tried = 0;
        List<Pattern> patterns = SiteRules.builtIn().rules().stream().map(SiteRule::pattern).filter(java.util.Objects::nonNull).toList();
        RegexGates together = new RegexGates(patterns);
        for (String line : lines) {
            long[] admittedTogether = together.admitted(line);
            for (int p = 0; p < patterns.size(); p++) {
                boolean matches = patterns.get(p).matcher(line).matches();
                boolean admitted = admits(RegexGate.of(patterns.get(p)), line);
                assertEquals(admitted, RegexGates.admits(admittedTogether, p), "the gates checked together say what each says: " + line);
                assertTrue(admitted || !matches, patterns.get(p) + " matches a line its gate skips: " + line);
                matched += matches ? 1 : 0;
                skipped += admitted ? 0 : 1;
                tried++;
            }
        }
        System.out.printf("site-rule gates: %d of %d (rule, line) pairs skipped without the regex; %d matches, all admitted%n",
                skipped, tried, matched);
        assertTrue(matched > 100, "the fixtures hold site lines of many rules: " + matched);
        assertTrue(skipped > tried * 9 / 10, "most pairs are ruled out cheaply: " + skipped + " of " + tried);
    }
}
