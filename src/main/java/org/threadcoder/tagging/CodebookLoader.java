package org.threadcoder.tagging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.ContextRequirement;
import org.threadcoder.model.NearRule;

/**
 * Reads a codebook from YAML (or JSON, which is YAML too): {@code name}, {@code version} and a list
 * of {@code concepts}, each with {@code id}, {@code label}, {@code parent}, {@code definition}, {@code terms}.
 * Unknown keys are errors, so a misspelt key does not silently drop terms.
 */
public final class CodebookLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CodebookLoader() {
    }

    /** Loads and validates the codebook at {@code path}. */
    public static Codebook load(Path path) throws InputException {
        String file = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException missing) {
            throw new InputException(file, "no such codebook file");
        } catch (IOException unreadable) {
            throw new InputException(file, "cannot read codebook: " + unreadable.getMessage(), unreadable);
        }
        return read(file, bytes);
    }

    /**
     * Reads and validates a codebook from bytes, naming it {@code file} in messages: YAML, or a LIWC
     * dictionary ({@link LiwcDictionary}) when the file is named {@code .dic} or starts with a {@code %} line.
     */
    public static Codebook read(String file, byte[] bytes) throws InputException {
        if (LiwcDictionary.recognises(file, bytes)) {
            return LiwcDictionary.read(file, bytes).codebook();
        }
        CodebookFile parsed;
        try {
            parsed = YAML.readValue(bytes, CodebookFile.class);
        } catch (JsonProcessingException malformed) {
            JsonLocation where = malformed.getLocation();
            String line = where == null ? "" : "line " + where.getLineNr() + ": ";
            throw new InputException(file, line + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InputException(file, "cannot read codebook: " + unreadable.getMessage(), unreadable);
        }
        if (parsed == null || parsed.concepts == null || parsed.concepts.isEmpty()) {
            throw new InputException(file, "codebook has no concepts");
        }
        List<Concept> concepts = new ArrayList<>();
        try {
            for (ConceptEntry entry : parsed.concepts) {
                List<NearRule> near = new ArrayList<>();
                for (NearEntry rule : entry.near == null ? List.<NearEntry>of() : entry.near) {
                    near.add(new NearRule(rule.groups, rule.within));
                }
                List<ContextRequirement> requires = new ArrayList<>();
                for (RequiresEntry rule : entry.requires == null ? List.<RequiresEntry>of() : entry.requires) {
                    requires.add(new ContextRequirement(rule.terms, rule.words, rule.within));
                }
                concepts.add(new Concept(entry.id, entry.label, entry.parent, entry.definition, entry.terms, near, entry.exclude, requires));
            }
            return new Codebook(parsed.name == null ? "codebook" : parsed.name, parsed.version == null ? "" : parsed.version, concepts);
        } catch (IllegalArgumentException invalid) {
            throw new InputException(file, invalid.getMessage());
        }
    }

    /** The file as written. */
    static final class CodebookFile {
        @JsonProperty public String name;
        @JsonProperty public String version;
        @JsonProperty public String description;
        @JsonProperty public List<ConceptEntry> concepts;
    }

    /** One concept as written. */
    static final class ConceptEntry {
        @JsonProperty public String id;
        @JsonProperty public String label;
        @JsonProperty public String parent;
        @JsonProperty public String definition;
        @JsonProperty public List<String> terms;
        @JsonProperty public List<NearEntry> near;
        @JsonProperty public List<String> exclude;
        @JsonProperty public List<RequiresEntry> requires;
    }

    /** A context requirement as written. */
    static final class RequiresEntry {
        @JsonProperty public List<String> terms;
        @JsonProperty public List<String> words;
        @JsonProperty public int within;
    }

    /** A proximity rule as written. */
    static final class NearEntry {
        @JsonProperty public List<List<String>> groups;
        @JsonProperty public int within;
    }
}
