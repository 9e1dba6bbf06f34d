package org.threadcoder.parse;

import java.io.FileNotFoundException;
import java.io.IOException;
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
        } catch (java.nio.file.AccessDeniedException locked) {
            throw new InputException(source, "cannot read: permission denied", locked);
        } catch (IOException unreadable) {
            throw new InputException(source, "cannot read: " + unreadable.getMessage(), unreadable);
        }
    }

    private Page parse(String source, byte[] bytes) throws InputException {
        String sha256 = sha256(bytes);
        TextDecoder.Decoded decoded = TextDecoder.decode(source, bytes);
        String text = decoded.text();
        bytes = null; // a large input's bytes need not stay beside its text
        if (text.isBlank()) {
            throw new InputException(source, "empty file");
        }
        // structured inputs first (HTML before text, JSON Lines before text); both extract their own text
        if (ThreadReaderHtmlParser.looksLikeHtml(text) || ThreadReaderHtmlParser.recognises(text)) {
            return withWarnings(threadReaderHtml.parse(source, text, sha256).withFormat("threadreader-html"), decoded.warnings());
        }
        if (TweetJsonSniffer.recognises(text)) {
            return withWarnings(tweetJson.parse(source, text, sha256).withFormat("tweet-jsonl"), decoded.warnings());
        }
        TweetJsonSniffer.rejectDeepJson(source, text);
        if (looksLikeJson(text)) {
            throw new InputException(source, "JSON that is not tweets (expected twarc2 / X API v2 JSON Lines)");
        }
        // a text decoded from UTF-16/32 or cleaned of control characters is not the file: offsets then index sources/<source>.txt
        return textPages.parse(source, text, sha256, decoded.transcoded(), decoded.warnings());
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

    /** The page with what decoding noted before its parser's own warnings. */
    private static Page withWarnings(Page page, List<String> warnings) {
        if (warnings.isEmpty()) {
            return page;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(page.warnings());
        return page.withWarnings(all);
    }
}
