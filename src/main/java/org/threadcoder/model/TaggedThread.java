package org.threadcoder.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A thread with its sentences and their concept mentions: what the pipeline makes of one thread.
 * Mentions are in text order (by start offset), as the tagger makes them sentence by sentence, so
 * a sentence's mentions are found by binary search rather than a scan of the thread.
 */
public record TaggedThread(TweetThread thread, List<Sentence> sentences, List<Mention> mentions) {

    public TaggedThread {
        if (thread == null) {
            throw new IllegalArgumentException("tagged thread needs its thread");
        }
        sentences = List.copyOf(sentences);
        mentions = List.copyOf(mentions);
        for (int i = 1; i < mentions.size(); i++) {
            if (mentions.get(i).span().start() < mentions.get(i - 1).span().start()) {
                throw new IllegalArgumentException("thread " + thread.id() + " mentions out of text order: " + mentions.get(i - 1).id()
                        + " at " + mentions.get(i - 1).span() + " before " + mentions.get(i).id() + " at " + mentions.get(i).span());
            }
        }
    }

    /** Whether a sentence stands in a tweet that repeats an earlier one (an unroller's duplicate), left out of every count. */
    public boolean isDuplicate(Sentence sentence) {
        int tweet = sentence.firstTweet();
        return tweet >= 1 && tweet <= thread.tweets().size() && thread.tweets().get(tweet - 1).duplicateOf() != null;
    }

    /** Concept ids of a sentence's mentions, sorted, without repeats. */
    public List<String> conceptsOf(Sentence sentence) {
        TreeSet<String> concepts = new TreeSet<>();
        for (int i = firstAtOrAfter(sentence.span().start()); i < mentions.size(); i++) {
            Mention mention = mentions.get(i);
            if (mention.span().start() >= sentence.span().end()) {
                break;
            }
            if (mention.sentenceId().equals(sentence.id())) {
                concepts.add(mention.conceptId());
            }
        }
        return List.copyOf(concepts);
    }

    /** {@link #conceptsOf} of every sentence, in sentence order, in one pass over the mentions. */
    public List<List<String>> conceptsBySentence() {
        Map<String, Integer> position = new HashMap<>();
        List<TreeSet<String>> concepts = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            position.put(sentence.id(), concepts.size());
            concepts.add(new TreeSet<>());
        }
        for (Mention mention : mentions) {
            Integer at = position.get(mention.sentenceId());
            if (at != null) {
                concepts.get(at).add(mention.conceptId());
            }
        }
        return concepts.stream().map(List::copyOf).toList();
    }

    private int firstAtOrAfter(int offset) {
        int low = 0;
        int high = mentions.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (mentions.get(middle).span().start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
