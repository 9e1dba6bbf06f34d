package org.threadcoder.model;

/**
 * A concept found in a sentence.
 *
 * @param id          stable id: the sentence id and the mention's position
 * @param sentenceId  the sentence it is in
 * @param threadId    the thread it is in
 * @param conceptId   the codebook concept
 * @param span        source span of the matched words
 * @param matchedText the source slice of {@code span}
 * @param term        the codebook term or rule that matched
 * @param context     how the sentence mentions the concept (negated, hypothetical, ...)
 * @param fuzzy       true when a word matched with a one-letter typo
 */
public record Mention(String id, String sentenceId, String threadId, String conceptId, Span span, String matchedText, String term,
                      Context context, boolean fuzzy) {

    public Mention {
        if (id == null || sentenceId == null || threadId == null || conceptId == null || span == null || matchedText == null || term == null) {
            throw new IllegalArgumentException("mention fields must not be null: " + id + " " + conceptId + " " + span);
        }
        context = context == null ? Context.ASSERTED : context;
        if (matchedText.codePointCount(0, matchedText.length()) != span.length()) {
            throw new IllegalArgumentException("mention " + id + " text '" + matchedText + "' does not fit span " + span);
        }
    }

}
