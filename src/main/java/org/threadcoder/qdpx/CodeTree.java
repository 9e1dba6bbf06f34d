package org.threadcoder.qdpx;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;

/**
 * The codebook as a REFI-QDA code tree, shared by the project ({@code .qde}) and codebook
 * ({@code .qdc}) exports: a code per concept, nested under its parent, named by its label, its GUID
 * from its id, its colour the report's hue for its place in the codebook, and a description holding
 * the definition, the terms and a {@code threadcoder id:} line that keeps the id through a QDA tool.
 */
final class CodeTree {
    static final String ID_LINE = "threadcoder id: ";
    private static final Pattern ID_IN_DESCRIPTION = Pattern.compile("(?m)^" + Pattern.quote(ID_LINE) + "([a-z0-9]+(?:-[a-z0-9]+)*)\\s*$");

    private CodeTree() {
    }

    static String guid(String conceptId) {
        return Guids.of("concept", conceptId);
    }

    /** The concept id a code description names on its {@code threadcoder id:} line, or null. */
    static String idIn(String description) {
        if (description == null) {
            return null;
        }
        Matcher id = ID_IN_DESCRIPTION.matcher(description);
        return id.find() ? id.group(1) : null;
    }

    /** Writes {@code <Codes>} with every concept, children inside their parent, in codebook order. */
    static void write(XmlWriter xml, Codebook codebook, List<String> extraCodes) {
        xml.start("Codes");
        for (Concept concept : codebook.concepts()) {
            if (concept.parent() == null) {
                code(xml, codebook, concept);
            }
        }
        if (!extraCodes.isEmpty()) {
            xml.start("Code", "guid", Guids.of("code-folder", "context"), "name", "context attributes", "isCodable", "false");
            xml.text("Description", "threadcoder's context attributes: a selection coded with one of these codes has that "
                    + "attribute for every concept coded on it.");
            for (String name : extraCodes) {
                xml.empty("Code", "guid", attributeGuid(name), "name", name, "isCodable", "true");
            }
            xml.end();
        }
        xml.end();
    }

    static String attributeGuid(String attribute) {
        return Guids.of("attribute", attribute);
    }

    private static void code(XmlWriter xml, Codebook codebook, Concept concept) {
        xml.start("Code", "guid", guid(concept.id()), "name", concept.label(), "isCodable", "true",
                "color", colour(codebook.ids().indexOf(concept.id())));
        xml.text("Description", description(concept));
        for (Concept child : codebook.concepts()) {
            if (concept.id().equals(child.parent())) {
                code(xml, codebook, child);
            }
        }
        xml.end();
    }

    /** The definition, the terms and the id line. */
    static String description(Concept concept) {
        StringBuilder text = new StringBuilder();
        if (!concept.definition().isEmpty()) {
            text.append(concept.definition()).append("\n\n");
        }
        if (!concept.terms().isEmpty()) {
            text.append("terms: ").append(String.join("; ", concept.terms())).append('\n');
        }
        return text.append(ID_LINE).append(concept.id()).toString();
    }

    /** The report's hue for the concept at {@code index} (golden-angle steps), as {@code #RRGGBB}. */
    static String colour(int index) {
        double hue = Math.round(index * 137.508) % 360;
        double saturation = 0.70;
        double lightness = 0.45;
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double second = chroma * (1 - Math.abs((hue / 60) % 2 - 1));
        double[] rgb = switch ((int) (hue / 60)) {
            case 0 -> new double[] {chroma, second, 0};
            case 1 -> new double[] {second, chroma, 0};
            case 2 -> new double[] {0, chroma, second};
            case 3 -> new double[] {0, second, chroma};
            case 4 -> new double[] {second, 0, chroma};
            default -> new double[] {chroma, 0, second};
        };
        double base = lightness - chroma / 2;
        StringBuilder hex = new StringBuilder("#");
        for (double channel : rgb) {
            hex.append(String.format(Locale.ROOT, "%02X", (int) Math.round((channel + base) * 255)));
        }
        return hex.toString();
    }
}
