package org.threadcoder.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The concepts to tag, in their codebook order.
 *
 * @param name     the codebook's name
 * @param version  its version, as the researcher numbers it
 * @param concepts concepts in codebook order; ids unique, parents known, no cycles
 */
public record Codebook(String name, String version, List<Concept> concepts) implements java.io.Serializable {

    public Codebook {
        concepts = List.copyOf(concepts);
        Map<String, Concept> byId = new LinkedHashMap<>();
        for (Concept concept : concepts) {
            if (byId.put(concept.id(), concept) != null) {
                throw new IllegalArgumentException("duplicate concept id '" + concept.id() + "'");
            }
        }
        for (Concept concept : concepts) {
            Set<String> seen = new HashSet<>();
            for (String parent = concept.parent(); parent != null; parent = byId.get(parent).parent()) {
                if (!byId.containsKey(parent)) {
                    throw new IllegalArgumentException("concept '" + concept.id() + "' has unknown parent '" + parent + "'");
                }
                if (!seen.add(parent)) {
                    throw new IllegalArgumentException("concept '" + concept.id() + "' has a parent cycle through '" + parent + "'");
                }
            }
        }
    }

    public Optional<Concept> concept(String id) {
        return concepts.stream().filter(concept -> concept.id().equals(id)).findFirst();
    }

    /** Concept ids in codebook order. */
    public List<String> ids() {
        return concepts.stream().map(Concept::id).toList();
    }
}
