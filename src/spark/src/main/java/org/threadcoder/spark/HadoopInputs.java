package org.threadcoder.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;

/**
 * The job's inputs, listed on the driver from any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:})
 * by the rules of {@link org.threadcoder.Inputs}: files as they are, folders walked in sorted order with hidden
 * files and the output folder skipped, a file given twice read once, each file named by its path relative to the
 * folder given and clashing names by {@link org.threadcoder.Inputs#sourceNames}, so the sources, and with them every
 * id and every row's order, are those of {@code threadcoder run}.
 */
final class HadoopInputs {

    /** One input file: where it is, and the name the outputs give it. */
    record InputFile(String location, String source) implements Serializable {
    }

    /** The files found, the paths that could not be used, and notes on what was skipped. */
    record Listing(List<InputFile> inputs, List<Pipeline.Failure> failures, List<String> warnings) {
    }

    /** A file found: where it is, the name it gets when no other file claims it, the path as the user would write it. */
    private record Found(String location, String name, String asGiven) {
    }

    /**
     * The order {@code Files.walk(...).sorted()} gives on Linux: path bytes compared one by one as unsigned
     * bytes, then by length (Java's Unix paths compare so), not {@link String#compareTo}'s UTF-16 order.
     */
    static final Comparator<String> PATH_ORDER = (left, right) -> {
        byte[] a = left.getBytes(StandardCharsets.UTF_8);
        byte[] b = right.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return (a[i] & 0xff) - (b[i] & 0xff);
            }
        }
        return a.length - b.length;
    };

    private HadoopInputs() {
    }

    /** Lists {@code paths}, skipping the folder {@code out} (a qualified path, may be null) where a walk meets it. */
    static Listing list(List<String> paths, String out, Configuration configuration) {
        List<Found> found = new ArrayList<>();
        List<Pipeline.Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String given : paths) {
            Path path = new Path(given);
            try {
                FileSystem fileSystem = path.getFileSystem(configuration);
                FileStatus status;
                try {
                    status = fileSystem.getFileStatus(path);
                } catch (FileNotFoundException missing) {
                    failures.add(new Pipeline.Failure(given, "no such file or folder"));
                    continue;
                }
                if (status.isDirectory()) {
                    List<String> relative = new ArrayList<>();
                    walk(fileSystem, status.getPath(), "", out, relative, warnings, path);
                    relative.sort(PATH_ORDER);
                    for (String name : relative) {
                        Path file = new Path(path, name);
                        found.add(new Found(fileSystem.makeQualified(file).toString(), name, file.toString()));
                    }
                } else {
                    found.add(new Found(fileSystem.makeQualified(path).toString(), path.getName(), path.toString()));
                }
            } catch (IOException unreadable) {
                failures.add(new Pipeline.Failure(given, "cannot read folder: " + unreadable.getMessage()));
            }
        }
        List<Found> unique = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Found file : found) {
            if (seen.add(file.location())) {
                unique.add(file);
            } else {
                warnings.add(file.asGiven() + ": given twice, read once");
            }
        }
        List<String> names = Inputs.sourceNames(
                unique.stream().map(file -> java.nio.file.Path.of(URI.create(file.location()).getPath())).toList(),
                unique.stream().map(Found::name).toList());
        List<InputFile> inputs = new ArrayList<>();
        for (int i = 0; i < unique.size(); i++) {
            inputs.add(new InputFile(unique.get(i).location(), names.get(i)));
        }
        return new Listing(inputs, failures, warnings);
    }

    /**
     * Collects the regular files under {@code folder} as paths relative to the folder given, hidden files and folders
     * and the output folder left out.
     */
    private static void walk(FileSystem fileSystem, Path folder, String prefix, String out, List<String> relative,
                             List<String> warnings, Path given) throws IOException {
        for (FileStatus entry : fileSystem.listStatus(folder)) {
            String name = entry.getPath().getName();
            if (name.startsWith(".")) {
                continue;
            }
            if (entry.isDirectory()) {
                if (out != null && fileSystem.makeQualified(entry.getPath()).toString().equals(out)) {
                    warnings.add(new Path(given, prefix + name) + ": the output folder, not read as input");
                    continue;
                }
                walk(fileSystem, entry.getPath(), prefix + name + "/", out, relative, warnings, given);
            } else if (entry.isFile()) {
                relative.add(prefix + name);
            }
        }
    }
}
