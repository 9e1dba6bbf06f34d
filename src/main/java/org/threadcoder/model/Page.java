package org.threadcoder.model;

import java.util.List;

/**
 * One parsed input: its text and the threads found in it.
 *
 * @param source   the source's name as the outputs show it (file name relative to the input given)
 * @param text     the text every offset refers to
 * @param threads  the threads, in page order
 * @param warnings things the parser repaired or doubted, for the user
 * @param sha256   hex SHA-256 of the input's bytes, for the run manifest
 * @param extracted true when {@code text} was extracted from the input (HTML, JSON) rather than being
 *                  the file itself; the run then writes it to {@code sources/<source>.txt} so offsets still hold
 */
public record Page(String source, SourceText text, List<TweetThread> threads, List<String> warnings, String sha256, boolean extracted) {

    public Page {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("page source must not be blank");
        }
        if (text == null) {
            throw new IllegalArgumentException("page " + source + " has no text");
        }
        threads = List.copyOf(threads);
        warnings = List.copyOf(warnings);
    }
}
