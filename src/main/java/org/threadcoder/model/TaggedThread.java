package org.threadcoder.model;

import java.util.List;

/**
 * A thread with its sentences and their concept mentions: what the pipeline makes of one thread.
 */
public record TaggedThread(TweetThread thread, List<Sentence> sentences, List<Mention> mentions) {

    public TaggedThread {
        if (thread == null) {
            throw new IllegalArgumentException("tagged thread needs its thread");
        }
        sentences = List.copyOf(sentences);
        mentions = List.copyOf(mentions);
    }

    /** Concept ids of a sentence's mentions, sorted, without repeats. */
    public List<String> conceptsOf(Sentence sentence) {
        return mentions.stream().filter(mention -> mention.sentenceId().equals(sentence.id()))
                .map(Mention::conceptId).distinct().sorted().toList();
    }
}
