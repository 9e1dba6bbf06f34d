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
            inputs = List.copyOf(inputs);
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    /** A file found, the name it gets when no other input claims it, and where it really is. */
    record Found(Path file, String name, Path real) {
    }

    private Inputs() {
    }

    public static Expansion expand(List<Path> paths) {
        return expand(paths, null);
    }

    /** Expands {@code paths}, skipping the folder {@code out} (may be null) where a walk meets it. */
    public static Expansion expand(List<Path> paths, Path out) {
        List<Found> found = new ArrayList<>();
        List<Pipeline.Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path outFolder = realOrNull(out);
        for (Path path : paths) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                failures.add(new Pipeline.Failure(path.toString(), "no such file or folder"));
            } else if (!Files.exists(path)) {
                failures.add(new Pipeline.Failure(path.toString(), danglingReason(path)));
            } else if (Files.isDirectory(path)) {
                walk(path, outFolder, found, failures, warnings);
            } else if (Files.isRegularFile(path)) {
                found.add(new Found(path, path.getFileName().toString(), realOrNull(path)));
            } else {
                failures.add(new Pipeline.Failure(path.toString(), "not a regular file"));
            }
        }
        return new Expansion(name(found, warnings), failures, warnings);
    }

    private static void walk(Path root, Path outFolder, List<Found> found, List<Pipeline.Failure> failures, List<String> warnings) {
        List<Found> inFolder = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new Visitor(root, outFolder, inFolder, failures, warnings));
        } catch (IOException unreadable) {
            failures.add(new Pipeline.Failure(root.toString(), "cannot read folder: " + reason(unreadable)));
        }
        inFolder.sort((a, b) -> a.file().compareTo(b.file()));
        found.addAll(inFolder);
    }

    /** Records files and names every path it cannot use; never stops the walk. */
    static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Path outFolder;
        private final List<Found> found;
        private final List<Pipeline.Failure> failures;
        private final List<String> warnings;

        Visitor(Path root, Path outFolder, List<Found> found, List<Pipeline.Failure> failures, List<String> warnings) {
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
                found.add(new Found(file, root.relativize(file).toString().replace('\\', '/'), realOrNull(file)));
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
    private static List<Pipeline.Input> name(List<Found> found, List<String> warnings) {
        List<Found> unique = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Found file : found) {
            if (file.real() != null && !seen.add(file.real())) {
                warnings.add(file.file() + ": given twice, read once");
            } else {
                unique.add(file);
            }
        }
        List<String> names = sourceNames(unique.stream().map(file -> absolute(file.file())).toList(),
                unique.stream().map(Found::name).toList());
        List<Pipeline.Input> inputs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            inputs.add(new Pipeline.Input(unique.get(i).file(), names.get(i)));
        }
        return inputs;
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
        boolean clash = true;
        while (clash) {
            clash = false;
            Map<String, List<Integer>> holders = new LinkedHashMap<>();
            for (int i = 0; i < result.length; i++) {
                holders.computeIfAbsent(result[i], unused -> new ArrayList<>()).add(i);
            }
            for (List<Integer> sharing : holders.values()) {
                if (sharing.size() < 2) {
                    continue;
                }
                for (int i : sharing) {
                    if (!qualified[i]) {
                        qualified[i] = true;
                        result[i] = common.relativize(files.get(i)).toString().replace('\\', '/');
                        clash = true;
                    }
                }
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
