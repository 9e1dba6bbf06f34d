package org.threadcoder;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the paths a user gives into input files: files as they are, folders walked in sorted
 * order (hidden files and folders skipped, symbolic links followed). What cannot be read (a locked
 * folder, a symbolic link loop, a dangling link) is named with its reason and the walk goes on.
 * The output folder is skipped when it lies inside an input folder, so a run never reads its own
 * outputs.
 *
 * <p>Each input gets a source name, always relative: the file name of a file given, the path below
 * the folder given for a file found in it. Inputs whose names would clash (two {@code page.txt} in
 * different folders) are named by their paths below the folder all the inputs share.
 */
public final class Inputs {

    /** The inputs found, the paths that could not be used, and notes on what was skipped. */
    public record Expansion(List<Pipeline.Input> inputs, List<Pipeline.Failure> failures, List<String> warnings) {
        public Expansion {
            // the packed list of a walk is unmodifiable already, and a copy would make every path object at once
            inputs = inputs instanceof java.util.RandomAccess && inputs.getClass().getEnclosingClass() == PackedFiles.class ? inputs
                    : List.copyOf(inputs);
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    private Inputs() {
    }

    public static Expansion expand(List<Path> paths) {
        return expand(paths, null);
    }

    /** Expands {@code paths}, skipping the folder {@code out} (may be null) where a walk meets it. */
    public static Expansion expand(List<Path> paths, Path out) {
        PackedFiles found = new PackedFiles();
        int[][] order = {new int[16]};
        List<Pipeline.Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path outFolder = realOrNull(out);
        for (Path path : paths) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                failures.add(new Pipeline.Failure(path.toString(), "no such file or folder"));
            } else if (!Files.exists(path)) {
                failures.add(new Pipeline.Failure(path.toString(), danglingReason(path)));
            } else if (Files.isDirectory(path)) {
                int from = found.size();
                walk(path, outFolder, found, failures, warnings);
                order[0] = sequence(order[0], from, found.size());
                found.sortFrom(from, order[0]);
            } else if (Files.isRegularFile(path)) {
                found.add(path, path.getFileName().toString(), null, realOrNull(path));
                order[0] = sequence(order[0], found.size() - 1, found.size());
            } else {
                failures.add(new Pipeline.Failure(path.toString(), "not a regular file"));
            }
        }
        return new Expansion(name(found, order[0], warnings), failures, warnings);
    }

    /** The order array holding {@code from..to-1} at those places (grown as needed). */
    private static int[] sequence(int[] order, int from, int to) {
        int[] grown = to > order.length ? java.util.Arrays.copyOf(order, Math.max(to, 2 * order.length)) : order;
        for (int i = from; i < to; i++) {
            grown[i] = i;
        }
        return grown;
    }

