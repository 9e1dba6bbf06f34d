package org.threadcoder.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.threadcoder.InputException;

/**
 * Bytes to text, in one place for every input format. The rules, in order:
 *
 * <ul>
 *   <li>A UTF-16 or UTF-32 byte order mark: the text is decoded in that encoding. Offsets then
 *       refer to the decoded text, which the run writes to {@code sources/<source>.txt} as UTF-8,
 *       as for HTML.</li>
 *   <li>A UTF-8 byte order mark is read as a space. Python's {@code encoding="utf-8"} keeps the
 *       mark as code point 0, so offsets still index the file as Python reads it, while no field
 *       (author, text) ever holds the mark: sentences and names are trimmed of spaces.</li>
 *   <li>C0 control characters other than tab, LF and CR (NUL, ESC, form feed…) are counted over
 *       the whole file, wherever they stand. More than {@value #BINARY_PERCENT}% of the bytes: the
 *       file is binary and rejected. Fewer: each is read as a space and the page's text is then
 *       the cleaned text written to {@code sources/<source>.txt}, so {@code text} still equals
 *       {@code source[start:end]} of the file the offsets name, and no cell holds a control.</li>
 *   <li>Anything else must be strict UTF-8; the first invalid byte is named.</li>
 * </ul>
 */
final class TextDecoder {
    static final int BINARY_PERCENT = 1;
    private static final int SHOWN_OFFSETS = 5;

    /** A byte order mark and the encoding it announces. */
    private record Mark(byte[] bytes, String charset) {
    }

    /** Longest first: the UTF-32LE mark starts with the UTF-16LE one. */
    private static final List<Mark> MARKS = List.of(
            new Mark(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, "UTF-32BE"),
            new Mark(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, "UTF-32LE"),
            new Mark(new byte[] {(byte) 0xFE, (byte) 0xFF}, "UTF-16BE"),
            new Mark(new byte[] {(byte) 0xFF, (byte) 0xFE}, "UTF-16LE"));

    /**
     * The text of a file.
     *
     * @param text        the text parsers read
     * @param transcoded  true when {@code text} is not the file as Python reads it (another encoding,
     *                    controls read as spaces): offsets then refer to {@code sources/<source>.txt}
     * @param warnings    what was decoded or replaced, for the user
     */
    record Decoded(String text, boolean transcoded, List<String> warnings) {
        Decoded {
            warnings = List.copyOf(warnings);
        }
    }

    private TextDecoder() {
    }

    static Decoded decode(String source, byte[] bytes) throws InputException {
        if (bytes.length == 0) {
            throw new InputException(source, "empty file");
        }
        if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            throw new InputException(source, "a PDF file; save the thread as text or HTML instead");
        }
        List<String> warnings = new ArrayList<>();
        String text = null;
        boolean transcoded = false;
        for (Mark mark : MARKS) {
            if (startsWith(bytes, mark.bytes())) {
                text = strict(source, bytes, mark.bytes().length, Charset.forName(mark.charset()));
                transcoded = true;
                warnings.add("read as " + mark.charset() + " (the file starts with its byte order mark)");
                break;
            }
        }
        if (text == null) {
            rejectBinary(source, bytes);
            text = strict(source, bytes, 0, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = " " + text.substring(1);
            }
        }
        return maskControls(text, transcoded, warnings);
    }

    /** Rejects a file whose control bytes exceed the share text never has; UTF-8 never uses bytes below 0x20 but for controls. */
    private static void rejectBinary(String source, byte[] bytes) throws InputException {
        int controls = 0;
        int first = -1;
        int oddNuls = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (isControl(bytes[i] & 0xFF)) {
                controls++;
                first = first < 0 ? i : first;
                oddNuls += bytes[i] == 0 && i % 2 == 1 ? 1 : 0;
            }
        }
        if ((long) controls * 100 > (long) bytes.length * BINARY_PERCENT) {
            String hint = oddNuls * 4 > bytes.length ? "; it looks like UTF-16 without a byte order mark: save it as UTF-8" : ", not a text page";
            throw new InputException(source, "binary file (" + controls + " control bytes such as NUL, the first at offset " + first + ")" + hint);
        }
    }

    /**
     * Strict decoding; the first invalid byte is named. Validated through a small reused buffer,
     * then decoded by {@link String#String(byte[], int, int, Charset)}, so a large file costs its
     * text once, not a second full-size buffer.
     */
    private static String strict(String source, byte[] bytes, int from, Charset charset) throws InputException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            // decoding replaces each malformed sequence with U+FFFD: a text without one was valid, and most pages are,
            // so the checking decoder (and its window) runs only on a page that holds U+FFFD, to find the bad byte
            String text = new String(bytes, from, bytes.length - from, charset);
            if (text.indexOf('\uFFFD') < 0) {
                return text;
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        // the decoder checks through a window it overwrites; a small page needs no larger one
        CharBuffer scratch = CharBuffer.allocate(Math.max(16, Math.min(SCRATCH_CHARS, bytes.length - from)));
        while (true) {
            CoderResult result = decoder.decode(in, scratch, true);
            if (result.isError()) {
                int at = in.position();
                boolean utf8 = charset.equals(StandardCharsets.UTF_8);
                throw new InputException(source, "not " + (utf8 ? "UTF-8" : charset.name()) + " text (invalid byte 0x"
                        + String.format(Locale.ROOT, "%02X", bytes[at] & 0xFF) + " at offset " + at
                        + (utf8 ? "; another encoding such as Windows-1252? save it as UTF-8)" : ")"));
            }
            scratch.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        return new String(bytes, from, bytes.length - from, charset);
    }

    /** The most chars the validating decoder writes at a time. */
    private static final int SCRATCH_CHARS = 64 * 1024;

    /** Reads each C0 control (but tab, LF, CR) as a space, and says so. */
    private static Decoded maskControls(String text, boolean transcoded, List<String> warnings) {
        List<Integer> offsets = new ArrayList<>();
        int count = 0;
        char[] chars = null;
        int codePoint = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
                count++;
                if (offsets.size() < SHOWN_OFFSETS) {
                    offsets.add(codePoint);
                }
            }
            if (!Character.isHighSurrogate(c)) {
                codePoint++;
            }
        }
        if (chars == null) {
            return new Decoded(text, transcoded, warnings);
        }
        warnings.add(count + " control " + (count == 1 ? "character" : "characters") + " (NUL, ESC, form feed…) read as spaces, at offsets "
                + offsets.toString().replaceAll("[\\[\\]]", "") + (count > offsets.size() ? ", …" : "")
                + "; offsets refer to the cleaned text in sources/");
        return new Decoded(new String(chars), true, warnings);
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
