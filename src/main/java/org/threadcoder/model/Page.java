package org.threadcoder.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One parsed input: its text and the threads found in it.
 *
 * @param source    the source's name as the outputs show it (file name relative to the input given)
 * @param text      the text every offset refers to
 * @param threads   the threads, in page order
 * @param warnings  things the parser repaired or doubted, for the user
 * @param sha256    hex SHA-256 of the input's bytes, for the run manifest
 * @param extracted true when {@code text} was extracted from the input (HTML, JSON) rather than being
 *                  the file itself; the run then writes it to {@code sources/<source>.txt} so offsets still hold
 * @param format    the input's format and layout as read ({@code threadreader-text}, {@code twtext-text},
 *                  {@code plain-text}, {@code threadreader-html}, {@code tweet-jsonl}, ...)
 * @param ledger    where the text's code points went (threads, site text, noise)
 */
public record Page(String source, SourceText text, List<TweetThread> threads, List<String> warnings, String sha256, boolean extracted,
                   String format, Ledger ledger) {

    /** A page whose ledger is its threads' text (less their noise) against the rest, for readers of extracted text. */
    public Page(String source, SourceText text, List<TweetThread> threads, List<String> warnings, String sha256, boolean extracted) {
        this(source, text, threads, warnings, sha256, extracted, extracted ? "extracted" : "text", threadLedger(text, threads));
    }

    public Page {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("page source must not be blank");
        }
        if (text == null) {
            throw new IllegalArgumentException("page " + source + " has no text");
        }
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("page " + source + " needs a format");
        }
        if (ledger == null || ledger.chars() != text.codePointLength()) {
            throw new IllegalArgumentException("page " + source + " ledger " + ledger + " does not cover its " + text.codePointLength() + " code points");
        }
        threads = List.copyOf(threads);
        warnings = List.copyOf(warnings);
    }

    /** The same page with other warnings (what decoding noted, before its parser's own). */
    public Page withWarnings(List<String> other) {
        return new Page(source, text, threads, other, sha256, extracted, format, ledger);
    }

    /** The same page named as another format (the reader that recognised it knows). */
    public Page withFormat(String other) {
        return new Page(source, text, threads, warnings, sha256, extracted, other, ledger);
    }

    private static Ledger threadLedger(SourceText text, List<TweetThread> threads) {
        int inThreads = 0;
        int noise = 0;
        for (TweetThread thread : threads) {
            int masked = merged(thread.noise());
            noise += masked;
            inThreads += thread.span().length() - masked;
        }
        return new Ledger(text.codePointLength(), inThreads, text.codePointLength() - inThreads - noise, noise);
    }

    /** Code points covered by spans that may overlap. */
    static int merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(null);
        int covered = 0;
        int reach = -1;
        for (Span span : sorted) {
            int from = Math.max(span.start(), reach);
            if (span.end() > from) {
                covered += span.end() - from;
            }
            reach = Math.max(reach, span.end());
        }
        return covered;
    }
}
