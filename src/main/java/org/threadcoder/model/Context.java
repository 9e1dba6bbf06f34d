package org.threadcoder.model;

/**
 * How a sentence mentions a concept (ConText-style attributes): a mention is not a claim.
 *
 * @param negated      asserted absent ("This is not a treatment failure")
 * @param hypothetical conditional or imagined ("if…", "what if…", "would")
 * @param uncertain    hedged ("may", "might", "possibly", "not always")
 * @param reported     a claim the author attributes to others ("the narrative is that", "they say")
 * @param question     inside a question
 * @param trigger      the words that set the attributes, as in the text ({@code ""} when none)
 */
public record Context(boolean negated, boolean hypothetical, boolean uncertain, boolean reported, boolean question, String trigger) {

    /** A plain assertion. */
    public static final Context ASSERTED = new Context(false, false, false, false, false, "");

    public Context {
        trigger = trigger == null ? "" : trigger;
    }
}
