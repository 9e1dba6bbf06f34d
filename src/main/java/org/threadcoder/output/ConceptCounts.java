package org.threadcoder.output;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The counts a {@link ConceptMap} keeps: per concept and thread, per pair of concepts, per concept over all threads. */
public final class ConceptCounts {
    private ConceptCounts() {
    }

    /** One concept in one thread. */
    public static final class Cell implements Serializable {
        private static final long serialVersionUID = 1L;
        int mentions;
        final List<String> sentenceIds = new ArrayList<>();
        final int[] byAttribute = new int[ConceptMap.ATTRIBUTES.size()];

        public int mentions() {
            return mentions;
        }

        /** Mentions per context attribute, in {@link ConceptMap#ATTRIBUTES} order. */
        public Map<String, Integer> attributes() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < ConceptMap.ATTRIBUTES.size(); i++) {
                counts.put(ConceptMap.ATTRIBUTES.get(i), byAttribute[i]);
            }
            return counts;
        }

        public List<String> sentenceIds() {
            return List.copyOf(sentenceIds);
        }
    }

    /** Two concepts tagged in one sentence. */
    public static final class Pair implements Serializable {
        private static final long serialVersionUID = 1L;
        int sentences;
        int threads;
        /** Threads are added one at a time, so a thread is new to a pair when it is not the last one counted. */
        String lastThreadId;

        public int sentences() {
            return sentences;
        }

        public int threads() {
            return threads;
        }
    }

    /** A concept's counts over all threads: what {@code concept-map.json} gives before its threads. */
    public static final class ConceptTotals implements Serializable {
        private static final long serialVersionUID = 1L;
        int mentions;
        int sentences;
        int threads;
        final int[] byAttribute = new int[ConceptMap.ATTRIBUTES.size()];

        public int mentions() {
            return mentions;
        }

        public int sentences() {
            return sentences;
        }

        public int threads() {
            return threads;
        }

        /** Mentions per context attribute, in {@link ConceptMap#ATTRIBUTES} order. */
        public int attribute(int index) {
            return byAttribute[index];
        }

        void add(Cell cell) {
            mentions += cell.mentions;
            sentences += cell.sentenceIds.size();
            threads++;
            for (int i = 0; i < byAttribute.length; i++) {
                byAttribute[i] += cell.byAttribute[i];
            }
        }

        void addAll(ConceptTotals other) {
            mentions += other.mentions;
            sentences += other.sentences;
            threads += other.threads;
            for (int i = 0; i < byAttribute.length; i++) {
                byAttribute[i] += other.byAttribute[i];
            }
        }
    }
}
