package org.threadcoder.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records written one after another and read back in the same order, kept in memory up to a
 * bound and past it in a temporary file, so an aggregate over any number of pages holds the same
 * memory. The file is deleted once the store is no longer reachable. Serializable with its records
 * (a Spark partition's aggregate travels to the driver whole). Not thread-safe.
 */
final class SpillStore implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * Bytes kept in memory before they go to the file. Small, because a map holds a store per concept and each keeps
     * its buffer once grown (to twice the bound): at 1 MB the heap left after a young collection was 51 MB at the end
     * of 100 MB of pages and 164 MB at the end of 1 GB, at 64 KB 35 and 111 MB, the same bytes written.
     */
    private static final int MEMORY_BYTES = 1 << 16;
    private static final Cleaner CLEANER = Cleaner.create();

    private final int memoryBytes;
    private transient ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private transient DataOutputStream out = new DataOutputStream(memory);
    private transient Spill spill;

    SpillStore() {
        this(MEMORY_BYTES);
    }

    /** A store that keeps {@code memoryBytes} in memory before it spills (small in tests). */
    SpillStore(int memoryBytes) {
        if (memoryBytes < 1) {
            throw new IllegalArgumentException("a store keeps at least one byte in memory, got " + memoryBytes);
        }
        this.memoryBytes = memoryBytes;
    }

    /** The file the store spilled to, deleted when the store is collected. */
    private static final class Spill implements Runnable {
        final Path file;
        final OutputStream stream;

        Spill(Path file, OutputStream stream) {
            this.file = file;
            this.stream = stream;
        }

        @Override
        public void run() {
            try {
                stream.close();
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is deleted at exit (deleteOnExit) or by the system
            }
        }
    }

    /** Where a record is written; call {@link #endRecord()} after each. */
    DataOutputStream writer() {
        return out;
    }

    /** Moves what memory holds to the file once it passes the bound. */
    void endRecord() {
        if (memory.size() >= memoryBytes) {
            try {
                spillMemory();
            } catch (IOException full) {
                throw new UncheckedIOException("cannot write the run's aggregate to a temporary file", full);
            }
        }
    }

    private void spillMemory() throws IOException {
        if (spill == null) {
            Path file = Files.createTempFile("threadcoder-aggregate", ".bin");
            file.toFile().deleteOnExit();
            spill = new Spill(file, new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            CLEANER.register(this, spill);
        }
        memory.writeTo(spill.stream);
        memory.reset();
    }

    /** Every record written so far, from the first. */
    DataInputStream read() {
        try {
            InputStream tail = new ByteArrayInputStream(memory.toByteArray());
            if (spill == null) {
                return new DataInputStream(tail);
            }
            spill.stream.flush();
            InputStream spilled = new BufferedInputStream(Files.newInputStream(spill.file), 1 << 16);
            return new DataInputStream(new java.io.SequenceInputStream(spilled, tail));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the run's aggregate from its temporary file", unreadable);
        }
    }

    /** Appends every record of another store after this one's. */
    void appendAll(SpillStore other) {
        try (InputStream records = other.read()) {
            byte[] buffer = new byte[1 << 16];
            for (int read = records.read(buffer); read >= 0; read = records.read(buffer)) {
                out.write(buffer, 0, read);
                endRecord();
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot copy the aggregate of another part", unreadable);
        }
    }

    private void writeObject(ObjectOutputStream stream) throws IOException {
        stream.defaultWriteObject();
        try (InputStream records = read()) {
            byte[] buffer = new byte[1 << 16];
            for (int read = records.read(buffer); read >= 0; read = records.read(buffer)) {
                stream.writeInt(read);
                stream.write(buffer, 0, read);
            }
        }
        stream.writeInt(-1);
    }

    private void readObject(ObjectInputStream stream) throws IOException, ClassNotFoundException {
        stream.defaultReadObject();
        memory = new ByteArrayOutputStream();
        out = new DataOutputStream(memory);
        byte[] buffer = new byte[1 << 16];
        for (int length = stream.readInt(); length >= 0; length = stream.readInt()) {
            byte[] chunk = length <= buffer.length ? buffer : new byte[length];
            stream.readFully(chunk, 0, length);
            out.write(chunk, 0, length);
            endRecord();
        }
    }

    /** Writes a string that may be null, exactly (every char, a lone surrogate too): ASCII as bytes, anything else as UTF-16. */
    static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            out.writeInt(text.length());
            // one write, not a locked one-byte write a char (writeBytes)
            out.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } else {
            out.writeInt(-2 - text.length());
            out.writeChars(text);
        }
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length >= 0) {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[-2 - length];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = in.readChar();
        }
        return new String(chars);
    }
}
