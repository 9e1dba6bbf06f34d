package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadcoder.report.ReportData.ConceptInfo;

/** Abbreviations, which follow every highlight and head every map column, so colour is never the only signal. */
class ConceptStylesTest {
    @Test
    void abbreviations() {
        assertEquals("WA", ConceptStyles.abbreviate("Working alliance"));
        assertEquals("CP", ConceptStyles.abbreviate("Confidentiality and privacy"));
        assertEquals("SRI", ConceptStyles.abbreviate("Self-reflection and insight"));
        assertEquals("CBT", ConceptStyles.abbreviate("CBT"));
        assertEquals("BON", ConceptStyles.abbreviate("Bond"));
        ConceptStyles twins = new ConceptStyles(List.of(new ConceptInfo("a", "Working alliance", null, "", 0),
                new ConceptInfo("b", "Warm attitude", null, "", 0)));
        assertEquals("WA2", twins.of("b").abbreviation(), "abbreviations are unique");
    }

    @Test
    void styleSheetHoldsNoCodebookText() {
        ConceptStyles styles = new ConceptStyles(List.of(new ConceptInfo("x</style>", "Evil </style><script>", null, "", 0)));
        assertEquals("concept-1", styles.of("x</style>").cssClass());
        assertFalse(styles.css().contains("style>") || styles.css().contains("script"), styles.css());
    }
}
