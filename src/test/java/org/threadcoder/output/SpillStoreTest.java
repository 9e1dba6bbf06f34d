package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records come back as written, in order, whether the store kept them in memory or spilled them, serialized and appended. */
class SpillStoreTest {
    private static final List<String> TEXTS = List.of("page_000001.txt#t1", "", "Müller 🧵", "\uD800 lone", "x".repeat(300));

    @Test
    void recordsComeBackInOrderAcrossSpillsSerializationAndAppends() throws Exception {
        SpillStore small = write(new SpillStore(64), 0, 500);
        assertEquals(expected(0, 500), read(small, 500));
        SpillStore shipped = roundTrip(small);
        assertEquals(expected(0, 500), read(shipped, 500));
        SpillStore later = write(new SpillStore(1 << 20), 500, 20);
        shipped.appendAll(later);
        assertEquals(expected(0, 520), read(shipped, 520));
        SpillStore empty = new SpillStore();
        empty.appendAll(new SpillStore());
        assertEquals(List.of(), read(roundTrip(empty), 0));
    }

    private static SpillStore write(SpillStore store, int from, int count) throws IOException {
        for (int i = from; i < from + count; i++) {
            store.writer().writeInt(i);
            SpillStore.writeString(store.writer(), i % 7 == 0 ? null : TEXTS.get(i % TEXTS.size()));
            store.endRecord();
        }
        return store;
    }

    private static List<String> expected(int from, int count) {
        List<String> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(i + ":" + (i % 7 == 0 ? null : TEXTS.get(i % TEXTS.size())));
        }
        return records;
    }

    private static List<String> read(SpillStore store, int count) throws IOException {
        List<String> records = new ArrayList<>();
        try (DataInputStream in = store.read()) {
            for (int i = 0; i < count; i++) {
                records.add(in.readInt() + ":" + SpillStore.readString(in));
            }
            assertEquals(-1, in.read(), "nothing after the records");
        }
        return records;
    }

    private static SpillStore roundTrip(SpillStore store) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(store);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SpillStore) in.readObject();
        }
    }
}
