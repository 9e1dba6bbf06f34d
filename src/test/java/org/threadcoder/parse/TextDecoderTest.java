package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threadcoder.InputException;
import org.threadcoder.Pipeline;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Page;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.TaggedThread;
import org.threadcoder.model.TweetThread;

/** Byte order marks, other encodings, line ends and control characters, each handled one documented way. */
class TextDecoderTest {
    @TempDir
    Path temp;

    private final String seed = TestSupport.read(TestSupport.seed());

    private Page read(String name, byte[] bytes) throws IOException, InputException {
        Path file = Files.write(temp.resolve(name), bytes);
        return TestSupport.pipeline().parse(new Pipeline.Input(file, name));
    }

    private static List<Sentence> sentences(Page page) {
        List<Sentence> sentences = new ArrayList<>();
        for (TaggedThread thread : TestSupport.pipeline().process(page)) {
            sentences.addAll(thread.sentences());
        }
        return sentences;
    }

    /** {@code text[start:end]} in code points, as Python slices. */
    private static String slice(String text, Sentence sentence) {
        int from = text.offsetByCodePoints(0, sentence.span().start());
        return text.substring(from, text.offsetByCodePoints(from, sentence.span().length()));
    }

    @Test
    void aUtf8ByteOrderMarkStaysOutOfEveryFieldAndOffsetsStillIndexTheFileAsPythonReadsIt() throws Exception {
        byte[] bytes = ("\uFEFF" + seed).getBytes(StandardCharsets.UTF_8);
        Page page = read("bom.txt", bytes);
        assertFalse(page.extracted(), "offsets index the file itself");
        for (TweetThread thread : page.threads()) {
            assertFalse(String.valueOf(thread.author()).contains("\uFEFF"), thread.author());
        }
        // Python's encoding="utf-8" keeps the mark as code point 0, as Java's decoder does
        String asPythonReadsIt = new String(bytes, StandardCharsets.UTF_8);
        List<Sentence> sentences = sentences(page);
        assertEquals(sentences(read("plain.txt", seed.getBytes(StandardCharsets.UTF_8))).size(), sentences.size());
        for (Sentence sentence : sentences) {
            assertEquals(sentence.text(), slice(asPythonReadsIt, sentence), sentence.id());
            assertFalse(sentence.text().contains("\uFEFF") || sentence.cleanText().contains("\uFEFF"), sentence.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void utf16And32WithAByteOrderMarkAreReadAndAddressedThroughTheExtractedText(String encoding) throws Exception {
        byte[] bytes = ("\uFEFF" + seed).getBytes(Charset.forName(encoding));
        Page page = read("wide.txt", bytes);
        assertTrue(page.extracted(), "offsets refer to the text written to sources/");
        assertTrue(page.warnings().contains("read as " + encoding + " (the file starts with its byte order mark)"), page.warnings().toString());
        List<String> expected = sentences(read("plain.txt", seed.getBytes(StandardCharsets.UTF_8))).stream().map(Sentence::text).toList();
        List<Sentence> sentences = sentences(page);
        assertEquals(expected, sentences.stream().map(Sentence::text).toList());
        for (Sentence sentence : sentences) {
            assertEquals(sentence.text(), slice(page.text().text(), sentence), sentence.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\r\n"})
    void crAndCrlfEndLinesAsLfDoes(String lineEnd) throws Exception {
        String converted = seed.replace("\n", lineEnd);
        Page page = read("ends.txt", converted.getBytes(StandardCharsets.UTF_8));
        List<Sentence> sentences = sentences(page);
        List<Sentence> withLf = sentences(read("plain.txt", seed.getBytes(StandardCharsets.UTF_8)));
        assertEquals(65, withLf.size(), "the seed's gold count");
        assertEquals(withLf.size(), sentences.size(), "no sentence lost to " + (lineEnd.length() == 1 ? "CR" : "CRLF") + " line ends");
        for (int i = 0; i < sentences.size(); i++) {
            assertEquals(withLf.get(i).cleanText(), sentences.get(i).cleanText(), sentences.get(i).id());
            assertEquals(sentences.get(i).text(), slice(converted, sentences.get(i)), sentences.get(i).id());
        }
    }

    /** Near the start (where an 8 KB probe looks) and past it: the same handling. */
    @ParameterizedTest
    @ValueSource(ints = {100, 9100})
    void aStrayControlCharacterIsReadAsASpaceWhereverItStands(int at) throws Exception {
        String twice = seed + "\n" + seed;
        int cut = twice.offsetByCodePoints(0, at);
        assertTrue(at < 200 || twice.substring(0, cut).getBytes(StandardCharsets.UTF_8).length > 8192, "past the first 8 KB");
        String withNul = twice.substring(0, cut) + "\u0000" + twice.substring(cut);
        Page page = read("nul.txt", withNul.getBytes(StandardCharsets.UTF_8));
        assertTrue(page.extracted(), "offsets refer to the cleaned text in sources/");
        assertTrue(page.warnings().get(0).startsWith("1 control character (NUL, ESC, form feed…) read as spaces, at offsets " + at), page.warnings().toString());
        for (Sentence sentence : sentences(page)) {
            assertFalse(sentence.text().contains("\u0000") || sentence.cleanText().contains("\u0000"), sentence.id());
            assertEquals(sentence.text(), slice(page.text().text(), sentence), sentence.id());
        }
    }

    @Test
    void controlBytesBeyondOnePercentMakeABinaryFile() {
        byte[] bytes = (seed.substring(0, 2000) + "\u0000".repeat(40)).getBytes(StandardCharsets.UTF_8);
        InputException binary = assertThrows(InputException.class, () -> read("data.bin", bytes));
        int offset = seed.substring(0, 2000).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(binary.reason().startsWith("binary file (40 control bytes such as NUL, the first at offset " + offset + ")"), binary.reason());
        InputException wide = assertThrows(InputException.class, () -> read("nomark.txt", seed.getBytes(StandardCharsets.UTF_16LE)));
        assertTrue(wide.reason().endsWith("it looks like UTF-16 without a byte order mark: save it as UTF-8"), wide.reason());
    }

    @Test
    void aReplacementCharacterInTheTextIsTextAndABadByteAfterOneIsStillNamed() throws Exception {
        // decoding marks a bad byte with U+FFFD: a page that holds one itself must read whole, not be taken for damaged
        String text = "Dana \u2022 quoted a broken glyph \uFFFD in her thread \u2014 1/ The alliance held.";
        assertEquals(text, TextDecoder.decode("glyph.txt", text.getBytes(StandardCharsets.UTF_8)).text());
        byte[] valid = (text + " ").getBytes(StandardCharsets.UTF_8);
        byte[] damaged = java.util.Arrays.copyOf(valid, valid.length + 3);
        damaged[valid.length] = (byte) 0xC3; // a lead byte, then ASCII where its continuation should be
        damaged[valid.length + 1] = 'x';
        damaged[valid.length + 2] = 'y';
        InputException rejected = assertThrows(InputException.class, () -> TextDecoder.decode("glyph.txt", damaged));
        assertTrue(rejected.reason().startsWith("not UTF-8 text (invalid byte 0xC3 at offset " + valid.length + ";"), rejected.reason());
    }

    @Test
    void anotherEncodingIsNamedWithItsFirstBadByte() {
        byte[] latin1 = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        InputException rejected = assertThrows(InputException.class, () -> read("latin1.txt", latin1));
        assertEquals("not UTF-8 text (invalid byte 0xE9 at offset 3; another encoding such as Windows-1252? save it as UTF-8)", rejected.reason());
    }
}
