package org.threadcoder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The files {@link Inputs} found, packed so a million of them take tens of megabytes rather than a
 * gigabyte of path objects: per file the index of its folder in a short table, its file name as
 * bytes in one array, and a 128-bit hash of its real path (to find a file given twice). Paths and
 * names are rebuilt when asked for; a file they would not rebuild exactly is kept as it was.
 */
final class PackedFiles {
    /** A folder files were found in, and the prefix its files' names get ({@code sub/} below the folder walked). */
    private record Folder(Path path, String prefix) {
    }

    private final List<Folder> folders = new ArrayList<>();
    private final Map<Folder, Integer> folderIndex = new HashMap<>();
    private int[] folderOf = new int[256];
    private int[] nameStart = new int[257];
    private byte[] names = new byte[4096];
    private long[] realHashes = new long[512];
    private int size;
    /** The files whose name is not Latin-1, whose path their folder and name do not rebuild, or whose name is not prefix and file name. */
    private final Map<Integer, String> oddFileNames = new HashMap<>();
    private final Map<Integer, Path> oddPaths = new HashMap<>();
    private final Map<Integer, String> oddNames = new HashMap<>();

    /**
     * Adds a file.
     *
     * @param file the path as found
     * @param name the source name it gets when no other file claims it
     * @param root the folder walked to find it, or null for a file given itself
     * @param real its real path, or null when that cannot be resolved
     */
    void add(Path file, String name, Path root, Path real) {
        grow();
        int index = size;
        Path folder = file.getParent();
        Path fileNamePath = file.getFileName();
        String fileName = fileNamePath == null ? "" : fileNamePath.toString();
        String prefix = "";
        if (root != null && folder != null && !folder.equals(root)) {
            prefix = root.relativize(folder).toString().replace('\\', '/') + "/";
        }
        Folder key = new Folder(folder, prefix);
        Integer known = folderIndex.get(key);
        if (known == null) {
            known = folders.size();
            folders.add(key);
            folderIndex.put(key, known);
        }
        folderOf[index] = known;
        int start = nameStart[index];
        boolean latin1 = true;
        for (int i = 0; i < fileName.length() && latin1; i++) {
            latin1 = fileName.charAt(i) < 0x100;
        }
        if (latin1) {
            byte[] bytes = fileName.getBytes(StandardCharsets.ISO_8859_1);
            if (start + bytes.length > names.length) {
                names = Arrays.copyOf(names, Math.max(names.length * 2, start + bytes.length));
            }
            System.arraycopy(bytes, 0, names, start, bytes.length);
            nameStart[index + 1] = start + bytes.length;
        } else {
            nameStart[index + 1] = start;
            oddFileNames.put(index, fileName);
        }
        if (real == null) {
            realHashes[2 * index] = 0;
            realHashes[2 * index + 1] = 0;
        } else {
            String realPath = real.toString();
            realHashes[2 * index] = hash(realPath, 0xcbf29ce484222325L) | 1; // never 0: 0, 0 means no real path
            realHashes[2 * index + 1] = hash(realPath, 0x84222325cbf29ce4L);
        }
        size++;
        if (!rebuild(index).equals(file)) {
            oddPaths.put(index, file);
        }
        if (!(prefix + fileName).equals(name)) {
            oddNames.put(index, name);
        }
    }

    private void grow() {
        if (size + 1 >= folderOf.length) {
            folderOf = Arrays.copyOf(folderOf, folderOf.length * 2);
            nameStart = Arrays.copyOf(nameStart, folderOf.length + 1);
            realHashes = Arrays.copyOf(realHashes, 2 * folderOf.length);
        }
    }

    int size() {
        return size;
    }

    private String fileName(int index) {
        String odd = oddFileNames.get(index);
        return odd != null ? odd : new String(names, nameStart[index], nameStart[index + 1] - nameStart[index], StandardCharsets.ISO_8859_1);
    }

    private Path rebuild(int index) {
        Path folder = folders.get(folderOf[index]).path();
        return folder == null ? Path.of(fileName(index)) : folder.resolve(fileName(index));
    }

