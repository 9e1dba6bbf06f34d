package org.threadcoder.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
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
import org.threadcoder.Pipeline;

/**
 * The job's inputs, listed on the driver from any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:})
 * by the rules of {@link org.threadcoder.Inputs}: files as they are, folders walked in sorted order with hidden
 * files skipped, each file named by its path relative to the folder given (a name already taken keeps the path
 * as given), so the sources, and with them every id and every row's order, are those of {@code threadcoder run}.
 */
final class HadoopInputs {

    /** One input file: where it is, and the name the outputs give it. */
    record InputFile(String location, String source) implements Serializable {
    }

    /** The files found and the paths that could not be used. */
    record Listing(List<InputFile> inputs, List<Pipeline.Failure> failures) {
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

    static Listing list(List<String> paths, Configuration configuration) {
        List<InputFile> inputs = new ArrayList<>();
        List<Pipeline.Failure> failures = new ArrayList<>();
        Set<String> names = new HashSet<>();
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
                    walk(fileSystem, status.getPath(), "", relative);
                    relative.sort(PATH_ORDER);
                    for (String name : relative) {
                        Path file = new Path(path, name);
                        add(inputs, names, fileSystem.makeQualified(file).toString(), name, file.toString());
                    }
                } else {
                    add(inputs, names, fileSystem.makeQualified(path).toString(), path.getName(), path.toString());
                }
            } catch (IOException unreadable) {
                failures.add(new Pipeline.Failure(given, "cannot read folder: " + unreadable.getMessage()));
            }
        }
        return new Listing(inputs, failures);
    }

    /** Collects the regular files under {@code folder} as paths relative to the folder given, hidden files and folders left out. */
    private static void walk(FileSystem fileSystem, Path folder, String prefix, List<String> relative) throws IOException {
        for (FileStatus entry : fileSystem.listStatus(folder)) {
            String name = entry.getPath().getName();
            if (name.startsWith(".")) {
                continue;
            }
            if (entry.isDirectory()) {
                walk(fileSystem, entry.getPath(), prefix + name + "/", relative);
            } else if (entry.isFile()) {
                relative.add(prefix + name);
            }
        }
    }

    private static void add(List<InputFile> inputs, Set<String> names, String location, String name, String asGiven) {
        String source = names.add(name) ? name : asGiven;
        names.add(source);
        inputs.add(new InputFile(location, source));
    }
}
