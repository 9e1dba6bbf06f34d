package org.threadcoder.parse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;

/**
 * Reads an input file and hands it to the parser for its format, recognised from the content.
 * Anything it cannot read gets an {@link InputException} with a one-line reason.
 */
public final class PageReader {
    private final TextPageParser textPages = new TextPageParser();
    private final ThreadReaderHtmlParser threadReaderHtml = new ThreadReaderHtmlParser();
    private final TweetJsonParser tweetJson = new TweetJsonParser();

    /**
     * Parses the file at {@code path}, naming it {@code source} in the outputs.
     *
     * @throws InputException when the file is missing, empty, binary, not UTF-8, or holds no tweet text
     */
    public Page parse(Path path, String source) throws InputException {
        return parse(source, () -> Files.readAllBytes(path));
    }

    /** Where an input's bytes come from: a local file, or a file system the reader does not know (Hadoop's, for the Spark job). */
    @FunctionalInterface
    public interface ByteSource {
        byte[] read() throws IOException;
    }

    /**
     * Reads an input's bytes from {@code bytes} and parses them as {@link #parse(Path, String)} does, with the same
     * reasons for a file that is missing or cannot be read.
     */
    public Page parse(String source, ByteSource bytes) throws InputException {
        return parse(source, read(source, bytes));
    }

    private static byte[] read(String source, ByteSource bytes) throws InputException {
        try {
            return bytes.read();
        } catch (NoSuchFileException | FileNotFoundException missing) {
            throw new InputException(source, "no such file");
        } catch (IOException unreadable) {
            throw new InputException(source, "cannot read: " + unreadable.getMessage(), unreadable);
        }
    }

    private Page parse(String source, byte[] bytes) throws InputException {
        String text = decode(source, bytes);
        if (text.isBlank()) {
            throw new InputException(source, "empty file");
        }
        // structured inputs first (HTML before text, JSON Lines before text); both extract their own text
        if (ThreadReaderHtmlParser.looksLikeHtml(text) || ThreadReaderHtmlParser.recognises(text)) {
            return threadReaderHtml.parse(source, text, sha256(bytes)).withFormat("threadreader-html");
        }
        if (TweetJsonParser.recognises(text)) {
            return tweetJson.parse(source, text, sha256(bytes)).withFormat("tweet-jsonl");
        }
        if (looksLikeJson(text)) {
            throw new InputException(source, "JSON that holds no tweets (expected twarc2 / X API v2 JSON Lines)");
        }
        return textPages.parse(source, text, sha256(bytes), new ArrayList<>());
    }

    /** JSON that the tweet reader did not take: an object or array first, and no line of prose. */
    private static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        if (!(start.startsWith("{") || start.startsWith("["))) {
            return false;
        }
        String end = text.stripTrailing();
        return end.endsWith("}") || end.endsWith("]");
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    /** Decodes strict UTF-8; binary content and other encodings are reported, not guessed. */
    static String decode(String source, byte[] bytes) throws InputException {
        if (bytes.length == 0) {
            throw new InputException(source, "empty file");
        }
        if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            throw new InputException(source, "a PDF file; save the thread as text or HTML instead");
        }
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new InputException(source, "binary file (NUL byte at offset " + i + "), not a text page");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InputException(source, "not UTF-8 text (binary or another encoding)");
        }
    }
}
