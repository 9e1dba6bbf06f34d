package org.threadcoder.spark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job's files on the output's file system: the partitions' folders merged into one run's files, and those moved
 * into the output folder. What the partitions wrote decides what is merged, so a table added to {@code run}'s
 * {@link org.threadcoder.output.DatasetWriter} is merged without a change here: a CSV table (a {@code .csv} file at
 * the top of every partition's folder) becomes one file, its header once and the partitions' rows after it in
 * partition order, which is input order; any other file (an extracted text under {@code sources/}) belongs to one
 * page, so to one partition, and is moved as it is.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /** The file system of {@code path}; for local paths the raw one, so no {@code .crc} files appear beside the outputs. */
    static FileSystem fileSystem(Path path, Configuration configuration) throws IOException {
        FileSystem fileSystem = path.getFileSystem(configuration);
        return fileSystem instanceof LocalFileSystem local ? local.getRaw() : fileSystem;
    }

    static FileSystem localFileSystem(Configuration configuration) throws IOException {
        return FileSystem.getLocal(configuration).getRaw();
    }

    /** Merges the partitions' folders, in order, into {@code merged}. */
    static void mergeParts(FileSystem fileSystem, List<Path> parts, Path merged) throws IOException {
        List<Map<String, Path>> files = new ArrayList<>();
        for (Path part : parts) {
            files.add(filesUnder(fileSystem, part));
        }
        List<String> tables = files.get(0).keySet().stream().filter(OutputFolder::isTable).toList();
        for (int i = 0; i < parts.size(); i++) {
            List<String> partTables = files.get(i).keySet().stream().filter(OutputFolder::isTable).toList();
            if (!partTables.equals(tables)) {
                throw new IllegalStateException("partition folder " + parts.get(i) + " holds the tables " + partTables + ", the first holds " + tables);
            }
        }
        for (String table : tables) {
            List<Path> pieces = files.stream().map(part -> part.get(table)).toList();
            concatenate(fileSystem, pieces, new Path(merged, table));
        }
        for (Map<String, Path> part : files) {
            for (Map.Entry<String, Path> file : part.entrySet()) {
                if (isTable(file.getKey())) {
                    continue;
                }
                Path target = new Path(merged, file.getKey());
                if (fileSystem.exists(target)) {
                    throw new IllegalStateException("cannot merge " + file.getKey() + ": written by several partitions and not a CSV table");
                }
                fileSystem.mkdirs(target.getParent());
                move(fileSystem, file.getValue(), target);
            }
        }
    }

    /** Copies every file of a local folder (the driver's aggregate files) into {@code target}. */
    static void copyIn(java.nio.file.Path local, FileSystem fileSystem, Path target, Configuration configuration) throws IOException {
        FileSystem localFileSystem = localFileSystem(configuration);
        for (Map.Entry<String, Path> file : filesUnder(localFileSystem, new Path(local.toUri())).entrySet()) {
            FileUtil.copy(localFileSystem, file.getValue(), fileSystem, new Path(target, file.getKey()), false, configuration);
        }
    }

    /**
     * Moves every file under {@code merged} to the same place under {@code out}, each replacing the file there: a
     * reader sees the old file or the whole new one (a rename; on HDFS, which renames onto no existing file, the old
     * one is deleted just before).
     */
    static void moveInto(FileSystem fileSystem, Path merged, Path out) throws IOException {
        for (Map.Entry<String, Path> file : filesUnder(fileSystem, merged).entrySet()) {
            Path target = new Path(out, file.getKey());
            fileSystem.mkdirs(target.getParent());
            move(fileSystem, file.getValue(), target);
        }
    }

    private static boolean isTable(String relative) {
        return !relative.contains("/") && relative.endsWith(".csv");
    }

    /** The files under a folder by their path relative to it, in sorted order. */
    private static Map<String, Path> filesUnder(FileSystem fileSystem, Path folder) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        collect(fileSystem, folder, "", files);
        return new LinkedHashMap<>(files);
    }

    private static void collect(FileSystem fileSystem, Path folder, String prefix, Map<String, Path> files) throws IOException {
        for (FileStatus entry : fileSystem.listStatus(folder)) {
            String name = prefix + entry.getPath().getName();
            if (entry.isDirectory()) {
                collect(fileSystem, entry.getPath(), name + "/", files);
            } else {
                files.put(name, entry.getPath());
            }
        }
    }

    /** Writes the pieces of one table as one file: the first piece whole, then each other's rows after its header. */
    private static void concatenate(FileSystem fileSystem, List<Path> pieces, Path target) throws IOException {
        fileSystem.mkdirs(target.getParent());
        try (OutputStream out = fileSystem.create(target, true)) {
            byte[] header = null;
            for (Path piece : pieces) {
                try (InputStream in = new BufferedInputStream(fileSystem.open(piece))) {
                    if (header == null) {
                        header = firstLine(in);
                        out.write(header);
                    } else if (!Arrays.equals(in.readNBytes(header.length), header)) {
                        throw new IllegalStateException(piece + " does not start with the header of " + pieces.get(0));
                    }
                    in.transferTo(out);
                }
            }
        }
    }

    /** The header row with its line end: column names hold no line break. */
    private static byte[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next >= 0; next = in.read()) {
            line.write(next);
            if (next == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    private static void move(FileSystem fileSystem, Path from, Path to) throws IOException {
        if (fileSystem.rename(from, to)) {
            return;
        }
        if (fileSystem.exists(to) && fileSystem.delete(to, false) && fileSystem.rename(from, to)) {
            return;
        }
        throw new IOException("cannot move " + from + " to " + to);
    }
}
