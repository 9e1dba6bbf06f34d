package org.threadcoder.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Repairs UTF-8 text that was once read as Windows-1252 ("donâ€™t" for "don’t", "HÃ©lÃ¨ne" for
 * "Hélène"), line by line, only where the repair is unambiguous: the line re-encodes to bytes
 * and those bytes are valid UTF-8. Other suspicious lines are kept as they are and reported.
 */
final class Mojibake {
    /** A lead byte of a two- or three-byte UTF-8 sequence as Windows-1252 shows it, then a continuation byte. */
    private static final Pattern SUSPICIOUS = Pattern.compile("[ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîï][\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The text after repair, and the 1-based lines repaired and left suspicious. */
    record Repair(String text, List<Integer> repaired, List<Integer> doubtful) {
    }

    private Mojibake() {
    }

    static Repair repair(String text) {
        if (!SUSPICIOUS.matcher(text).find()) {
            return new Repair(text, List.of(), List.of());
        }
        List<Integer> repaired = new ArrayList<>();
        List<Integer> doubtful = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length());
        int lineNumber = 1;
        int start = 0;
        while (start <= text.length()) {
            // CR, LF and CRLF all end a line; the line end is kept as it was
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end);
            if (SUSPICIOUS.matcher(line).find()) {
                String fixed = reencode(line);
                if (fixed != null && !fixed.equals(line)) {
                    out.append(fixed);
                    repaired.add(lineNumber);
                } else {
                    out.append(line);
                    doubtful.add(lineNumber);
                }
            } else {
                out.append(line);
            }
            int lineEnd = text.startsWith("\r\n", end) ? 2 : end < text.length() ? 1 : 0;
            out.append(text, end, end + lineEnd);
            start = end + Math.max(1, lineEnd);
            lineNumber++;
        }
        return new Repair(out.toString(), repaired, doubtful);
    }

    /** The line's chars as Windows-1252 bytes (undefined positions pass through as Latin-1), decoded as UTF-8; null when that fails. */
    private static String reencode(String line) {
        CharsetEncoder encoder = WINDOWS_1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] bytes = new byte[line.length()];
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x80 || (c >= 0x80 && c <= 0xFF && !encoder.canEncode(c) && isUndefinedIn1252(c))) {
                bytes[i] = (byte) c;
            } else {
                try {
                    ByteBuffer encoded = encoder.encode(CharBuffer.wrap(new char[] {c}));
                    bytes[i] = encoded.get(0);
                } catch (CharacterCodingException notWindows1252) {
                    return null;
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static boolean isUndefinedIn1252(char c) {
        return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
    }
}
