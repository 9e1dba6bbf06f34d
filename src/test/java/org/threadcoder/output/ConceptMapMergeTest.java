package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Codebook;

/**
 * A run cut into parts (as the Spark job cuts it into partitions): each part's map made on its own, sent through
 * Java serialization, and folded in order gives the concept map one pass over every page gives.
 */
class ConceptMapMergeTest {
    private static final RunManifest MANIFEST = new RunManifest("test", "codebook.yaml", "0", "context.yaml", "0", List.of("model"));

    @Test
    void partsFoldedInOrderGiveTheMapOfOnePass() throws Exception {
        List<Pipeline.Outcome> outcomes = outcomes();
        assertTrue(outcomes.size() > 10, "pages read: " + outcomes.size());
        for (boolean rollUp : new boolean[] {false, true}) {
            String whole = json(map(outcomes, rollUp));
            for (int parts : new int[] {2, 3, outcomes.size()}) {
                ConceptMap folded = null;
                for (int part = 0; part < parts; part++) {
                    List<Pipeline.Outcome> slice = outcomes.subList(part * outcomes.size() / parts, (part + 1) * outcomes.size() / parts);
                    ConceptMap shipped = roundTrip(map(slice, rollUp));
                    if (folded == null) {
                        folded = shipped;
                    } else {
                        folded.addAll(shipped);
                    }
                }
                assertEquals(whole, json(folded), "roll-up " + rollUp + ", " + parts + " parts");
            }
        }
    }

    @Test
    void aPageCountedTwiceOrAnotherCodebookIsRefused() throws Exception {
        List<Pipeline.Outcome> outcomes = outcomes().subList(0, 2);
        ConceptMap first = map(outcomes, false);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> first.addAll(map(outcomes.subList(1, 2), false)));
        assertTrue(twice.getMessage().contains("counted in both maps"), twice.getMessage());
        Codebook other = new Codebook("other", "1", TestSupport.codebook().concepts().subList(0, 1));
        IllegalArgumentException codebooks = assertThrows(IllegalArgumentException.class, () -> first.addAll(new ConceptMap(other, false)));
        assertTrue(codebooks.getMessage().contains("other"), codebooks.getMessage());
        assertThrows(IllegalArgumentException.class, () -> first.addAll(new ConceptMap(TestSupport.codebook(), true)));
    }

    /** The seed and every layout fixture that parses, in the order run reads them. */
    private static List<Pipeline.Outcome> outcomes() throws IOException {
        Path layouts = TestSupport.resource("layouts");
        List<Path> roots;
        try (Stream<Path> files = Files.list(layouts)) {
            roots = Stream.concat(Stream.of(TestSupport.seed()),
                    files.filter(file -> !file.getFileName().toString().endsWith(".expected.json")).sorted()).toList();
        }
        return Inputs.expand(roots).inputs().stream().map(input -> TestSupport.pipeline().outcome(input))
                .filter(outcome -> outcome.failure() == null).toList();
    }

    private static ConceptMap map(List<Pipeline.Outcome> outcomes, boolean rollUp) {
        ConceptMap map = new ConceptMap(TestSupport.codebook(), rollUp);
        for (Pipeline.Outcome outcome : outcomes) {
            map.addSource(outcome.page().source(), outcome.page().sha256(), outcome.page().format(), outcome.page().ledger());
            outcome.tagged().forEach(map::add);
        }
        return map;
    }

    private static ConceptMap roundTrip(ConceptMap map) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(map);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ConceptMap) in.readObject();
        }
    }

    private static String json(ConceptMap map) throws IOException {
        StringWriter out = new StringWriter();
        ConceptMapJson.write(map, MANIFEST, out);
        return out + "\nkept " + map.keptShare() + " sentences " + map.sentenceCount() + " mentions " + map.mentionCount();
    }
}
