package org.threadcoder.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threadcoder.eval.GoldStandard.GoldSentence;
import org.threadcoder.model.Context;
import org.threadcoder.model.Mention;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;
import org.threadcoder.model.TaggedThread;

/**
 * What the pipeline made of one gold unit (a sentence of a JSON gold, a coded span of a CSV gold). The unit is
 * scored by the concepts of the mentions that lie inside its span, the rule of the devset's {@code score.py}: a
 * mention that crosses the unit's edge belongs to no unit, and a run sentence that overlaps no gold unit is
 * never scored (a coder did not see it).
 *
 * @param unit     the gold unit
 * @param kept     whether the run kept the unit's text: its sentences cover at least half of the unit's code
 *                 points (a unit the reader dropped as site text or noise is lost)
 * @param mentions the pipeline's mentions inside the unit's span, in text order
 */
public record UnitResult(GoldSentence unit, boolean kept, List<Mention> mentions) {

    public UnitResult {
        if (unit == null) {
            throw new IllegalArgumentException("a unit result needs its gold unit");
        }
        mentions = List.copyOf(mentions);
    }

    /** The concepts found in the unit, sorted, each with its mentions' attributes OR-ed (the first trigger kept). */
    public Map<String, Context> concepts() {
        Map<String, Context> concepts = new TreeMap<>();
        mentions.forEach(mention -> concepts.merge(mention.conceptId(), mention.context(), UnitResult::either));
        return Collections.unmodifiableMap(concepts);
    }

    /** The unit's mentions of one concept. */
    public List<Mention> mentionsOf(String concept) {
        return mentions.stream().filter(mention -> mention.conceptId().equals(concept)).toList();
    }

    private static Context either(Context a, Context b) {
        return new Context(a.negated() || b.negated(), a.hypothetical() || b.hypothetical(), a.uncertain() || b.uncertain(),
                a.reported() || b.reported(), a.question() || b.question(), a.trigger().isEmpty() ? b.trigger() : a.trigger());
    }

    /**
     * Each gold unit's result, in gold order.
     *
     * @param units  the gold units
     * @param tagged the pipeline's threads per source (every source a unit names must be there)
     */
    public static List<UnitResult> of(List<GoldSentence> units, Map<String, List<TaggedThread>> tagged) {
        Map<String, List<Mention>> mentions = new HashMap<>();
        Map<String, List<Span>> sentences = new HashMap<>();
        tagged.forEach((source, threads) -> {
            mentions.put(source, threads.stream().flatMap(thread -> thread.mentions().stream())
                    .sorted(Comparator.comparing(Mention::span)).toList());
            sentences.put(source, threads.stream().flatMap(thread -> thread.sentences().stream()).map(Sentence::span).sorted().toList());
        });
        List<UnitResult> results = new ArrayList<>();
        for (GoldSentence unit : units) {
            List<Mention> inside = new ArrayList<>();
            List<Mention> candidates = mentions.getOrDefault(unit.source(), List.of());
            for (Mention mention : candidates.subList(firstStartingAt(candidates, unit.span().start()), candidates.size())) {
                if (mention.span().start() >= unit.span().end()) {
                    break;
                }
                if (unit.span().contains(mention.span())) {
                    inside.add(mention);
                }
            }
            results.add(new UnitResult(unit, covered(unit.span(), sentences.getOrDefault(unit.source(), List.of())), inside));
        }
        return results;
    }

    /** Whether sentences cover at least half of the span's code points. */
    private static boolean covered(Span span, List<Span> sentences) {
        long overlap = 0;
        for (Span sentence : sentences) {
            overlap += Math.max(0, Math.min(span.end(), sentence.end()) - Math.max(span.start(), sentence.start()));
        }
        return 2 * overlap >= span.length();
    }

    private static int firstStartingAt(List<Mention> sorted, int start) {
        int low = 0;
        for (int high = sorted.size(); low < high; ) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).span().start() < start) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
