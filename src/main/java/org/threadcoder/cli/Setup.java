package org.threadcoder.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.output.RunManifest;
import org.threadcoder.parse.PageReader;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.tagging.CodebookLoader;

/** Codebook and manifest set-up shared by the commands. */
final class Setup {
    static final Path DEFAULT_CODEBOOK = Path.of("models", "codebook.yaml");
    private static final String BUNDLED_CODEBOOK = "/codebook.yaml";

    record Loaded(Codebook codebook, RunManifest manifest) {
    }

    private Setup() {
    }

    /**
     * Loads the codebook: the file given, else {@code models/codebook.yaml}, else the copy inside the jar
     * (so the jar runs from any folder).
     */
    static Loaded load(Path codebookFile) throws InputException, IOException {
        Path file = codebookFile != null ? codebookFile : DEFAULT_CODEBOOK;
        if (codebookFile == null && !Files.exists(file)) {
            Path copy = Files.createTempFile("threadcoder-codebook", ".yaml");
            try (InputStream bundled = Setup.class.getResourceAsStream(BUNDLED_CODEBOOK)) {
                if (bundled == null) {
                    throw new InputException(file.toString(), "no codebook: pass --codebook FILE");
                }
                Files.copy(bundled, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Codebook codebook = CodebookLoader.load(copy);
                return new Loaded(codebook, manifest("(bundled) codebook.yaml", Files.readAllBytes(copy)));
            } finally {
                Files.deleteIfExists(copy);
            }
        }
        Codebook codebook = CodebookLoader.load(file);
        return new Loaded(codebook, manifest(file.getFileName().toString(), Files.readAllBytes(file)));
    }

    private static RunManifest manifest(String codebookName, byte[] codebookBytes) {
        return new RunManifest(Main.version(), codebookName, PageReader.sha256(codebookBytes), LanguageModels.names());
    }
}
