package org.threadcoder.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.threadcoder.InputException;
import org.threadcoder.output.JsonValue;

/**
 * The codebook and context rules a run was made with, found again from its manifest ({@code concept-map.json}:
 * file name and SHA-256 of each), so that a command reading the run's files ({@code codebook stats}) reads them
 * with the same rules. A file counts as found only with the manifest's SHA-256; where none is, the command uses
 * another and says which and why in one line.
 */
final class RunRules {
    private static final String MANIFEST = "concept-map.json";

    /**
     * The rules chosen.
     *
     * @param loaded   the codebook and context rules
     * @param notes    one line per file saying which was used and why (the context rules only when not the run's)
     * @param theRuns  whether every file is the run's own (same SHA-256 as in the manifest)
     */
    record Choice(Setup.Loaded loaded, List<String> notes, boolean theRuns) {
        Choice {
            notes = List.copyOf(notes);
        }
    }

    /** One rule file as the manifest names it; both null when the manifest does not say. */
    private record Named(String file, String sha256) {
    }

    private RunRules() {
    }

    /**
     * @param outFolder    the run's output folder
     * @param givenCodebook a codebook the user named (used as given, with a note when it is not the run's), or null
     * @param givenContext  context rules the user named, or null
     */
    static Choice resolve(Path outFolder, Path givenCodebook, Path givenContext) throws InputException, IOException {
        JsonValue manifest = manifest(outFolder);
        List<String> notes = new ArrayList<>();
        Named namedCodebook = named(manifest, "codebook_file", "codebook_sha256");
        Named namedContext = named(manifest, "context_rules_file", "context_rules_sha256");
        Setup.Source codebook = choose("codebook", namedCodebook, givenCodebook, Setup.DEFAULT_CODEBOOK, outFolder, notes);
        List<String> contextNotes = new ArrayList<>();
        Setup.Source context = choose("context rules", namedContext, givenContext, Setup.DEFAULT_CONTEXT, outFolder, contextNotes);
        boolean codebookTheRuns = namedCodebook != null && codebook.sha256().equals(namedCodebook.sha256());
        boolean contextTheRuns = namedContext != null && context.sha256().equals(namedContext.sha256());
        if (!contextTheRuns) {
            notes.addAll(contextNotes);
        }
        return new Choice(Setup.loadSources(codebook, context), notes, codebookTheRuns && contextTheRuns);
    }

    private static Setup.Source choose(String what, Named named, Path given, Path fallback, Path outFolder, List<String> notes)
            throws InputException, IOException {
        Path manifestFile = outFolder.resolve(MANIFEST);
        if (given != null) {
            Setup.Source source = Setup.source(given, fallback);
            notes.add(named == null ? "using " + what + " " + given + " (given; " + manifestFile + " names none)"
                    : source.sha256().equals(named.sha256()) ? "using " + what + " " + given + " (given; the run's, same SHA-256)"
                    : "using " + what + " " + given + " (given), which is NOT the run's " + named.file() + " (SHA-256 "
                    + shortHash(named.sha256()) + ", this one " + shortHash(source.sha256()) + "): counts are the run's, rows this file's");
            return source;
        }
        if (named == null) {
            Setup.Source source = Setup.source(null, fallback);
            notes.add("using " + what + " " + source.path() + ": " + manifestFile + " is missing or names no " + what);
            return source;
        }
        List<String> looked = new ArrayList<>();
        for (Setup.Source candidate : candidates(named.file(), fallback, outFolder, looked)) {
            if (candidate.sha256().equals(named.sha256())) {
                notes.add("using the run's " + what + " " + candidate.path() + " (SHA-256 " + shortHash(named.sha256())
                        + " as in " + manifestFile + ")");
                return candidate;
            }
        }
        Setup.Source source = Setup.source(null, fallback);
        notes.add("using " + what + " " + source.path() + " (SHA-256 " + shortHash(source.sha256()) + "), NOT the run's: its "
                + named.file() + " (SHA-256 " + shortHash(named.sha256()) + ") is not at " + String.join(", ", looked)
                + " with that content; terms the run's file had are not listed, and this file's terms the run lacked show as dead");
        return source;
    }

    /**
     * The places a manifest's file name may be: as written (from here), the default file of that name, beside
     * the run, beside the run's folder; or the jar's copy.
     */
    private static List<Setup.Source> candidates(String file, Path fallback, Path outFolder, List<String> looked) throws IOException {
        List<Setup.Source> candidates = new ArrayList<>();
        if (file.startsWith(Setup.BUNDLED)) {
            looked.add("inside the jar");
            Setup.Source bundled = Setup.bundled(fallback);
            if (bundled != null && bundled.name().equals(file)) {
                candidates.add(bundled);
            }
            return candidates;
        }
        Path written = Path.of(file);
        Set<Path> places = new LinkedHashSet<>(List.of(written));
        if (written.getFileName() != null && fallback.getFileName().equals(written.getFileName())) {
            // the manifest names a rule file by its name alone: the default one of that name is a candidate too
            places.add(fallback);
        }
        if (!written.isAbsolute()) {
            places.add(outFolder.resolve(written));
            Path parent = outFolder.toAbsolutePath().normalize().getParent();
            if (parent != null) {
                places.add(parent.resolve(written));
            }
        }
        for (Path place : places) {
            looked.add(place.toString());
            if (Files.isRegularFile(place)) {
                candidates.add(Setup.Source.of(place, Files.readAllBytes(place)));
            }
        }
        return candidates;
    }

    private static JsonValue manifest(Path outFolder) {
        try {
            JsonValue manifest = JsonValue.read(outFolder.resolve(MANIFEST)).path("manifest");
            return manifest.isObject() ? manifest : null;
        } catch (IOException missingOrBroken) {
            return null; // said in the note: the manifest is missing or names no file
        }
    }

    private static Named named(JsonValue manifest, String fileField, String shaField) {
        if (manifest == null || !manifest.path(fileField).isTextual() || !manifest.path(shaField).isTextual()) {
            return null;
        }
        return new Named(manifest.path(fileField).asText(), manifest.path(shaField).asText());
    }

    private static String shortHash(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
    }
}
