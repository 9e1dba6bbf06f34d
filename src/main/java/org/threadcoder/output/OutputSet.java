package org.threadcoder.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.threadcoder.InputException;

/**
 * An output folder replaced as a whole: every file a command writes goes into a staging folder
 * beside the target ({@code .<name>.staging-<pid>-<n>}), and only {@link #commit()} moves it into
 * place, so the target holds the previous complete set or the new one, never a mix.
 *
 * <p>POSIX cannot swap two folders in one step, so the commit is three renames, each atomic: the
 * finished staging folder becomes {@code .<name>.ready-…} (the mark that it is complete), the
 * previous set becomes {@code .<name>.old-…}, the ready folder becomes the target; then the old
 * set is deleted. A process stopped between two renames leaves names that say how far it got,
 * and the next command on that folder finishes or undoes the swap ({@link StaleOutputs}). The
 * process id in the names tells a stopped run's folders from those of a run still going.
 *
 * <p>Closing without committing deletes the staging folder; so does a shutdown hook when the JVM
 * is stopped (SIGTERM, Ctrl-C). Files are created through {@link AtomicFile}, which asks
 * {@link #guard} first, so no file is created once that hook has run.
 */
public final class OutputSet implements Closeable {
    /** Files that make a folder a run's or an evaluation's, which a new set may replace. */
    private static final List<String> REPLACE_MARKS = List.of("concept-map.json", "eval.json");
    /** An update keeps every file, so any file a run writes marks the folder (a run's folder missing its map is still one). */
    private static final List<String> UPDATE_MARKS = List.of("concept-map.json", "eval.json", "sentences.csv", "mentions.csv",
            "threads.csv", "report.html");

    /** Taken around every file creation and by the shutdown hook, so the hook never races a writer. */
    private static final Object LOCK = new Object();
    private static final Set<OutputSet> OPEN = new LinkedHashSet<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static boolean hookInstalled;
    private static boolean stopping;

    private enum State { WRITING, COMMITTED, DISCARDED }

    private final Path target;
    private final Path staging;
    private final List<String> repairs;
    private State state = State.WRITING;
    private Path oldSet;

    private OutputSet(Path target, Path staging, List<String> repairs) {
        this.target = target;
        this.staging = staging;
        this.repairs = List.copyOf(repairs);
    }

    /** A set that will replace {@code out} with only what is written into {@link #folder()}. */
    public static OutputSet replace(Path out) throws IOException, InputException {
        return open(out, false);
    }

    /** A set that starts as a copy of {@code out} (hard links where the file system has them): for rewriting one file of it. */
    public static OutputSet update(Path out) throws IOException, InputException {
        return open(out, true);
    }

    private static OutputSet open(Path out, boolean seed) throws IOException, InputException {
        Path target = target(out);
        Files.createDirectories(target.getParent());
        List<String> repairs = new ArrayList<>(StaleOutputs.repair(target));
        requireReplaceable(out, target, seed ? UPDATE_MARKS : REPLACE_MARKS);
        repairs.addAll(StaleOutputs.removeOldTemporaries(target));
        Path staging = target.resolveSibling(StaleOutputs.name(target, StaleOutputs.STAGING, ProcessHandle.current().pid(),
                COUNTER.incrementAndGet()));
        OutputSet set = new OutputSet(target, staging, repairs);
        synchronized (LOCK) {
            if (stopping) {
                throw new IOException("the JVM is shutting down");
            }
            installHook();
            Files.createDirectory(staging);
            OPEN.add(set);
        }
        try {
            if (seed && Files.isDirectory(target)) {
                copyTree(target, staging);
            }
        } catch (IOException | RuntimeException failed) {
            set.close();
            throw failed;
        }
        return set;
    }

