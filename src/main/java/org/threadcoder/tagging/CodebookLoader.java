package org.threadcoder.tagging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.ContextRequirement;
import org.threadcoder.model.NearRule;

/**
 * Reads a codebook from YAML (or JSON, which is YAML too): {@code name}, {@code version} and a list
 * of {@code concepts}, each with {@code id}, {@code label}, {@code parent}, {@code definition}, {@code terms}.
 * Unknown keys are errors, so a misspelt key does not silently drop terms; so are YAML anchors
 * and aliases. Every problem is named with its line, and all of them are found, not only the first.
 */
public final class CodebookLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** How many problems a failed load shows. */
    static final int SHOWN_PROBLEMS = 5;

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
     * All problems are found, each with its line; the message shows the first {@value #SHOWN_PROBLEMS}, one a line.
     */
    public static Codebook read(String file, byte[] bytes) throws InputException {
        if (LiwcDictionary.recognises(file, bytes)) {
            return LiwcDictionary.read(file, bytes).codebook();
        }
        List<YamlLines.Problem> problems = new ArrayList<>();
        Codebook codebook = parse(bytes, problems);
        if (!problems.isEmpty()) {
            throw failure(file, problems);
        }
        return codebook;
    }

    /** Every problem that stops the codebook from loading, in line order; empty when it loads. */
    static List<YamlLines.Problem> problems(byte[] bytes) {
        List<YamlLines.Problem> problems = new ArrayList<>();
        parse(bytes, problems);
        return sorted(problems);
    }

    private static Codebook parse(byte[] bytes, List<YamlLines.Problem> problems) {
        YamlLines.Read lines = YamlLines.read(bytes);
        if (!lines.problems().isEmpty()) {
            // a syntax error, an anchor or an alias: what Jackson would read from it is not what the researcher wrote
            problems.addAll(lines.problems());
            return null;
        }
        CodebookFile parsed;
        try {
            parsed = YAML.readerFor(CodebookFile.class).withHandler(new UnknownKeys(problems)).readValue(bytes);
        } catch (JsonProcessingException malformed) {
            JsonLocation where = malformed.getLocation();
            problems.add(new YamlLines.Problem(where == null ? 0 : where.getLineNr(), malformed.getOriginalMessage()));
            return null;
        } catch (IOException unreadable) {
            problems.add(new YamlLines.Problem(0, "cannot read codebook: " + unreadable.getMessage()));
            return null;
        }
        if (parsed == null || parsed.concepts == null || parsed.concepts.isEmpty()) {
            problems.add(new YamlLines.Problem(lines.conceptsLine(), "codebook has no concepts"));
            return null;
        }
        List<Concept> concepts = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (int i = 0; i < parsed.concepts.size(); i++) {
            ConceptEntry entry = parsed.concepts.get(i);
            YamlLines.Entry where = i < lines.concepts().size() ? lines.concepts().get(i) : new YamlLines.Entry(0, Map.of());
            Concept concept = concept(entry, where, problems);
            if (concept == null) {
                continue;
            }
            Integer first = idLines.putIfAbsent(concept.id(), where.lineOf("id"));
            if (first != null) {
                problems.add(new YamlLines.Problem(where.lineOf("id"), "duplicate concept id '" + concept.id() + "' (first on line " + first + ")"));
            } else {
                concepts.add(concept);
            }
        }
        for (int i = 0; i < parsed.concepts.size(); i++) {
            String parent = parsed.concepts.get(i).parent;
            if (parent != null && !parent.isBlank() && !idLines.containsKey(parent)) {
                YamlLines.Entry where = i < lines.concepts().size() ? lines.concepts().get(i) : new YamlLines.Entry(0, Map.of());
                problems.add(new YamlLines.Problem(where.lineOf("parent"), "concept '" + parsed.concepts.get(i).id + "' has unknown parent '"
                        + parent + "'"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new Codebook(parsed.name == null ? "codebook" : parsed.name, parsed.version == null ? "" : parsed.version, concepts);
        } catch (IllegalArgumentException invalid) {
            // a parent cycle, the one check left to the record: name the first concept's line
            problems.add(new YamlLines.Problem(lines.concepts().isEmpty() ? 0 : lines.concepts().get(0).line(), invalid.getMessage()));
            return null;
        }
    }

    /** One concept, or null with its problems noted at their lines. */
    private static Concept concept(ConceptEntry entry, YamlLines.Entry where, List<YamlLines.Problem> problems) {
        int before = problems.size();
        List<NearRule> near = new ArrayList<>();
        for (NearEntry rule : entry.near == null ? List.<NearEntry>of() : entry.near) {
            try {
                near.add(new NearRule(rule.groups, rule.within));
            } catch (IllegalArgumentException invalid) {
                problems.add(new YamlLines.Problem(where.lineOf("near"), invalid.getMessage()));
            }
        }
        List<ContextRequirement> requires = new ArrayList<>();
        for (RequiresEntry rule : entry.requires == null ? List.<RequiresEntry>of() : entry.requires) {
            try {
                requires.add(new ContextRequirement(rule.terms, rule.words, rule.within));
            } catch (IllegalArgumentException invalid) {
                problems.add(new YamlLines.Problem(where.lineOf("requires"), invalid.getMessage()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new Concept(entry.id, entry.label, entry.parent, entry.definition, entry.terms, near, entry.exclude, requires);
        } catch (IllegalArgumentException invalid) {
            String key = entry.id == null || !entry.id.matches("[a-z0-9]+(-[a-z0-9]+)*") ? "id" : "label";
            problems.add(new YamlLines.Problem(where.keys().containsKey(key) ? where.lineOf(key) : where.line(), invalid.getMessage()));
            return null;
        }
    }

    /** Notes each unknown key with its line and reads on, so one misspelling does not hide the next. */
    private static final class UnknownKeys extends DeserializationProblemHandler {
        private final List<YamlLines.Problem> problems;

        UnknownKeys(List<YamlLines.Problem> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
                                             Object bean, String key) throws IOException {
            problems.add(new YamlLines.Problem(parser.currentTokenLocation().getLineNr(), "unknown key '" + key + "'"
                    + (deserializer == null ? "" : " (known here: " + String.join(", ", knownKeys(deserializer)) + ")")));
            parser.skipChildren();
            return true;
        }

        private static List<String> knownKeys(JsonDeserializer<?> deserializer) {
            List<String> known = new ArrayList<>();
            deserializer.getKnownPropertyNames().forEach(name -> known.add(String.valueOf(name)));
            return known;
        }
    }

    private static List<YamlLines.Problem> sorted(List<YamlLines.Problem> problems) {
        List<YamlLines.Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingInt(YamlLines.Problem::line));
        return sorted;
    }

    /** The problems as one exception: the first few, each on its own {@code file: line N: reason} line. */
    private static InputException failure(String file, List<YamlLines.Problem> problems) {
        List<YamlLines.Problem> sorted = sorted(problems);
        StringBuilder reason = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN_PROBLEMS, sorted.size()); i++) {
            YamlLines.Problem problem = sorted.get(i);
            reason.append(i == 0 ? "" : "\n" + file + ": ").append(problem.line() > 0 ? "line " + problem.line() + ": " : "").append(problem.message());
        }
        if (sorted.size() > SHOWN_PROBLEMS) {
            reason.append("\n").append(file).append(": ").append(sorted.size() - SHOWN_PROBLEMS)
                    .append(" more (threadcoder codebook check lists them all)");
        }
        return new InputException(file, reason.toString());
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
