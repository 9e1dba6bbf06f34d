package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Markdown view of a line: links and images read as their text, a heading's hashes dropped. */
class MarkdownViewTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[the study](https://example.org/a) says so|the study says so",
            "![Ann Lee](https://img.example/p.jpg) Ann Lee|Ann Lee Ann Lee",
            "two [links](a) and [more](b)|two links and more",
            "an address with a space [text](a b) stays|an address with a space [text](a b) stays",
            "an address with a paren [text](a(b)) stays|an address with a paren [text](a(b)) stays",
            "a bracket with no address [x] stays|a bracket with no address [x] stays",
            "cut link [text](https://exa|cut link [text](https://exa",
            "[one](a b) then [two](c)|[one](a b) then two",
            "[one](a then [two](c)|[one](a then two",
            "## Heading [text](u)|Heading text",
            "#hashtag [t](u)|#hashtag t",
    })
    void readsLinksAsTheirText(String line, String view) {
        assertEquals(view, Line.markdownView(line));
    }
}
