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

    public record Loaded(Codebook codebook, ContextRules contextRules, RunManifest manifest) {
    }

    /** A rule file's name as the manifest shows it, and its bytes. */
    private record Source(String name, byte[] bytes) {
    }

    private Setup() {
    }

    /**
     * Loads the codebook and context rules: the files given, else those in {@code models/}, else the
     * copies inside the jar (so the jar runs from any folder).
     */
    public static Loaded load(Path codebookFile, Path contextFile) throws InputException, IOException {
        Source codebookSource = source(codebookFile, DEFAULT_CODEBOOK);
        Source contextSource = source(contextFile, DEFAULT_CONTEXT);
        Codebook codebook = CodebookLoader.read(codebookSource.name(), codebookSource.bytes());
        try {
            Tables.of(codebook);
        } catch (IllegalArgumentException clash) {
            throw new InputException(codebookSource.name(), clash.getMessage());
        }
        ContextRules rules = ContextRules.read(contextSource.name(), new ByteArrayInputStream(contextSource.bytes()));
        RunManifest manifest = new RunManifest(Main.version(), codebookSource.name(), PageReader.sha256(codebookSource.bytes()),
                contextSource.name(), PageReader.sha256(contextSource.bytes()), LanguageModels.names());
        return new Loaded(codebook, rules, manifest);
    }

    private static Source source(Path given, Path fallback) throws InputException, IOException {
        Path file = given != null ? given : fallback;
        try {
            return new Source(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException missing) {
            if (given != null) {
                throw new InputException(file.toString(), "no such file");
            }
        }
        try (InputStream bundled = Setup.class.getResourceAsStream("/" + fallback.getFileName())) {
            if (bundled == null) {
                throw new InputException(file.toString(), "no such file, and none bundled in the jar");
            }
            return new Source("(bundled) " + fallback.getFileName(), bundled.readAllBytes());
        }
    }
}
