package org.threadcoder.model;

import java.util.List;

/**
 * A codebook concept.
 *
 * @param id         stable id used in every output
 * @param label      human label
 * @param parent     parent concept id, or null for a top-level concept
 * @param definition what the concept covers
 * @param terms      words and phrases that signal it ({@code therap*} wildcards, {@code (optional)} words)
 * @param near       proximity rules: two word groups within N tokens
 * @param exclude    phrases that cancel a match they overlap ("attachment style" for "attachment")
 * @param requires   context words some of its terms need beside them in the sentence
 */
public record Concept(String id, String label, String parent, String definition, List<String> terms, List<NearRule> near,
                      List<String> exclude, List<ContextRequirement> requires) implements java.io.Serializable {

    /** A concept with terms only. */
    public Concept(String id, String label, String parent, String definition, List<String> terms) {
        this(id, label, parent, definition, terms, List.of(), List.of(), List.of());
    }

    /** A concept whose terms need no context. */
    public Concept(String id, String label, String parent, String definition, List<String> terms, List<NearRule> near,
                   List<String> exclude) {
        this(id, label, parent, definition, terms, near, exclude, List.of());
    }

    public Concept {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("concept id must be lower-case words joined by '-', got '" + id + "'");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("concept " + id + " needs a label");
        }
        if (parent != null && parent.isBlank()) {
            parent = null;
        }
        definition = definition == null ? "" : definition.strip();
        terms = terms == null ? List.of() : List.copyOf(terms);
        near = near == null ? List.of() : List.copyOf(near);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        requires = requires == null ? List.of() : List.copyOf(requires);
        for (ContextRequirement requirement : requires) {
            for (String term : requirement.terms()) {
                boolean known = terms.contains(term) || near.stream().anyMatch(rule -> rule.describe().equals(term));
                if (!known) {
                    throw new IllegalArgumentException("concept " + id + ": 'requires' names '" + term + "', which is none of its terms");
                }
            }
        }
    }
}
