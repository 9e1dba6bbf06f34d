package org.threadcoder.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a temporary name beside its target and renamed over it only by
 * {@link #commit()}: readers see the old file or the whole new one, never a half-written one.
 * Closing without committing deletes the temporary file. Inside an {@link OutputSet} the whole
 * folder is staged as well; files are created through {@link OutputSet#guard} so that none is
 * created once the JVM is stopping.
 */
public final class AtomicFile implements Closeable {
    private final Path target;
    private final Path temporary;
    private final BufferedWriter writer;
    private boolean done;

    public AtomicFile(Path target) throws IOException {
        this.target = target;
        Path folder = target.toAbsolutePath().getParent();
        // a fixed name beside the target: a run that died leaves at most one stale file, which the next run overwrites
        this.temporary = folder.resolve("." + target.getFileName() + ".tmp");
        this.writer = OutputSet.guard(() -> {
            Files.createDirectories(folder);
            return Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        });
    }

    /** Writes bytes (a zip, say) to {@code target} the same way: a temporary file beside it, renamed over it when whole. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = folder.resolve("." + target.getFileName() + ".tmp");
        try {
            OutputSet.guard(() -> {
                Files.createDirectories(folder);
                Files.write(temporary, bytes);
                move(temporary, target);
                return target;
            });
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public Writer writer() {
        return writer;
    }

    public Path target() {
        return target;
    }

    /** Flushes and moves the file into place. */
    public void commit() throws IOException {
        writer.close();
        OutputSet.guard(() -> {
            Files.createDirectories(target.toAbsolutePath().getParent());
            move(temporary, target);
            return target;
        });
        done = true;
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
