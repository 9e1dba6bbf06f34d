package org.threadcoder.qdpx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.InputException;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;
import org.threadcoder.eval.Evaluation;
import org.threadcoder.eval.GoldStandard.GoldSentence;

/**
 * A project made by hand, as a QDA tool might write it (codes named by label, by id, by a kept
 * {@code threadcoder id:} line, GUIDs in braces and upper case, a lower-case {@code sources/} folder,
 * a code folder, a whole-source coding, a code of the team's own), coded on our own fixture page
 * {@code context/ctx_01_alliance.txt}, read as gold.
 */
class QdpxGoldTest {
    private static final String SOURCE_GUID = "{6B1E0C4D-2A77-4E0B-9C1A-3F5D7E9A1B20}";
    private static final String CODES = """
            <CodeBook><Codes>
              <Code guid="{0F8A1907-7E42-4739-8610-A676B4D1B69F}" name="Working  Alliance" isCodable="true"/>
              <Code guid="11111111-2222-4333-8444-555555555555" name="research-evidence" isCodable="true"/>
              <Code guid="22222222-3333-4444-8555-666666666666" name="Relationship" isCodable="false">
                <Code guid="33333333-4444-4555-8666-777777777777" name="Bond" isCodable="true"/>
              </Code>
              <Code guid="44444444-5555-4666-8777-888888888888" name="Goals (team)" isCodable="true">
                <Description>What the team calls goals.
            threadcoder id: alliance-goals</Description>
              </Code>
              <Code guid="55555555-6666-4777-8888-999999999999" name="Negated" isCodable="true"/>
              <Code guid="66666666-7777-4888-8999-aaaaaaaaaaaa" name="Clinician experience" isCodable="true"/>
            </Codes></CodeBook>
            """;

    @TempDir
    Path temp;

    private static String text() {
        return TestSupport.read(TestSupport.resource("context/ctx_01_alliance.txt"));
    }

    /** A selection over the first occurrence of {@code phrase}, in code points, coded with the given code GUIDs. */
    private static String selection(String text, String phrase, String... codes) {
        int index = text.indexOf(phrase);
        assertTrue(index >= 0, phrase);
        int start = text.codePointCount(0, index);
        int end = start + phrase.codePointCount(0, phrase.length());
        StringBuilder xml = new StringBuilder("<PlainTextSelection guid=\"" + java.util.UUID.nameUUIDFromBytes(phrase.getBytes(StandardCharsets.UTF_8))
                + "\" startPosition=\"" + start + "\" endPosition=\"" + end + "\">");
        for (String code : codes) {
            xml.append("<Coding guid=\"").append(java.util.UUID.nameUUIDFromBytes((phrase + code).getBytes(StandardCharsets.UTF_8)))
                    .append("\"><CodeRef targetGUID=\"").append(code).append("\"/></Coding>");
        }
        return xml.append("</PlainTextSelection>\n").toString();
    }

    private static String selections(String text) {
        return selection(text, "ruptures in the working alliance", "{0F8A1907-7E42-4739-8610-A676B4D1B69F}")
                + selection(text, "most of the research measures the alliance from the therapist’s chair, not the patient’s.\n\n",
                        "11111111-2222-4333-8444-555555555555", "{0f8a1907-7e42-4739-8610-a676b4d1b69f}")
                + selection(text, "Trust is not a technique.", "33333333-4444-4555-8666-777777777777", "55555555-6666-4777-8888-999999999999")
                + selection(text, "There was no agreement on goals in my first treatment. Agreement on goals is not only a contract",
                        "44444444-5555-4666-8777-888888888888")
                + selection(text, "twenty years", "66666666-7777-4888-8999-aaaaaaaaaaaa")
                + selection(text, "Keep Current with Miriam Kessler", "{0F8A1907-7E42-4739-8610-A676B4D1B69F}");
    }

