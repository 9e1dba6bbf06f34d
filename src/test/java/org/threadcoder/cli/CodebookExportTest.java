package org.threadcoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.TestSupport;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** {@code codebook export --format qdc|csv}: the REFI-QDA codebook and the appendix table. */
class CodebookExportTest {
    @TempDir
    Path temp;

    @Test
    void qdcHoldsEveryConceptAsACodeNestedUnderItsParent() throws Exception {
        Path file = temp.resolve("codebook.qdc");
        CommandRun result = CommandRun.of("codebook", "export", "--format", "qdc", "--to", file.toString());
        assertEquals(0, result.exitCode(), result.err());
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(file))).getDocumentElement();
        assertEquals("urn:QDA-XML:codebook:1.0", root.getNamespaceURI());
        assertEquals("CodeBook", root.getLocalName());
        List<Element> codes = new ArrayList<>();
        collect(root, codes);
        Codebook codebook = TestSupport.codebook();
        assertEquals(codebook.concepts().size(), codes.size());
        List<String> guids = new ArrayList<>();
        for (Element code : codes) {
            String description = code.getElementsByTagNameNS("*", "Description").item(0).getTextContent();
            String id = description.lines().filter(line -> line.startsWith("threadcoder id: ")).findFirst().orElseThrow().substring(16);
            Concept concept = codebook.concept(id).orElseThrow();
            assertEquals(concept.label(), code.getAttribute("name"));
            assertEquals("true", code.getAttribute("isCodable"));
            assertTrue(code.getAttribute("color").matches("#[0-9A-F]{6}"), code.getAttribute("color"));
            assertTrue(code.getAttribute("guid").matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), code.getAttribute("guid"));
            assertTrue(description.startsWith(concept.definition()), description);
            Node parent = code.getParentNode();
            String parentId = parent.getLocalName().equals("Code") ? codes.stream().filter(other -> other == parent).findFirst()
                    .map(other -> other.getElementsByTagNameNS("*", "Description").item(0).getTextContent().replaceAll("(?s).*threadcoder id: ", "").strip())
                    .orElseThrow() : null;
            assertEquals(concept.parent(), parentId, id);
            guids.add(code.getAttribute("guid"));
        }
        assertEquals(guids.size(), guids.stream().distinct().count());
    }

    @Test
    void csvIsOneRowAConcept() throws Exception {
        CommandRun printed = CommandRun.of("codebook", "export", "--format", "csv");
        assertEquals(0, printed.exitCode(), printed.err());
        Path file = temp.resolve("codebook.csv");
        Files.writeString(file, printed.out(), StandardCharsets.UTF_8);
        List<CSVRecord> rows = TestSupport.csvRows(file);
        Codebook codebook = TestSupport.codebook();
        assertEquals(codebook.ids(), rows.stream().map(row -> row.get("id")).toList());
        CSVRecord bond = rows.get(codebook.ids().indexOf("alliance-bond"));
        assertEquals("working-alliance", bond.get("parent"));
        assertEquals("Bond", bond.get("label"));
        assertEquals(String.join("; ", codebook.concept("alliance-bond").orElseThrow().terms()), bond.get("terms"));
        assertTrue(bond.get("exclude").contains("attachment style"), bond.get("exclude"));
        assertTrue(printed.out().startsWith("id,parent,label,definition,terms,near,exclude\r\n"), printed.out());
    }

    @Test
    void aLiwcDictionaryExportsToo() {
        CommandRun result = CommandRun.of("codebook", "export", "--format", "csv", "--codebook",
                TestSupport.resource("codebook/therapy-words.dic").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("\r\nneg-emo,,neg_emo,LIWC category 4 (neg_emo),sad; hopeless*; fear*; angry,,\r\n"), result.out());
    }

    private static void collect(Element element, List<Element> codes) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                if (child.getLocalName().equals("Code")) {
                    codes.add(child);
                }
                collect(child, codes);
            }
        }
    }
}
