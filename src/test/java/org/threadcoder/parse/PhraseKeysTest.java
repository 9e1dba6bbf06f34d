package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A tweet's duplicate key read from the page's chars is the key of the same text as a string. */
class PhraseKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Plain words", "  Two\t\tTabs \r\n and  CAPS  ", "x\u001Cy\u000Bz", "1/ The Alliance.",
        "\u201CCurly\u201D quotes \u2019s", "\uD835\uDC0D\uD835\uDC28 math bold", "caf\u00E9  au lait", "\u2026 ellipsis"})
    void readsAsTheStringKeyDoes(String text) {
        char[] page = ("<<" + text + ">>").toCharArray();
        assertEquals(PhraseKeys.key(text), PhraseKeys.key(page, 2, text.length()), text);
    }
}
