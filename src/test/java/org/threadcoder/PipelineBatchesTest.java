package org.threadcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a run cuts its inputs into the batches a worker takes at once. */
class PipelineBatchesTest {
    @TempDir
    Path temp;

    private Pipeline.Input file(String name, int bytes) throws IOException {
        Path path = temp.resolve(name);
        Files.write(path, new byte[bytes]);
        return new Pipeline.Input(path, name);
    }

    private static List<List<Pipeline.Input>> batches(List<Pipeline.Input> inputs) {
        List<List<Pipeline.Input>> batches = new ArrayList<>();
        Pipeline.batches(inputs).forEachRemaining(batch -> batches.add(batch.inputs()));
        return batches;
    }

    private static List<Integer> sizes(List<List<Pipeline.Input>> batches) {
        return batches.stream().map(List::size).toList();
    }

    @Test
    void smallInputsGoSixteenToABatchInOrder() throws IOException {
        List<Pipeline.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(file("page" + i + ".txt", 100));
        }
        List<List<Pipeline.Input>> batches = batches(inputs);
        assertEquals(List.of(16, 16, 8), sizes(batches));
        assertEquals(inputs, batches.stream().flatMap(List::stream).toList());
    }

    @Test
    void aBatchClosesBeforeItWouldPassItsBytesAndALargeInputIsABatchOfItsOwn() throws IOException {
        int third = (int) (Pipeline.BATCH_BYTES / 3);
        List<Pipeline.Input> inputs = List.of(file("a.txt", third), file("b.txt", third), file("c.txt", third),
                file("d.txt", third), file("large.txt", (int) Pipeline.BATCH_BYTES + 1), file("e.txt", 10));
        assertEquals(List.of(3, 1, 1, 1), sizes(batches(inputs)));
        List<Long> bytes = new ArrayList<>();
        Pipeline.batches(inputs).forEachRemaining(batch -> bytes.add(batch.bytes()));
        assertEquals(List.of(3L * third, (long) third, Pipeline.BATCH_BYTES + 1, 10L), bytes);
    }

    @ParameterizedTest(name = "{0} queued of {1} bytes, one of {2} more, {3} workers: {4}")
    @CsvSource({
        "0, 0, 50000000, 2, true",          // nothing queued: even an input larger than any budget goes
        "4, 4000000, 1000000, 2, true",     // under two batches a worker and one, whatever their bytes
        "5, 4000000, 1000000, 2, true",     // more small batches, while their bytes stay within five batches'
        "5, 4500000, 1000000, 2, false",    // ... and not past them
        "16, 100000, 1000, 2, true",        // many small pages queue up to eight batches a worker and one
        "17, 100000, 1000, 2, false",
        "3, 9000000, 1000000, 1, false",    // one worker: three batches, then only within three batches' bytes
        "2, 9000000, 1000000, 1, true",
    })
    void queuesAFewBatchesOrManySmallOnes(int queued, long queuedBytes, long bytes, int workers, boolean expected) {
        assertEquals(expected, Pipeline.mayQueue(queued, queuedBytes, bytes, workers));
    }

    @Test
    void anInputThatCannotBeReadCountsAsEmptyAndStaysInItsPlace() throws IOException {
        Pipeline.Input missing = new Pipeline.Input(temp.resolve("gone.txt"), "gone.txt");
        List<Pipeline.Input> inputs = List.of(file("a.txt", 10), missing, file("b.txt", 10));
        assertEquals(List.of(inputs), batches(inputs));
    }

    @Test
    void noInputsNoBatches() {
        assertEquals(List.of(), batches(List.of()));
    }

    @Test
    void repeatedRunsOfOnePipelineWithOneOrTwoWorkersWriteTheSameBytes() throws IOException, InputException {
        Pipeline pipeline = new Pipeline(TestSupport.codebook(), TestSupport.contextRules());
        List<Pipeline.Input> inputs = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(TestSupport.resource("layouts"))) {
            files.sorted().forEach(file -> inputs.add(new Pipeline.Input(file, file.getFileName().toString())));
        }
        inputs.add(new Pipeline.Input(TestSupport.seed(), "seed.txt"));
        org.threadcoder.output.RunManifest manifest = new org.threadcoder.output.RunManifest("test", "codebook.yaml", "0",
                "context.yaml", "0", List.of());
        List<byte[]> outputs = new ArrayList<>();
        for (int workers : new int[] {1, 2, 2}) {
            Path out = temp.resolve("out" + outputs.size());
            pipeline.run(inputs, List.of(), out, manifest, new Pipeline.RunOptions(false, workers, false, Pipeline.Finisher.NONE));
            outputs.add(Files.readAllBytes(out.resolve("mentions.csv")));
            outputs.add(Files.readAllBytes(out.resolve("concept-map.json")));
        }
        for (int run = 1; run < 3; run++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(outputs.get(0), outputs.get(2 * run), "mentions.csv, run " + run);
            org.junit.jupiter.api.Assertions.assertArrayEquals(outputs.get(1), outputs.get(2 * run + 1), "concept-map.json, run " + run);
        }
        assertEquals(true, outputs.get(0).length > 100, "the seed has mentions");
    }
}