    /**
     * The real folder {@code out} names: absolute, and a symbolic link's target (the set replaces
     * the folder the link points to, and the link stays).
     */
    static Path target(Path out) throws IOException {
        Path absolute = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            absolute = absolute.toRealPath();
        }
        if (absolute.getParent() == null || absolute.getFileName() == null) {
            throw new IOException(out + " has no parent folder to stage outputs in");
        }
        return absolute;
    }

    /**
     * Refuses a folder that holds files threadcoder did not write: the set replaces the whole
     * folder, which must not cost a user's own files. Usable: missing, empty, or the output of a
     * run or an evaluation.
     */
    public static void requireReplaceable(Path out) throws IOException, InputException {
        requireReplaceable(out, target(out), REPLACE_MARKS);
    }

    private static void requireReplaceable(Path out, Path target, List<String> marks) throws IOException, InputException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new InputException(out.toString(), "is a file; the output must be a folder");
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(target)) {
            empty = entries.allMatch(OutputSet::isPlaceholder);
        }
        if (!empty && marks.stream().noneMatch(mark -> Files.exists(target.resolve(mark)))) {
            throw new InputException(out.toString(), "holds files that threadcoder did not write (no concept-map.json or eval.json); "
                    + "outputs replace the whole folder, so give a new or empty one");
        }
    }

    /**
     * Whether an entry is a placeholder that keeps an empty folder in version control ({@code .gitkeep},
     * {@code .keep}): an empty regular file with a hidden name. It holds nothing of a user's, so it does not
     * make a folder foreign, and a new set keeps it, so a checkout's {@code out/} stays as committed.
     */
    static boolean isPlaceholder(Path entry) {
        try {
            return entry.getFileName().toString().startsWith(".") && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(entry) == 0;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Copies the target's placeholders into the staging folder, where the command wrote none of that name. */
    private void keepPlaceholders() throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            for (Path placeholder : (Iterable<Path>) entries.filter(OutputSet::isPlaceholder)::iterator) {
                Path copy = staging.resolve(placeholder.getFileName().toString());
                if (!Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createFile(copy);
                }
            }
        }
    }

    /** Whether a folder beside an output folder belongs to a set this JVM has open. */
    static boolean isOpen(Path folder) {
        synchronized (LOCK) {
            for (OutputSet set : OPEN) {
                if (set.staging.equals(folder) || set.sibling(StaleOutputs.READY).equals(folder) || folder.equals(set.oldSet)
                        || set.sibling(StaleOutputs.OLD).equals(folder)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The folder to write into. */
    public Path folder() {
        return staging;
    }

    /** What was repaired before this set opened: leftovers of stopped runs, one sentence each. */
    public List<String> repairs() {
        return repairs;
    }

    /** Moves the written set into place; the previous set, if any, is deleted. */
    public void commit() throws IOException {
        Path ready = sibling(StaleOutputs.READY);
        Path old = sibling(StaleOutputs.OLD);
        synchronized (LOCK) {
            if (state != State.WRITING || stopping) {
                throw new IOException("output set for " + target + " is " + (stopping ? "stopping" : state.name().toLowerCase(java.util.Locale.ROOT)));
            }
            keepPlaceholders();
            move(staging, ready);
            boolean hadPrevious = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            try {
                if (hadPrevious) {
                    move(target, old);
                }
                try {
                    move(ready, target);
                } catch (IOException failed) {
                    if (hadPrevious) {
                        move(old, target);
                    }
                    throw failed;
                }
            } catch (IOException failed) {
                move(ready, staging);
                throw failed;
            }
            state = State.COMMITTED;
            oldSet = hadPrevious ? old : null;
        }
        try {
            if (oldSet != null) {
                deleteTree(oldSet);
            }
        } catch (IOException leftOver) {
            // the new set is in place; the next command on this folder removes what is left of the old one
        } finally {
            synchronized (LOCK) {
                OPEN.remove(this);
            }
        }
    }

    /** Deletes the staging folder unless the set was committed. */
    @Override
    public void close() throws IOException {
        synchronized (LOCK) {
            if (state != State.WRITING) {
                return;
            }
            state = State.DISCARDED;
            OPEN.remove(this);
        }
        deleteTree(staging);
    }

    private Path sibling(String kind) {
        String name = staging.getFileName().toString();
        return staging.resolveSibling(name.replace("." + StaleOutputs.STAGING + "-", "." + kind + "-"));
    }

    /**
     * Runs a file creation unless the JVM is stopping: {@link AtomicFile} creates every output
     * file through here, so the shutdown hook's cleanup is never undone by a writer still running.
     */
    static <T> T guard(Creation<T> creation) throws IOException {
        synchronized (LOCK) {
            if (stopping) {
                throw new IOException("stopped: no more files are written");
            }
            return creation.run();
        }
    }

    /** A file-system step that may fail. */
    interface Creation<T> {
        T run() throws IOException;
    }

    private static void installHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new java.lang.Thread(OutputSet::stopAll, "threadcoder-output-cleanup"));
        }
    }

    /** On SIGTERM: removes every unfinished staging folder and the previous sets not yet deleted. */
    private static void stopAll() {
        synchronized (LOCK) {
            stopping = true;
            for (OutputSet set : new ArrayList<>(OPEN)) {
                try {
                    if (set.state == State.WRITING) {
                        set.state = State.DISCARDED;
                        deleteTree(set.staging);
                        deleteTree(set.sibling(StaleOutputs.READY));
                    } else if (set.oldSet != null) {
                        deleteTree(set.oldSet);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the next command on this folder removes what is left, and says so
                }
            }
            OPEN.clear();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to);
        }
    }

    /** Copies a folder as hard links (a plain copy where links are not supported); files are replaced, never written in place. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (source.equals(from)) {
                    continue;
                }
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(copy);
                } else {
                    try {
                        Files.createLink(copy, source);
                    } catch (UnsupportedOperationException | FileSystemException noLinks) {
                        Files.copy(source, copy, LinkOption.NOFOLLOW_LINKS);
                    }
                }
            }
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. Retried because a stopping writer may still add a file. */
    static void deleteTree(Path folder) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path entry : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(entry);
                }
                return;
            } catch (IOException | java.io.UncheckedIOException raced) {
                last = raced instanceof IOException io ? io : ((java.io.UncheckedIOException) raced).getCause();
            }
        }
        throw last;
    }
}
