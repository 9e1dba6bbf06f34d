package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.NearRule;

/**
 * Checks a codebook beyond what loading it checks, with the line of each finding: duplicate ids,
 * unknown parents, duplicate terms (within a concept or across concepts), terms that can never
 * match after normalisation, greedy wildcards, concepts nothing can tag, and, given the mention
 * counts of a corpus run, terms and rules that matched nothing there.
 */
public final class CodebookCheck {

    /** How bad a finding is: errors make the codebook unusable or wrong, warnings deserve a look. */
    public enum Severity { ERROR, WARNING }

    /** One finding, at a line of the file (0 when unknown). */
    public record Finding(Severity severity, int line, String message) {
    }

    /** A YAML scalar and the line it stands on. */
    private record Located(String conceptId, String field, String value, int line) {
    }

    private CodebookCheck() {
    }

    /**
     * Checks the codebook file's text.
     *
     * @param file     the file name, for messages
     * @param bytes    its content
     * @param termKeys how terms are keyed for matching (to find terms that reduce to nothing or to another term)
     * @param mentions mention counts per concept id and term (or rule) from a corpus run, or null for none
     */
    public static List<Finding> check(String file, byte[] bytes, Function<String, List<String>> termKeys,
                                      Map<String, Map<String, Integer>> mentions) {
        List<Finding> findings = new ArrayList<>();
        List<YamlLines.Problem> problems = CodebookLoader.problems(bytes);
        YamlLines.Read read = YamlLines.read(bytes);
        if (!read.problems().isEmpty()) {
            // a syntax error, an anchor or an alias: the values below would not be what the researcher wrote
            read.problems().forEach(problem -> findings.add(new Finding(Severity.ERROR, problem.line(), problem.message())));
            return findings;
        }
        List<Located> scalars = locate(read.root());
        Map<String, Integer> idLines = new LinkedHashMap<>();
        for (Located scalar : scalars) {
            if (scalar.field().equals("id")) {
                Integer earlier = idLines.putIfAbsent(scalar.value(), scalar.line());
                if (earlier != null) {
                    findings.add(new Finding(Severity.ERROR, scalar.line(), "duplicate concept id '" + scalar.value() + "' (first on line " + earlier + ")"));
                }
            }
        }
        for (Located scalar : scalars) {
            if (scalar.field().equals("parent") && !scalar.value().isBlank() && !idLines.containsKey(scalar.value())) {
                findings.add(new Finding(Severity.ERROR, scalar.line(), "concept '" + scalar.conceptId() + "' has unknown parent '" + scalar.value() + "'"));
            }
        }
        Map<String, Located> termOwners = new HashMap<>();
        for (Located scalar : scalars) {
            if (!scalar.field().equals("terms")) {
                continue;
            }
            if (scalar.value().contains("*") && scalar.value().matches(".*(^|\\s)\\S{0,2}\\*.*")) {
                findings.add(new Finding(Severity.WARNING, scalar.line(), "term '" + scalar.value() + "' of '" + scalar.conceptId()
                        + "' has a wildcard on fewer than 3 letters: it will match far too much"));
            }
            for (String variant : TermMatcher.variants(scalar.value())) {
                List<String> keys = termKeys.apply(variant);
                if (keys.isEmpty()) {
                    findings.add(new Finding(Severity.ERROR, scalar.line(), "term '" + scalar.value() + "' of '" + scalar.conceptId()
                            + "' can never match: nothing is left of it after normalisation"));
                    continue;
                }
                String signature = String.join(" ", keys);
                Located owner = termOwners.putIfAbsent(signature, scalar);
                if (owner != null && owner != scalar) {
                    boolean sameConcept = owner.conceptId().equals(scalar.conceptId());
                    // the same words in two concepts tag both (as a LIWC word in two categories does): worth a look, not wrong
                    findings.add(new Finding(Severity.WARNING, scalar.line(), "term '" + scalar.value() + "' of '"
                            + scalar.conceptId() + "' matches the same words as '" + owner.value() + "' of '" + owner.conceptId()
                            + "' (line " + owner.line() + ")" + (sameConcept ? ": one of them is redundant" : ": a match tags both concepts")));
                }
            }
        }
        Codebook codebook = null;
        for (YamlLines.Problem problem : problems) {
            // the checks above already named duplicate ids and unknown parents, in the same words
            Finding finding = new Finding(Severity.ERROR, problem.line(), problem.message());
            if (!findings.contains(finding)) {
                findings.add(finding);
            }
        }
        if (problems.isEmpty()) {
            try {
                codebook = CodebookLoader.read(file, bytes);
            } catch (InputException impossible) {
                throw new IllegalStateException("a codebook without problems failed to load: " + impossible.getMessage(), impossible);
            }
        }
        if (codebook != null) {
            for (Concept concept : codebook.concepts()) {
                int line = idLines.getOrDefault(concept.id(), 0);
                if (concept.terms().isEmpty() && concept.near().isEmpty()) {
                    findings.add(new Finding(Severity.WARNING, line, "concept '" + concept.id() + "' has no terms or near rules: nothing can tag it"));
                }
                if (mentions != null) {
                    Map<String, Integer> counts = mentions.getOrDefault(concept.id(), Map.of());
                    for (Located scalar : scalars) {
                        if (scalar.conceptId().equals(concept.id()) && scalar.field().equals("terms") && counts.getOrDefault(scalar.value(), 0) == 0) {
                            findings.add(new Finding(Severity.WARNING, scalar.line(), "term '" + scalar.value() + "' of '" + concept.id()
                                    + "' matches nothing in the corpus"));
                        }
                    }
                    for (NearRule rule : concept.near()) {
                        if (counts.getOrDefault(rule.describe(), 0) == 0) {
                            findings.add(new Finding(Severity.WARNING, line, "rule " + rule.describe() + " of '" + concept.id() + "' matches nothing in the corpus"));
                        }
                    }
                }
            }
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return findings;
    }

    /**
     * The text scalars under each concept (id, parent, label, terms, exclude, ...) with their lines, in file order: each
     * key's own value, and the items of its list. Numbers, true/false and empty values are not text and are left out.
     */
    private static List<Located> locate(YamlNode root) {
        List<Located> scalars = new ArrayList<>();
        if (!(root instanceof YamlNode.Mapping file)) {
            return scalars;
        }
        for (YamlNode.Pair top : file.pairs()) {
            if (!isText(top.key(), "concepts") || !(top.value() instanceof YamlNode.Sequence concepts)) {
                continue;
            }
            for (YamlNode item : concepts.items()) {
                if (!(item instanceof YamlNode.Mapping concept)) {
                    continue;
                }
                String conceptId = "";
                for (YamlNode.Pair pair : concept.pairs()) {
                    if (!(pair.key() instanceof YamlNode.Scalar key)) {
                        continue;
                    }
                    if (isText(pair.value(), null)) {
                        YamlNode.Scalar value = (YamlNode.Scalar) pair.value();
                        conceptId = key.value().equals("id") ? value.value() : conceptId;
                        scalars.add(new Located(conceptId, key.value(), value.value(), value.line()));
                    } else if (pair.value() instanceof YamlNode.Sequence list && (key.value().equals("terms") || key.value().equals("exclude"))) {
                        for (YamlNode term : list.items()) {
                            if (isText(term, null)) {
                                scalars.add(new Located(conceptId, key.value(), ((YamlNode.Scalar) term).value(), term.line()));
                            }
                        }
                    }
                }
            }
        }
        return scalars;
    }

    /** Whether the node is a text scalar (and, when {@code expected} is given, that text). */
    private static boolean isText(YamlNode node, String expected) {
        return node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.TEXT && (expected == null || expected.equals(scalar.value()));
    }
}
