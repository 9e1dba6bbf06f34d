package org.threadcoder.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds mojibake: UTF-8 text once read as Windows-1252 ("donâ€™t" for "don’t", "HÃ©lÃ¨ne") or as
 * Windows-1250 ("đź§µ" for "🧵"). A run is taken only when its chars are, in one of those code
 * pages, a complete and valid UTF-8 sequence for a non-ASCII character, so real text ("café",
 * "Ångström") is left alone. The page keeps its text and offsets; the run reads as what it garbles.
 */
final class Mojibake {
    /** A garbled run {@code [start, end)} (chars) and the text it stands for. */
    record Decoded(int start, int end, String text) {
    }

    /** The code page most mojibake comes from: any character it garbles is read back. */
    private static final Map<Character, Integer> WESTERN = bytesOf("windows-1252");
    /**
     * Code pages whose letters are also real text (Central European, Greek, Thai): a run there is read
     * back only when it stands for an emoji, a symbol or punctuation ("đź§µ" for 🧵, "๐Ÿ”ฅ" for 🔥), never a letter.
     */
    private static final List<Map<Character, Integer>> SYMBOL_ONLY = List.of(bytesOf("windows-1250"), bytesOf("windows-1253"),
            bytesOf("x-windows-874"));

    private Mojibake() {
    }

    /** The garbled runs of a line, left to right, not overlapping. */
    static List<Decoded> find(String line) {
        List<Decoded> found = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x80) {
                continue;
            }
            Decoded decoded = decodeAt(line, i, WESTERN);
            for (int k = 0; decoded == null && k < SYMBOL_ONLY.size(); k++) {
                Decoded symbol = decodeAt(line, i, SYMBOL_ONLY.get(k));
                decoded = symbol != null && isSymbol(symbol.text()) ? symbol : null;
            }
            if (decoded != null) {
                found.add(decoded);
                i = decoded.end() - 1;
            }
        }
        return found;
    }

    private static boolean isSymbol(String text) {
        int codePoint = text.codePointAt(0);
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL || codePoint >= 0x2000 && codePoint <= 0x206F
                || codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0x1F000;
    }

    /** The text with its garbled runs read as what they stand for (for metadata, which has no offsets to keep). */
    static String repaired(String text) {
        List<Decoded> runs = find(text);
        if (runs.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Decoded run : runs) {
            out.append(text, at, run.start()).append(run.text());
            at = run.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private static Decoded decodeAt(String line, int at, Map<Character, Integer> page) {
        Integer lead = page.get(line.charAt(at));
        if (lead == null) {
            return null;
        }
        int continuations = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
        if (continuations < 0 || at + continuations >= line.length()) {
            return null;
        }
        byte[] bytes = new byte[continuations + 1];
        bytes[0] = (byte) (int) lead;
        for (int k = 1; k <= continuations; k++) {
            Integer next = page.get(line.charAt(at + k));
            if (next == null || next < 0x80 || next > 0xBF) {
                return null;
            }
            bytes[k] = (byte) (int) next;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(at, at + continuations + 1, text);
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    /**
     * The byte each char of a code page's upper half stands for. A position the page leaves undefined
     * reads as Windows-1252 does, as browsers show it (and then as Latin-1): "๐Ÿ”ฅ" mixes Thai and Western.
     */
    private static Map<Character, Integer> bytesOf(String name) {
        Charset charset = Charset.forName(name);
        Charset western = Charset.forName("windows-1252");
        Map<Character, Integer> bytes = new HashMap<>();
        for (int b = 0x80; b <= 0xFF; b++) {
            char c = decodedOrNull(new byte[] {(byte) b}, charset);
            if (c == 0) {
                c = decodedOrNull(new byte[] {(byte) b}, western);
            }
            bytes.putIfAbsent(c == 0 ? (char) b : c, b);
        }
        return Map.copyOf(bytes);
    }

    private static char decodedOrNull(byte[] one, Charset charset) {
        String decoded = new String(one, charset);
        return decoded.length() == 1 && decoded.charAt(0) != '\uFFFD' ? decoded.charAt(0) : 0;
    }
}
