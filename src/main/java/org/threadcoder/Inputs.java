package org.threadcoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the paths a user gives into input files: files as they are, folders walked in sorted
 * order (hidden files skipped). Each input gets a source name: the file name, or the path relative
 * to the folder given; a name already taken keeps the path as given.
 */
public final class Inputs {

    /** The inputs found and the paths that could not be used. */
    public record Expansion(List<Pipeline.Input> inputs, List<Pipeline.Failure> failures) {
    }

    private Inputs() {
    }

    public static Expansion expand(List<Path> paths) {
        List<Pipeline.Input> inputs = new ArrayList<>();
        List<Pipeline.Failure> failures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path file : walk.filter(Files::isRegularFile).filter(file -> !isHidden(path, file)).sorted().toList()) {
                        add(inputs, names, file, path.relativize(file).toString().replace('\\', '/'));
                    }
                } catch (IOException unreadable) {
                    failures.add(new Pipeline.Failure(path.toString(), "cannot read folder: " + unreadable.getMessage()));
                }
            } else if (Files.exists(path)) {
                add(inputs, names, path, path.getFileName().toString());
            } else {
                failures.add(new Pipeline.Failure(path.toString(), "no such file or folder"));
            }
        }
        return new Expansion(inputs, failures);
    }

    private static void add(List<Pipeline.Input> inputs, Set<String> names, Path file, String name) {
        String source = names.add(name) ? name : file.toString().replace('\\', '/');
        names.add(source);
        inputs.add(new Pipeline.Input(file, source));
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
