package org.threadcoder.output;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.threadcoder.model.Ledger;

/**
 * The pages a {@link ConceptMap} has read, as records in a {@link SpillStore}, with what the map needs to know
 * without reading them back: how many, and whether they came in name order (as a walk of a folder gives them). A
 * log that parts of a run are merged into keeps a set of 64-bit hashes of its names, to find a page two parts both
 * counted; a log that is never merged into has none.
 */
final class SourceLog implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SpillStore records = new SpillStore();
    private int count;
    private String first;
    private String last;
    /** Whether every name came after the one before it: then the records are in sorted order, each name once. */
    private boolean ascending = true;
    /** Hashes of the names, open addressing (0 marks a free slot; a name hashing to 0 is stored as 1); null until a merge. */
    private long[] hashes;
    private int hashed;

    void add(ConceptMap.Source source) {
        try {
            DataOutputStream out = records.writer();
            SpillStore.writeString(out, source.name());
            SpillStore.writeString(out, source.sha256());
            SpillStore.writeString(out, source.format());
            Ledger ledger = source.ledger();
            out.writeInt(ledger.chars());
            out.writeInt(ledger.inThreads());
            out.writeInt(ledger.siteText());
            out.writeInt(ledger.noise());
            records.endRecord();
        } catch (IOException full) {
            throw new UncheckedIOException("cannot keep the record of page " + source.name(), full);
        }
        ascending &= last == null || source.name().compareTo(last) > 0;
        first = first == null ? source.name() : first;
        last = source.name();
        count++;
        if (hashes != null) {
            addHash(hash(source.name()));
        }
    }

    void addAll(SourceLog later) {
        if (hashes == null) {
            hashes = new long[64];
            for (String name : names()) {
                addHash(hash(name));
            }
        }
        records.appendAll(later.records);
        ascending = ascending && later.ascending && (last == null || later.first == null || later.first.compareTo(last) > 0);
        first = first == null ? later.first : first;
        last = later.last == null ? last : later.last;
        count += later.count;
        for (String name : later.names()) {
            addHash(hash(name));
        }
    }

    int count() {
        return count;
    }

    /** A page name both logs hold, or null: found by hash, then checked by name. */
    String firstSharedName(SourceLog later) {
        if (hashes == null) {
            // the first merge into this log: its names are hashed once, and kept up to date from here on
            hashes = new long[64];
            for (String name : names()) {
                addHash(hash(name));
            }
        }
        Set<String> names = null;
        for (String name : later.names()) {
            if (holdsHash(hash(name))) {
                names = names == null ? new HashSet<>(names()) : names;
                if (names.contains(name)) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The names in the order they came. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        try {
            forEach(source -> names.add(source.name()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return names;
    }

    /** Visits the pages by name in sorted order, each name once (its last record, as a map keyed by name keeps). */
    void forEachSorted(ConceptMap.Visitor<ConceptMap.Source> visitor) throws IOException {
        if (ascending) {
            forEach(visitor);
            return;
        }
        // out of order (inputs named so by hand): sorted in memory
        Map<String, ConceptMap.Source> sorted = new TreeMap<>();
        forEach(source -> sorted.put(source.name(), source));
        for (ConceptMap.Source source : sorted.values()) {
            visitor.visit(source);
        }
    }

    private void forEach(ConceptMap.Visitor<ConceptMap.Source> visitor) throws IOException {
        try (DataInputStream in = records.read()) {
            for (int i = 0; i < count; i++) {
                String name = SpillStore.readString(in);
                String sha256 = SpillStore.readString(in);
                String format = SpillStore.readString(in);
                visitor.visit(new ConceptMap.Source(name, sha256, format, new Ledger(in.readInt(), in.readInt(), in.readInt(), in.readInt())));
            }
        }
    }

    /** A 64-bit hash of a name (FNV-1a over its chars), never 0. */
    private static long hash(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash == 0 ? 1 : hash;
    }

    private void addHash(long hash) {
        if (2 * (hashed + 1) > hashes.length) {
            long[] old = hashes;
            hashes = new long[old.length * 2];
            hashed = 0;
            for (long kept : old) {
                if (kept != 0) {
                    insert(kept);
                }
            }
        }
        insert(hash);
    }

    private void insert(long hash) {
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ hash >>> 32) & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == hash) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        hashed++;
    }

    private boolean holdsHash(long hash) {
        if (hashes == null) {
            return false;
        }
        int mask = hashes.length - 1;
        for (int slot = (int) (hash ^ hash >>> 32) & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash) {
                return true;
            }
        }
        return false;
    }
}