    /** Writes a {@code .qdpx} holding the given project.qde and the source text under {@code sources/}. */
    private Path project(String name, String qde, String sourceText) throws IOException {
        Path file = temp.resolve(name);
        try (OutputStream bytes = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (qde != null) {
                zip.putNextEntry(new ZipEntry("project.qde"));
                zip.write(qde.getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry("sources/" + SOURCE_GUID.replaceAll("[{}]", "").toLowerCase() + ".txt"));
            zip.write(sourceText.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String qde(String codes, String selections) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"team coding\" origin=\"by hand\">\n"
                + codes + "<Sources>\n<TextSource guid=\"" + SOURCE_GUID + "\" name=\"Kessler thread.txt\" plainTextPath=\"internal://"
                + SOURCE_GUID.replaceAll("[{}]", "").toLowerCase() + ".txt\">\n" + selections
                + "<Coding guid=\"77777777-8888-4999-8aaa-bbbbbbbbbbbb\"><CodeRef targetGUID=\"66666666-7777-4888-8999-aaaaaaaaaaaa\"/></Coding>\n"
                + "</TextSource>\n</Sources>\n</Project>\n";
    }

    private static List<Pipeline.Input> contextPages() {
        return Inputs.expand(List.of(TestSupport.resource("context"))).inputs();
    }

    private static GoldSentence at(List<GoldSentence> sentences, String text, String phrase) {
        int offset = text.codePointCount(0, text.indexOf(phrase));
        return sentences.stream().filter(sentence -> sentence.span().start() <= offset && offset < sentence.span().end()).findFirst()
                .orElseThrow(() -> new AssertionError("no gold sentence at '" + phrase + "'"));
    }

    @Test
    void aHandMadeProjectIsReadAsGold() throws Exception {
        String text = text();
        Path file = project("team.qdpx", qde(CODES, selections(text)), text);
        QdpxGold.Reading reading = QdpxGold.read(QdpxProject.read(file), contextPages(), TestSupport.pipeline());
        List<GoldSentence> sentences = reading.gold().sentences();
        assertEquals(List.of("ctx_01_alliance.txt"), reading.inputs().stream().map(Pipeline.Input::source).toList(), "matched by text");
        assertEquals(List.of("negated"), reading.gold().attributes());
        assertEquals(5, reading.selections(), "coded selections with a concept code");
        assertEquals(List.of("working-alliance"), at(sentences, text, "Most ruptures").concepts());
        assertEquals(Set.of("research-evidence", "working-alliance"), Set.copyOf(at(sentences, text, "But most of the research").concepts()));
        GoldSentence trust = at(sentences, text, "Trust is not");
        assertEquals(List.of("alliance-bond"), trust.concepts());
        assertTrue(trust.has("negated", "alliance-bond"), "the Negated code on the same selection");
        assertEquals(List.of("alliance-goals"), at(sentences, text, "There was no agreement").concepts());
        assertEquals(List.of("alliance-goals"), at(sentences, text, "Agreement on goals is not only").concepts(), "a selection over two sentences");
        assertEquals(List.of(), at(sentences, text, "I have watched this").concepts(), "the team's own code is not a concept");
        assertEquals(List.of(), at(sentences, text, "Patients can tell").concepts(), "the white space ending a selection is not coding");
        assertTrue(sentences.size() > 10, "every sentence of the page is an item: " + sentences.size());
        String notes = String.join("\n", reading.notes());
        assertTrue(notes.contains("source 'Kessler thread.txt': 1 codings of the whole source"), notes);
        assertTrue(notes.contains("codes that match no concept of the codebook, not counted: Clinician experience"), notes);
        assertTrue(notes.contains("1 coded selections lie outside every thread sentence"), notes);
        Evaluation.Result result = new Evaluation(TestSupport.pipeline()).evaluate(reading.gold(), reading.inputs());
        System.out.printf("hand-made qdpx gold: %d sentences, micro precision %.3f recall %.3f F1 %.3f%n", sentences.size(),
                result.concepts().micro().precision(), result.concepts().micro().recall(), result.concepts().micro().f1());
        assertTrue(result.concepts().micro().recall() >= 0.8, "the pipeline finds what the team coded: " + result.concepts().micro());
    }

    @Test
    void evalReadsItOnTheCommandLineWithWarnings() throws Exception {
        String text = text();
        Path file = project("team.qdpx", qde(CODES, selections(text)), text);
        CommandRun result = CommandRun.of("eval", "--gold", file.toString(), TestSupport.resource("context").toString(),
                "--out", temp.resolve("eval").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("warning: " + file + ": codes that match no concept"), result.err());
        assertTrue(result.out().contains("gold team.qdpx (QDPX): "), result.out());
        assertTrue(result.out().contains("5 coded selections on 1 sources"), result.out());
    }

    @Test
    void badProjectsAreNamedWithTheReason() throws Exception {
        String text = text();
        Map<String, Path> cases = new java.util.LinkedHashMap<>();
        cases.put("has coding, but no input has its text", project("edited.qdpx", qde(CODES, selections(text)), text + "an edit"));
        cases.put("a .qdpx holds project.qde; this zip has none", project("empty.qdpx", null, text));
        cases.put("not well-formed XML", project("doctype.qdpx", "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Project name=\"&x;\"/>", text));
        cases.put("no coded selection has a code that matches a concept", project("foreign.qdpx", qde("<CodeBook><Codes><Code guid=\""
                + "66666666-7777-4888-8999-aaaaaaaaaaaa\" name=\"Clinician experience\" isCodable=\"true\"/></Codes></CodeBook>",
                selection(text, "twenty years", "66666666-7777-4888-8999-aaaaaaaaaaaa")), text));
        cases.put("past the end of the text", project("past.qdpx", qde(CODES, "<PlainTextSelection guid=\"88888888-9999-4aaa-8bbb-cccccccccccc\" "
                + "startPosition=\"10\" endPosition=\"999999\"><Coding guid=\"99999999-aaaa-4bbb-8ccc-dddddddddddd\">"
                + "<CodeRef targetGUID=\"11111111-2222-4333-8444-555555555555\"/></Coding></PlainTextSelection>"), text));
        List<String> messages = new ArrayList<>();
        for (Map.Entry<String, Path> bad : cases.entrySet()) {
            InputException error = assertThrows(InputException.class,
                    () -> QdpxGold.read(QdpxProject.read(bad.getValue()), contextPages(), TestSupport.pipeline()));
            assertTrue(error.getMessage().startsWith(bad.getValue().toString() + ": ") && error.getMessage().contains(bad.getKey()),
                    error.getMessage());
            messages.add(error.getMessage());
        }
        System.out.println("bad qdpx gold files:\n" + String.join("\n", messages));
    }
}
