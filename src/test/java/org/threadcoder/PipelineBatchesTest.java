package org.threadcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Pipeline.batches(inputs).forEachRemaining(batches::add);
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
}
