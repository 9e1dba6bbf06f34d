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

    /** Whether a sentence stands in a tweet that repeats an earlier one (an unroller's duplicate), left out of every count. */
    public boolean isDuplicate(Sentence sentence) {
        int tweet = sentence.firstTweet();
        return tweet >= 1 && tweet <= thread.tweets().size() && thread.tweets().get(tweet - 1).duplicateOf() != null;
    }

    /** Concept ids of a sentence's mentions, sorted, without repeats. */
    public List<String> conceptsOf(Sentence sentence) {
        return mentions.stream().filter(mention -> mention.sentenceId().equals(sentence.id()))
                .map(Mention::conceptId).distinct().sorted().toList();
    }
}
