package org.threadcoder.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.output.RunManifest;
import org.threadcoder.output.Tables;
import org.threadcoder.parse.PageReader;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.tagging.CodebookLoader;
import org.threadcoder.tagging.ContextRules;

/** Codebook, context rules and manifest set-up shared by the commands and the Spark job (src/spark). */
public final class Setup {
    static final Path DEFAULT_CODEBOOK = Path.of("models", "codebook.yaml");
    static final Path DEFAULT_CONTEXT = Path.of("models", "context.yaml");
    /** How the manifest names a rule file read from inside the jar. */
    static final String BUNDLED = "(bundled) ";

    public record Loaded(Codebook codebook, ContextRules contextRules, RunManifest manifest) {
    }

    /**
     * A rule file: the path as given (for messages), its name as the manifest shows it (the file
     * name alone, so no path of this machine reaches an output; the SHA-256 identifies it), its bytes.
     */
    record Source(String path, String name, byte[] bytes) {
        /** A file read from disk: named by its file name. */
        static Source of(Path file, byte[] bytes) {
            return new Source(file.toString(), file.getFileName().toString(), bytes);
        }

        String sha256() {
            return PageReader.sha256(bytes);
        }
    }

    private Setup() {
    }

    /**
     * Loads the codebook and context rules: the files given, else those in {@code models/}, else the
     * copies inside the jar (so the jar runs from any folder).
     */
    public static Loaded load(Path codebookFile, Path contextFile) throws InputException, IOException {
        return loadSources(source(codebookFile, DEFAULT_CODEBOOK), source(contextFile, DEFAULT_CONTEXT));
    }

    /** Loads a codebook and context rules from their bytes. */
    static Loaded loadSources(Source codebookSource, Source contextSource) throws InputException {
        Codebook codebook = CodebookLoader.read(codebookSource.path(), codebookSource.bytes());
        try {
            Tables.of(codebook);
        } catch (IllegalArgumentException clash) {
            throw new InputException(codebookSource.path(), clash.getMessage());
        }
        ContextRules rules = ContextRules.read(contextSource.path(), new ByteArrayInputStream(contextSource.bytes()));
        RunManifest manifest = new RunManifest(Main.version(), codebookSource.name(), codebookSource.sha256(),
                contextSource.name(), contextSource.sha256(), LanguageModels.names());
        return new Loaded(codebook, rules, manifest);
    }

    /** The file given, else the fallback in {@code models/}, else the copy inside the jar. */
    static Source source(Path given, Path fallback) throws InputException, IOException {
        Path file = given != null ? given : fallback;
        try {
            return Source.of(file, Files.readAllBytes(file));
        } catch (NoSuchFileException missing) {
            if (given != null) {
                throw new InputException(file.toString(), "no such file");
            }
        }
        Source bundled = bundled(fallback);
        if (bundled == null) {
            throw new InputException(file.toString(), "no such file, and none bundled in the jar");
        }
        return bundled;
    }

    /** The copy of a default rule file inside the jar, named as the manifest names it; null when there is none. */
    static Source bundled(Path fallback) throws IOException {
        try (InputStream bundled = Setup.class.getResourceAsStream("/" + fallback.getFileName())) {
            String name = BUNDLED + fallback.getFileName();
            return bundled == null ? null : new Source(name, name, bundled.readAllBytes());
        }
    }
}
