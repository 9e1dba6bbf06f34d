package org.threadcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;

/**
 * Mutants of our fixtures, made by a seeded random generator (the same every run): characters
 * dropped, added or changed (control characters, byte order marks, brackets, line ends), lines
 * doubled, dropped, moved or swapped, line ends converted, files cut short. Every mutant is either
 * rejected with a reason or read; no mutant crashes, every offset gives back its text, and no
 * sentence holds site text.
 */
class FuzzTest {
    private static final long SEED = 20_240_603L;
    private static final int MUTANTS_PER_FIXTURE = 4;
    private static final String[] INSERTS = {"x", "[", "]", "(", "\r", "\n", "\r\n", "\u0000", "\u001B", "\uFEFF", "🧵", "𝘢", "=", "#",
        "•", "/", "1/", " ", "\t", "é", "…"};


    @TempDir
    Path temp;

    @Test
    void mutantsOfTheFixturesNeverCrashAndKeepOffsetsAndSiteTextRight() throws IOException {
        List<Path> fixtures = OffsetRoundTripTest.pages().toList();
        // -Dfuzz.seed=… -Dfuzz.perFixture=… explore further; CI runs the fixed seed. Each fixture draws its mutants from a
        // generator of its own, so adding a fixture adds its mutants and leaves every other fixture's as they were
        long seed = Long.getLong("fuzz.seed", SEED);
        int perFixture = Integer.getInteger("fuzz.perFixture", MUTANTS_PER_FIXTURE);
        int rejected = 0;
        int sentences = 0;
        int n = 0;
        List<String> siteTextKept = new ArrayList<>();
        for (int m = 0; m < fixtures.size() * perFixture; m++, n++) {
            Path fixture = fixtures.get(m / perFixture);
            Random random = new Random(seed * 31 + fixture.getFileName().toString().hashCode() * 131L + m % perFixture);
            String original = Files.readString(fixture);
            List<String> applied = new ArrayList<>();
            String mutant = original;
            for (int k = 0, edits = 1 + random.nextInt(3); k < edits; k++) {
                mutant = mutate(mutant, random, applied);
            }
            boolean wide = random.nextInt(20) == 0;
            byte[] bytes = wide ? ("\uFEFF" + mutant).getBytes(StandardCharsets.UTF_16LE) : mutant.getBytes(StandardCharsets.UTF_8);
            applied.add(wide ? "as UTF-16LE" : "as UTF-8");
            String name = "mutant-" + n + "-" + fixture.getFileName();
            Path file = Files.write(temp.resolve(name), bytes);
            String where = name + " " + applied;
            Page page;
            try {
                page = TestSupport.pipeline().parse(new Pipeline.Input(file, name));
            } catch (InputException bad) {
                assertTrue(!bad.reason().isBlank() && !bad.reason().contains("\n"), "a one-line reason: " + where);
                rejected++;
                continue;
            } catch (RuntimeException | StackOverflowError crash) {
                fail("crash while parsing " + where + ": " + crash);
                return;
            }
            List<TaggedThread> tagged;
            try {
                tagged = TestSupport.pipeline().process(page);
            } catch (RuntimeException | StackOverflowError crash) {
                fail("crash while splitting or tagging " + where + ": " + crash);
                return;
            }
            // as Python reads the file with encoding="utf-8" (a UTF-8 mark kept as code point 0), or the extracted text
            int[] codePoints = (page.extracted() ? page.text().text() : new String(bytes, StandardCharsets.UTF_8)).codePoints().toArray();
            for (TaggedThread thread : tagged) {
                for (Sentence sentence : thread.sentences()) {
                    assertEquals(sentence.text(), slice(codePoints, sentence.span().start(), sentence.span().end()), where + " " + sentence.id());
                    // what the sentence says, not what it masks (a link to threadreaderapp.com inside its span is noise)
                    String lower = sentence.cleanText().toLowerCase(Locale.ROOT);
                    for (String site : OffsetRoundTripTest.SITE_TEXT) {
                        if (lower.contains(site.toLowerCase(Locale.ROOT))) {
                            siteTextKept.add(where + " " + sentence.id() + " holds '" + site + "'");
                            if (System.getenv("FUZZ_DUMP") != null) {
                                Files.copy(file, Path.of(System.getenv("FUZZ_DUMP")).resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                    sentences++;
                }
                for (Mention mention : thread.mentions()) {
                    assertEquals(mention.matchedText(), slice(codePoints, mention.span().start(), mention.span().end()), where + " " + mention.id());
                }
            }
        }
        System.out.println("fuzz: " + n + " mutants (seed " + seed + ", " + perFixture + " a fixture), " + rejected + " rejected with a reason, " + sentences
                + " sentences, " + siteTextKept.size() + " holding site text");
        siteTextKept.forEach(line -> System.out.println("  site text kept: " + line));
        assertEquals(List.of(), siteTextKept);
    }

    private static String mutate(String text, Random random, List<String> applied) {
        if (text.isEmpty()) {
            applied.add("insert into empty");
            return INSERTS[random.nextInt(INSERTS.length)];
        }
        int at = random.nextInt(text.length());
        at = Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(9)) {
            case 0 -> {
                applied.add("drop char " + at);
                return text.substring(0, at) + text.substring(at + Character.charCount(text.codePointAt(at)));
            }
            case 1, 2 -> {
                String insert = INSERTS[random.nextInt(INSERTS.length)];
                applied.add("insert " + escape(insert) + " at " + at);
                return text.substring(0, at) + insert + text.substring(at);
            }
            case 3 -> {
                applied.add("double line " + (line + 1));
                lines.add(line, lines.get(line));
            }
            case 4 -> {
                applied.add("drop line " + (line + 1));
                lines.remove(line);
            }
            case 5 -> {
                int to = random.nextInt(lines.size());
                applied.add("move line " + (line + 1) + " to " + (to + 1));
                lines.add(to, lines.remove(line));
            }
            case 6 -> {
                String end = random.nextBoolean() ? "\r\n" : "\r";
                applied.add("line ends " + escape(end));
                return text.replace("\n", end);
            }
            case 7 -> {
                applied.add("cut at " + at);
                return text.substring(0, at);
            }
            default -> {
                String insert = INSERTS[random.nextInt(INSERTS.length)];
                applied.add("change char " + at + " to " + escape(insert));
                return text.substring(0, at) + insert + text.substring(at + Character.charCount(text.codePointAt(at)));
            }
        }
        return String.join("\n", lines);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c == 0xFEFF ? String.format("\\u%04X", c) : Character.toString(c)));
        return out.toString();
    }

    private static String slice(int[] codePoints, int start, int end) {
        return new String(codePoints, start, end - start);
    }
}
