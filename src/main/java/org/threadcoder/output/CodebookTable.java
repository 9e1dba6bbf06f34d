package org.threadcoder.output;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.threadcoder.model.NearRule;

/** A codebook as one CSV row a concept, for a methods appendix: id, parent, label, definition, terms, rules. */
public final class CodebookTable {
    public static final List<String> COLUMNS = List.of("id", "parent", "label", "definition", "terms", "near", "exclude");

    private CodebookTable() {
    }

    /** The table; lists within a cell are joined with {@code "; "}. */
    public static String write(Codebook codebook) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(text)) {
            for (Concept concept : codebook.concepts()) {
                printer.printRecord(concept.id(), concept.parent(), concept.label(), concept.definition(), String.join("; ", concept.terms()),
                        String.join("; ", concept.near().stream().map(NearRule::describe).toList()), String.join("; ", concept.exclude()));
            }
        } catch (IOException impossible) {
            throw new IllegalStateException("a StringWriter does not fail", impossible);
        }
        return text.toString();
    }
}