    private static void walk(Path root, Path outFolder, PackedFiles found, List<Pipeline.Failure> failures, List<String> warnings) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new Visitor(root, outFolder, found, failures, warnings));
        } catch (IOException unreadable) {
            failures.add(new Pipeline.Failure(root.toString(), "cannot read folder: " + reason(unreadable)));
        }
    }

    /** Records files and names every path it cannot use; never stops the walk. */
    static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Path outFolder;
        private final PackedFiles found;
        private final List<Pipeline.Failure> failures;
        private final List<String> warnings;

        Visitor(Path root, Path outFolder, PackedFiles found, List<Pipeline.Failure> failures, List<String> warnings) {
            this.root = root;
            this.outFolder = outFolder;
            this.found = found;
            this.failures = failures;
            this.warnings = warnings;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
            if (!folder.equals(root) && isHidden(folder)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (outFolder != null && outFolder.equals(realOrNull(folder))) {
                warnings.add(folder + ": the output folder, not read as input");
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (isHidden(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (attributes.isSymbolicLink()) {
                // links are followed, so a link's own attributes mean its target could not be read
                failures.add(new Pipeline.Failure(file.toString(), danglingReason(file)));
            } else if (attributes.isRegularFile()) {
                found.add(file, root.relativize(file).toString().replace('\\', '/'), root, realOrNull(file));
            } else if (!attributes.isDirectory()) {
                failures.add(new Pipeline.Failure(file.toString(), "not a regular file"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
            if (isHidden(file) && !file.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            if (failure instanceof FileSystemLoopException) {
                failures.add(new Pipeline.Failure(file.toString(), "symbolic link loop (it leads back to a folder above it), not followed"));
            } else {
                failures.add(new Pipeline.Failure(file.toString(), "cannot read: " + reason(failure)));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path folder, IOException failure) {
            if (failure != null) {
                failures.add(new Pipeline.Failure(folder.toString(), "cannot read folder: " + reason(failure)));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    /** Gives each file its source name ({@link #sourceNames}); a file given twice is read once. */
    private static List<Pipeline.Input> name(PackedFiles found, int[] order, List<String> warnings) {
        int[] unique = new int[found.size()];
        int count = 0;
        RealPaths seen = new RealPaths(found.size());
        for (int k = 0; k < found.size(); k++) {
            int file = order[k];
            if (found.hasReal(file) && !seen.add(found.realHigh(file), found.realLow(file))) {
                warnings.add(found.file(file) + ": given twice, read once");
            } else {
                unique[count++] = file;
            }
        }
        found.dropRealPaths();
        int kept = count;
        if (namesDiffer(found, unique, kept)) {
            // the usual case, one folder walked: no name strings for every file, which would outlive young collections
            return found.inputs(unique, kept);
        }
        List<String> names = sourceNames(indexed(kept, k -> absolute(found.file(unique[k]))), indexed(kept, k -> found.name(unique[k])));
        return found.inputs(unique, kept, names);
    }

    /** Whether the files' names all differ, by their hashes (a shared hash means a clash may be there). */
    private static boolean namesDiffer(PackedFiles found, int[] files, int count) {
        long[] hashes = new long[count];
        for (int k = 0; k < count; k++) {
            hashes[k] = found.nameHash(files[k]);
        }
        java.util.Arrays.sort(hashes);
        for (int k = 1; k < count; k++) {
            if (hashes[k] == hashes[k - 1]) {
                return false;
            }
        }
        return true;
    }

    /** A list whose elements are made when asked for: a million paths need not all exist at once. */
    private static <T> List<T> indexed(int size, java.util.function.IntFunction<T> element) {
        return new java.util.AbstractList<>() {
            @Override
            public T get(int index) {
                return element.apply(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** A set of real paths by their 128-bit hash (two independent 64-bit ones): a million files in 16 to 32 MB, while the inputs are named. */
    private static final class RealPaths {
        private long[] slots;
        private int held;

        RealPaths(int expected) {
            // at most about two thirds full: linear probing stays short
            int capacity = Integer.highestOneBit(Math.max(16, 3 * expected));
            slots = new long[2 * capacity];
        }

        /** Adds a hash; false when it was there. */
        boolean add(long high, long low) {
            int capacity = slots.length / 2;
            int slot = (int) (high ^ high >>> 32 ^ low) & capacity - 1;
            while (slots[2 * slot] != 0 || slots[2 * slot + 1] != 0) {
                if (slots[2 * slot] == high && slots[2 * slot + 1] == low) {
                    return false;
                }
                slot = (slot + 1) & capacity - 1;
            }
            slots[2 * slot] = high;
            slots[2 * slot + 1] = low;
            held++;
            return true;
        }
    }

    /**
     * The source names of distinct files: each its name, unless more than one file claims it; then those files are
     * named by their paths below the folder all the files share, until no two share a name. Shared with the Spark
     * job, which lists files on other file systems by these rules.
     *
     * @param files absolute, normalized paths of the files, in input order
     * @param names the name each file gets when no other claims it
     */
    public static List<String> sourceNames(List<Path> files, List<String> names) {
        if (files.size() != names.size()) {
            throw new IllegalArgumentException(files.size() + " files but " + names.size() + " names");
        }
        Path common = commonFolder(files);
        String[] result = names.toArray(String[]::new);
        boolean[] qualified = new boolean[result.length];
        int[] byName = new int[result.length];
        boolean clash = true;
        while (clash) {
            clash = false;
            // names side by side in sorted order: the files sharing one stand together
            for (int i = 0; i < byName.length; i++) {
                byName[i] = i;
            }
            Indexes.sort(byName, 0, byName.length, (a, b) -> result[a].compareTo(result[b]));
            List<Integer> sharing = new ArrayList<>();
            for (int k = 0; k < byName.length; k++) {
                sharing.add(byName[k]);
                if (k + 1 < byName.length && result[byName[k + 1]].equals(result[byName[k]])) {
                    continue;
                }
                if (sharing.size() >= 2) {
                    for (int i : sharing) {
                        if (!qualified[i]) {
                            qualified[i] = true;
                            result[i] = common.relativize(files.get(i)).toString().replace('\\', '/');
                            clash = true;
                        }
                    }
                }
                sharing.clear();
            }
        }
        return List.of(result);
    }

    /** The deepest folder holding every file. */
    private static Path commonFolder(List<Path> files) {
        Path common = null;
        for (Path file : files) {
            Path folder = file.getParent();
            if (common == null) {
                common = folder;
            }
            while (!folder.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static Path realOrNull(Path path) {
        if (path == null) {
            return null;
        }
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException unreachable) {
            return null;
        }
    }

    private static String danglingReason(Path link) {
        try {
            return "dangling symbolic link (its target " + Files.readSymbolicLink(link) + " does not exist)";
        } catch (IOException | UnsupportedOperationException unreadable) {
            return "dangling symbolic link (its target does not exist)";
        }
    }

    /** A file-system failure in a few words, without the absolute path Java puts in its messages. */
    static String reason(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        String reason = failure instanceof java.nio.file.FileSystemException system && system.getReason() != null
                ? system.getReason() : failure.getMessage();
        return reason == null ? failure.getClass().getSimpleName() : reason;
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