    /** The file's path as found. */
    Path file(int index) {
        Path odd = oddPaths.get(index);
        return odd != null ? odd : rebuild(index);
    }

    /** The source name the file gets when no other file claims it. */
    String name(int index) {
        String odd = oddNames.get(index);
        return odd != null ? odd : folders.get(folderOf[index]).prefix() + fileName(index);
    }

    /**
     * A 64-bit hash of {@link #name}, made from the packed bytes without building the string: equal names hash
     * alike, so files whose hashes all differ cannot clash.
     */
    long nameHash(int index) {
        String odd = oddNames.get(index);
        if (odd != null) {
            return hash(odd, NAME_BASIS);
        }
        long hash = hash(folders.get(folderOf[index]).prefix(), NAME_BASIS);
        String oddFileName = oddFileNames.get(index);
        if (oddFileName != null) {
            return hash(oddFileName, hash);
        }
        for (int i = nameStart[index]; i < nameStart[index + 1]; i++) {
            hash ^= names[i] & 0xff; // Latin-1: the byte is the char
            hash *= FNV_PRIME;
        }
        return hash;
    }

    boolean hasReal(int index) {
        return realHashes[2 * index] != 0 || realHashes[2 * index + 1] != 0;
    }

    long realHigh(int index) {
        return realHashes[2 * index];
    }

    long realLow(int index) {
        return realHashes[2 * index + 1];
    }

    /** The hashes of real paths are needed only until the inputs are named. */
    void dropRealPaths() {
        realHashes = new long[0];
    }

    /** Files {@code [from, size)} (one walk's) in the order of their paths, as a sort of the path objects gives. */
    void sortFrom(int from, int[] order) {
        Indexes.sort(order, from, size, (a, b) -> {
            if (folderOf[a] == folderOf[b] && !oddFileNames.containsKey(a) && !oddFileNames.containsKey(b) && !oddPaths.containsKey(a)
                    && !oddPaths.containsKey(b) && isAscii(a) && isAscii(b)) {
                // one folder, ASCII names: the paths' bytes differ where the names' do
                return compareNames(a, b);
            }
            return file(a).compareTo(file(b));
        });
    }

    private boolean isAscii(int index) {
        for (int i = nameStart[index]; i < nameStart[index + 1]; i++) {
            if (names[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private int compareNames(int a, int b) {
        int lengthA = nameStart[a + 1] - nameStart[a];
        int lengthB = nameStart[b + 1] - nameStart[b];
        int compared = Arrays.compare(names, nameStart[a], nameStart[a] + lengthA, names, nameStart[b], nameStart[b] + lengthB);
        return Integer.signum(compared);
    }

    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long NAME_BASIS = 0xcbf29ce484222325L;

    /** A 64-bit hash of a string (FNV-1a over its chars, from the given basis). */
    private static long hash(String text, long basis) {
        long hash = basis;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** Inputs over some of the files, in the order given, each named by {@link #name}. */
    List<Pipeline.Input> inputs(int[] files, int count) {
        return new InputList(Arrays.copyOf(files, count), Map.of());
    }

    /** Inputs over some of the files, in the order given, each with its source name. */
    List<Pipeline.Input> inputs(int[] files, int count, List<String> sources) {
        Map<Integer, String> renamed = new HashMap<>();
        for (int k = 0; k < count; k++) {
            if (!sources.get(k).equals(name(files[k]))) {
                renamed.put(k, sources.get(k));
            }
        }
        int[] kept = Arrays.copyOf(files, count);
        return new InputList(kept, renamed);
    }

    /** The inputs of a run, rebuilt one at a time from the packed files. */
    private final class InputList extends AbstractList<Pipeline.Input> implements RandomAccess {
        private final int[] files;
        private final Map<Integer, String> renamed;

        InputList(int[] files, Map<Integer, String> renamed) {
            this.files = files;
            this.renamed = renamed;
        }

        @Override
        public Pipeline.Input get(int index) {
            String source = renamed.get(index);
            return new Pipeline.Input(file(files[index]), source != null ? source : name(files[index]));
        }

        @Override
        public int size() {
            return files.length;
        }
    }
}
