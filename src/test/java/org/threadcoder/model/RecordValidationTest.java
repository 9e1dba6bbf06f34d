package org.threadcoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

    @Test
    void spanNamesBothValuesWhenReversed() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Span(9, 3));
        assertTrue(thrown.getMessage().contains("start=9") && thrown.getMessage().contains("end=3"), thrown.getMessage());
    }

    @Test
    void sentenceTextMustFitItsSpanInCodePoints() {
        assertThrows(IllegalArgumentException.class,
                () -> new Sentence("s", "t", 1, new Span(0, 3), "four", "four", 1, 1, List.of()));
        Sentence mathItalic = new Sentence("s", "t", 1, new Span(0, 2), "𝘱𝘳", "pr", 1, 1, List.of());
        assertEquals(4, mathItalic.text().length(), "two code points, four UTF-16 chars");
    }

    @Test
    void codebookRejectsUnknownParentAndDuplicateIds() {
        Concept child = new Concept("child", "Child", "missing", "", List.of());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new Codebook("c", "1", List.of(child)));
        assertTrue(unknown.getMessage().contains("missing"), unknown.getMessage());
        Concept one = new Concept("one", "One", null, "", List.of());
        assertThrows(IllegalArgumentException.class, () -> new Codebook("c", "1", List.of(one, one)));
    }

    @Test
    void sourceTextConvertsBetweenCharsAndCodePoints() {
        SourceText text = new SourceText("a𝘱b");
        assertEquals(3, text.codePointLength());
        assertEquals(2, text.codePointOffset(3));
        assertEquals(3, text.charIndex(2));
        assertEquals("𝘱b", text.slice(new Span(1, 3)));
    }
}
