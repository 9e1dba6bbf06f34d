package org.threadcoder.report;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.threadcoder.report.ReportData.ConceptInfo;

/**
 * How each concept looks in the report: a CSS class named by its position in the codebook (never by
 * its id, so no codebook text reaches the style sheet), a colour, and a short abbreviation that
 * legends and highlights show next to the colour, so colour is never the only signal.
 */
final class ConceptStyles {
    private static final Set<String> SMALL_WORDS = Set.of("and", "on", "of", "the", "in", "for", "to", "a", "an");
    private final Map<String, Style> styles = new LinkedHashMap<>();

    /** One concept's look. */
    record Style(ConceptInfo concept, int number, String cssClass, String abbreviation, int hue) {
        /** A dark shade: text, borders, underlines. */
        String strong() {
            return "hsl(" + hue + " 70% 32%)";
        }

        /** A light tint: backgrounds. */
        String tint() {
            return "hsl(" + hue + " 90% 89%)";
        }
    }

    ConceptStyles(List<ConceptInfo> concepts) {
        Set<String> used = new HashSet<>();
        int number = 0;
        for (ConceptInfo concept : concepts) {
            number++;
            String abbreviation = abbreviate(concept.label());
            String unique = abbreviation;
            for (int suffix = 2; !used.add(unique); suffix++) {
                unique = abbreviation + suffix;
            }
            // golden-angle steps keep neighbours in the codebook far apart on the colour wheel
            int hue = (int) Math.round((number - 1) * 137.508) % 360;
            styles.put(concept.id(), new Style(concept, number, "concept-" + number, unique, hue));
        }
    }

    /** The style of a concept id; an unknown id gets a grey one. */
    Style of(String conceptId) {
        Style style = styles.get(conceptId);
        if (style == null) {
            return new Style(new ConceptInfo(conceptId, conceptId, null, "", 0), 0, "concept-0", "?", 0);
        }
        return style;
    }

    /** The label, with the abbreviation after it: "Working alliance (WA)". */
    String labelled(String conceptId) {
        Style style = of(conceptId);
        return style.concept().label() + " (" + style.abbreviation() + ")";
    }

    /** The style sheet rules that give each concept class its colours: numbers only, no codebook text. */
    String css() {
        StringBuilder css = new StringBuilder();
        css.append(".concept-0{--concept-strong:hsl(0 0% 35%);--concept-tint:hsl(0 0% 90%)}\n");
        for (Style style : styles.values()) {
            css.append('.').append(style.cssClass()).append("{--concept-strong:").append(style.strong())
                    .append(";--concept-tint:").append(style.tint()).append("}\n");
        }
        return css.toString();
    }

    /** Initials of the label's words ("Working alliance" → "WA"); one word gives its first three letters. */
    static String abbreviate(String label) {
        String[] words = label.strip().split("[\\s\\-/]+");
        StringBuilder initials = new StringBuilder();
        int significant = 0;
        for (String word : words) {
            if (!word.isEmpty() && !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                initials.appendCodePoint(word.codePointAt(0));
                significant++;
            }
        }
        if (significant <= 1) {
            String word = significant == 1 ? firstSignificant(words) : label.strip();
            int end = word.offsetByCodePoints(0, Math.min(3, word.codePointCount(0, word.length())));
            return word.substring(0, end).toUpperCase(Locale.ROOT);
        }
        return initials.toString().toUpperCase(Locale.ROOT);
    }

    private static String firstSignificant(String[] words) {
        for (String word : words) {
            if (!word.isEmpty() && !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return word;
            }
        }
        return words[0];
    }
}
