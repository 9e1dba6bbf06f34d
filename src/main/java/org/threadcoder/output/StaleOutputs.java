package org.threadcoder.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds what a stopped command left beside an output folder and puts the folder back to one
 * complete set, saying what it did. For a folder {@code out}, a command with process id P leaves,
 * depending on how far its {@link OutputSet#commit()} got:
 *
 * <ul>
 *   <li>{@code .out.staging-P-n} only: stopped while writing; deleted.</li>
 *   <li>{@code .out.ready-P-n} (complete) and {@code out}: stopped before the swap; the ready set is
 *       deleted and {@code out} stays as it was.</li>
 *   <li>{@code .out.ready-P-n} and {@code .out.old-P-n}, no {@code out}: stopped between the two
 *       renames; the ready set becomes {@code out} and the old one is deleted.</li>
 *   <li>{@code .out.old-P-n} and {@code out}: stopped while deleting the previous set; deleted.</li>
 *   <li>{@code .out.old-P-n} alone: the previous set is put back as {@code out}.</li>
 * </ul>
 *
 * Names of a process that is still running are left alone. Temporary files of earlier versions
 * ({@code .<file>.tmp} inside {@code out}) are deleted by {@link #removeOldTemporaries}.
 */
final class StaleOutputs {
    static final String STAGING = "staging";
    static final String READY = "ready";
    static final String OLD = "old";
    private static final Pattern OLD_TEMPORARY = Pattern.compile("^\\..+\\.tmp$");

    private StaleOutputs() {
    }

    /** The name of one of a set's folders beside {@code target}. */
    static String name(Path target, String kind, long pid, int number) {
        return "." + target.getFileName() + "." + kind + "-" + pid + "-" + number;
    }

    /** Whether a file name is one of the folders a set keeps beside an output folder (of any name). */
    static boolean isSetFolderName(String name) {
        return name.matches("^\\..+\\.(?:" + STAGING + "|" + READY + "|" + OLD + ")-\\d+-\\d+$");
    }

    /** The leftovers of one stopped command. */
    private static final class Leftover {
        Path staging;
        Path ready;
        Path old;
    }

    /** Repairs the folders beside {@code target}; returns one sentence per thing done. */
    static List<String> repair(Path target) throws IOException {
        List<String> done = new ArrayList<>();
        Path parent = target.getParent();
        if (!Files.isDirectory(parent)) {
            return done;
        }
        Pattern ours = Pattern.compile("^" + Pattern.quote("." + target.getFileName() + ".") + "(" + STAGING + "|" + READY + "|" + OLD
                + ")-(\\d+)-(\\d+)$");
        Map<String, Leftover> byCommand = new TreeMap<>();
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path sibling : siblings.sorted().toList()) {
                Matcher name = ours.matcher(sibling.getFileName().toString());
                if (!name.matches() || isRunning(Long.parseLong(name.group(2)), sibling)) {
                    continue;
                }
                Leftover leftover = byCommand.computeIfAbsent(name.group(2) + "-" + name.group(3), unused -> new Leftover());
                switch (name.group(1)) {
                    case STAGING -> leftover.staging = sibling;
                    case READY -> leftover.ready = sibling;
                    default -> leftover.old = sibling;
                }
            }
        }
        String shown = target.getFileName().toString();
        for (Leftover leftover : byCommand.values()) {
            if (leftover.staging != null) {
                OutputSet.deleteTree(leftover.staging);
                done.add("removed " + leftover.staging.getFileName() + ", the unfinished outputs of a run that was stopped");
            }
            boolean present = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (leftover.ready != null && !present) {
                Files.move(leftover.ready, target);
                done.add("completed the replacement of " + shown + " that a stopped run had begun (" + leftover.ready.getFileName() + ")");
            } else if (leftover.ready != null) {
                OutputSet.deleteTree(leftover.ready);
                done.add("removed " + leftover.ready.getFileName() + ", the outputs of a run stopped before they replaced " + shown);
            }
            present = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (leftover.old != null && !present) {
                Files.move(leftover.old, target);
                done.add("put back the previous " + shown + " (" + leftover.old.getFileName() + ") that a stopped run had moved aside");
            } else if (leftover.old != null) {
                OutputSet.deleteTree(leftover.old);
                done.add("removed " + leftover.old.getFileName() + ", the previous outputs a stopped run was deleting");
            }
        }
        return done;
    }

    /** Deletes the {@code .<file>.tmp} files earlier versions left inside an output folder; returns what it did. */
    static List<String> removeOldTemporaries(Path target) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        int removed = 0;
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (OLD_TEMPORARY.matcher(file.getFileName().toString()).matches()) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed == 0 ? List.of() : List.of("removed " + removed + " temporary " + (removed == 1 ? "file" : "files") + " left in "
                + target.getFileName() + " by an earlier run");
    }

    /**
     * Whether the process that named a folder still runs. A process id may be reused: a process
     * that started after the folder was last changed did not make it.
     */
    private static boolean isRunning(long pid, Path folder) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            // this JVM: only the sets it has open are running, and those are never repaired
            return OutputSet.isOpen(folder);
        }
        Optional<Instant> started = process.get().info().startInstant();
        Instant changed = Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant();
        return started.isEmpty() || !started.get().isAfter(changed.plusSeconds(1));
    }

}
