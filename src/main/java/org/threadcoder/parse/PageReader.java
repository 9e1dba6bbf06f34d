package org.threadcoder.parse;

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
    private final ThreadReaderTextParser threadReaderText = new ThreadReaderTextParser();
    private final ThreadReaderHtmlParser threadReaderHtml = new ThreadReaderHtmlParser();
    private final TweetJsonParser tweetJson = new TweetJsonParser();

    /**
     * Parses the file at {@code path}, naming it {@code source} in the outputs.
     *
     * @throws InputException when the file is missing, empty, binary, not UTF-8 or holds no thread
     */
    public Page parse(Path path, String source) throws InputException {
        byte[] bytes;
        String sha256;
        try {
            bytes = Files.readAllBytes(path);
            sha256 = sha256(bytes);
        } catch (NoSuchFileException missing) {
            throw new InputException(source, "no such file");
        } catch (java.nio.file.AccessDeniedException locked) {
            throw new InputException(source, "cannot read: permission denied", locked);
        } catch (IOException unreadable) {
            throw new InputException(source, "cannot read: " + unreadable.getMessage(), unreadable);
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(source, bytes);
        String text = decoded.text();
        bytes = null; // a large input's bytes need not stay beside its text
        if (text.isBlank()) {
            throw new InputException(source, "empty file");
        }
        // structured inputs first (HTML before text, JSON Lines before text); both extract their own text
        if (ThreadReaderHtmlParser.looksLikeHtml(text) || ThreadReaderHtmlParser.recognises(text)) {
            return withWarnings(threadReaderHtml.parse(source, text, sha256), decoded.warnings());
        }
        if (TweetJsonParser.recognises(text)) {
            return withWarnings(tweetJson.parse(source, text, sha256), decoded.warnings());
        }
        TweetJsonParser.rejectDeepJson(source, text);
        Mojibake.Repair repair = Mojibake.repair(text);
        List<String> warnings = new ArrayList<>(decoded.warnings());
        if (!repair.repaired().isEmpty()) {
            warnings.add("repaired mojibake (UTF-8 read as Windows-1252) on " + repair.repaired().size()
                    + " lines; offsets refer to the repaired text, written to sources/" + source + ".txt");
        }
        if (!repair.doubtful().isEmpty()) {
            warnings.add("possible mojibake left as is on lines " + repair.doubtful());
        }
        if (ThreadReaderTextParser.recognises(repair.text())) {
            return threadReaderText.parse(source, repair.text(), sha256, decoded.transcoded() || !repair.repaired().isEmpty(), warnings);
        }
        throw new InputException(source, "not a recognised thread format (expected a Thread Reader App page saved as text, "
                + "Markdown or HTML, or twarc2 / X API v2 JSON Lines)");
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
        return new Page(page.source(), page.text(), page.threads(), all, page.sha256(), page.extracted());
    }
}
