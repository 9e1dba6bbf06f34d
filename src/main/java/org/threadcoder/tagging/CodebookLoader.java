package org.threadcoder.tagging;

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
    private static final List<String> FILE_KEYS = List.of("version", "name", "description", "concepts");
    // in the order messages have always listed them (the order Jackson's reader gave), so they read as before
    private static final List<String> CONCEPT_KEYS = List.of("definition", "label", "terms", "near", "parent", "id", "requires", "exclude");
    private static final List<String> NEAR_KEYS = List.of("within", "groups");
    private static final List<String> REQUIRES_KEYS = List.of("words", "within", "terms");

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
        YamlLines.Read read = YamlLines.read(bytes);
        if (!read.problems().isEmpty()) {
            // a syntax error, an anchor or an alias: what would be read from it is not what the researcher wrote
            problems.addAll(read.problems());
            return null;
        }
        int before = problems.size();
        YamlFields file = YamlFields.root(read.root(), FILE_KEYS, problems);
        if (file == null && problems.size() > before) {
            return null;
        }
        String name = file == null ? null : file.text("name");
        String version = file == null ? null : file.text("version");
        if (file != null) {
            file.text("description"); // for people, not the tool: read only to check it is one value
        }
        int beforeConcepts = problems.size();
        List<YamlFields> entries = file == null ? null : file.mappings("concepts", CONCEPT_KEYS);
        if (entries == null || entries.isEmpty()) {
            if (problems.size() == beforeConcepts) {
                problems.add(new YamlLines.Problem(file != null && file.has("concepts") ? file.lineOf("concepts") : 0, "codebook has no concepts"));
            }
            return null;
        }
        List<Concept> concepts = new ArrayList<>();
        List<Entry> written = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (YamlFields fields : entries) {
            Entry entry = entry(fields, problems);
            written.add(entry);
            if (entry.concept() == null) {
                continue;
            }
            Integer first = idLines.putIfAbsent(entry.id(), fields.lineOf("id"));
            if (first != null) {
                problems.add(new YamlLines.Problem(fields.lineOf("id"), "duplicate concept id '" + entry.id() + "' (first on line " + first + ")"));
            } else {
                concepts.add(entry.concept());
            }
        }
        for (Entry entry : written) {
            if (entry.parent() != null && !entry.parent().isBlank() && !idLines.containsKey(entry.parent())) {
                problems.add(new YamlLines.Problem(entry.parentLine(), "concept '" + entry.id() + "' has unknown parent '" + entry.parent() + "'"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new Codebook(name == null ? "codebook" : name, version == null ? "" : version, concepts);
        } catch (IllegalArgumentException invalid) {
            // a parent cycle, the one check left to the record: name the first concept's line
            problems.add(new YamlLines.Problem(entries.get(0).line(), invalid.getMessage()));
            return null;
        }
    }

    /** One concept entry as written: its id and parent (for the checks across concepts), and the concept, or null with its problems noted. */
    private record Entry(String id, String parent, int parentLine, Concept concept) {
    }

    private static Entry entry(YamlFields fields, List<YamlLines.Problem> problems) {
        // the rules' own unknown keys are noted before the count: like the entry's, they leave the values whole
        List<YamlFields> nearRules = fields.mappings("near", NEAR_KEYS);
        List<YamlFields> requiresRules = fields.mappings("requires", REQUIRES_KEYS);
        int before = problems.size();
        String id = fields.text("id");
        String label = fields.text("label");
        String parent = fields.text("parent");
        String definition = fields.text("definition");
        List<String> terms = fields.texts("terms");
        List<String> exclude = fields.texts("exclude");
        List<NearRule> near = new ArrayList<>();
        for (YamlFields rule : nearRules == null ? List.<YamlFields>of() : nearRules) {
            int beforeRule = problems.size();
            List<List<String>> groups = rule.textLists("groups");
            int within = rule.wholeNumber("within", false);
            try {
                if (problems.size() == beforeRule) {
                    near.add(new NearRule(groups, within));
                }
            } catch (IllegalArgumentException invalid) {
                problems.add(new YamlLines.Problem(fields.lineOf("near"), invalid.getMessage()));
            }
        }
        List<ContextRequirement> requires = new ArrayList<>();
        for (YamlFields rule : requiresRules == null ? List.<YamlFields>of() : requiresRules) {
            int beforeRule = problems.size();
            List<String> ruleTerms = rule.texts("terms");
            List<String> words = rule.texts("words");
            int within = rule.wholeNumber("within", false);
            try {
                if (problems.size() == beforeRule) {
                    requires.add(new ContextRequirement(ruleTerms, words, within));
                }
            } catch (IllegalArgumentException invalid) {
                problems.add(new YamlLines.Problem(fields.lineOf("requires"), invalid.getMessage()));
            }
        }
        int parentLine = fields.lineOf("parent");
        if (problems.size() > before) {
            return new Entry(id, parent, parentLine, null);
        }
        try {
            return new Entry(id, parent, parentLine, new Concept(id, label, parent, definition, terms, near, exclude, requires));
        } catch (IllegalArgumentException invalid) {
            String key = id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*") ? "id" : "label";
            problems.add(new YamlLines.Problem(fields.lineOf(key), invalid.getMessage()));
            return new Entry(id, parent, parentLine, null);
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
}
