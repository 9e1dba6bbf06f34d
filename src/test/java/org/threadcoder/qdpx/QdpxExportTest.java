package org.threadcoder.qdpx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.CommandRun;
import org.threadcoder.eval.Evaluation;
import org.threadcoder.model.SourceText;
import org.w3c.dom.Element;

/**
 * {@code export qdpx} on a run over the seed (a text page with emoji and math letters), an HTML page
 * and a twarc2 file (extracted texts): the structure REFI-QDA requires, selections that hold their
 * mention's text at code point positions, the same bytes on a rerun, and a round trip through
 * {@code eval --gold} that agrees fully.
 */
class QdpxExportTest {
    @TempDir
    static Path temp;
    private static Path out;
    private static List<Path> inputs;

    @BeforeAll
    static void run() {
        out = temp.resolve("out");
        inputs = List.of(TestSupport.seed(), TestSupport.resource("layouts/08-thread-page.html"),
                TestSupport.resource("layouts/09-twarc2-flat.jsonl"));
        List<String> args = new ArrayList<>(List.of("run", "--out", out.toString(), "--no-report"));
        inputs.forEach(input -> args.add(input.toString()));
        CommandRun result = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
    }

    private static Path export(String name, String unit) {
        Path file = temp.resolve(name);
        List<String> args = new ArrayList<>(List.of("export", "qdpx", out.toString(), "--to", file.toString(), "--unit", unit, "--inputs"));
        inputs.forEach(input -> args.add(input.toString()));
        CommandRun result = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("threadcoder: 3 sources, "), result.out());
        return file;
    }

    static Map<String, byte[]> entries(Path file) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    enum Unit { mention, sentence }

    @ParameterizedTest
    @EnumSource(Unit.class)
    void theProjectHasTheStructureTheStandardRequires(Unit unit) throws Exception {
        Map<String, byte[]> entries = entries(export("structure-" + unit + ".qdpx", unit.name()));
        byte[] project = entries.remove("project.qde");
        List<String> problems = RefiStructure.problems(project, entries);
        System.out.println("qdpx (" + unit + "): " + entries.size() + " sources, " + problems.size() + " structure problems" + problems);
        assertEquals(List.of(), problems);
        assertEquals(3, entries.size());
    }

    @Test
    void eachMentionIsASelectionHoldingItsTextAtCodePointPositions() throws Exception {
        Map<String, byte[]> entries = entries(export("mentions.qdpx", "mention"));
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(entries.get("project.qde"))).getDocumentElement();
        Map<String, CSVRecord> mentions = new HashMap<>();
        for (CSVRecord record : TestSupport.csvRows(out.resolve("mentions.csv"))) {
            mentions.put(record.get("mention_id"), record);
        }
        int checked = 0;
        boolean pastAnAstralCharacter = false;
        for (Element source : RefiStructure.descendants(root)) {
            if (!source.getLocalName().equals("TextSource")) {
                continue;
            }
            String text = new String(entries.get("Sources/" + source.getAttribute("plainTextPath").substring("internal://".length())),
                    StandardCharsets.UTF_8);
            SourceText positions = new SourceText(text);
            for (Element selection : RefiStructure.children(source)) {
                CSVRecord mention = mentions.get(selection.getAttribute("name"));
                if (mention == null) {
                    continue;
                }
                int start = Integer.parseInt(selection.getAttribute("startPosition"));
                int end = Integer.parseInt(selection.getAttribute("endPosition"));
                assertEquals(mention.get("start") + ".." + mention.get("end"), start + ".." + end);
                assertEquals(mention.get("matched_text"), positions.slice(new org.threadcoder.model.Span(start, end)));
                pastAnAstralCharacter |= positions.charIndex(start) != start;
                checked++;
            }
        }
        assertEquals(mentions.size(), checked, "every mention is a selection");
        assertTrue(pastAnAstralCharacter, "some selection follows an emoji or math letter, counted as one position");
    }

    @Test
    void aRerunGivesTheSameBytesInAnyTimeZone() throws Exception {
        byte[] first = Files.readAllBytes(export("first.qdpx", "mention"));
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertArrayEquals(first, Files.readAllBytes(export("second.qdpx", "mention")));
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @ParameterizedTest
    @EnumSource(Unit.class)
    void theExportReadBackAsGoldAgreesFully(Unit unit) throws Exception {
        Path file = export("round-trip-" + unit + ".qdpx", unit.name());
        Pipeline pipeline = TestSupport.pipeline();
        QdpxGold.Reading reading = QdpxGold.read(QdpxProject.read(file), Inputs.expand(inputs).inputs(), pipeline);
        Evaluation.Result result = new Evaluation(pipeline).evaluate(reading.gold(), reading.inputs());
        double f1 = result.concepts().micro().f1();
        System.out.printf("qdpx round trip (%s): %d coded selections, %d gold sentences, micro F1 %.3f, macro F1 %.3f%n", unit,
                reading.selections(), reading.gold().sentences().size(), f1, result.concepts().macroF1());
        assertEquals(1.0, f1);
        assertEquals(1.0, result.concepts().macroF1());
        assertEquals(List.of(), reading.notes());
        assertEquals(unit == Unit.mention ? 5 : 0, result.attributes().size());
        for (Evaluation.AttributeScore attribute : result.attributes()) {
            assertEquals(0, attribute.counts().falsePositives() + attribute.counts().falseNegatives(), attribute.attribute());
        }
    }

    @Test
    void evalOnTheCommandLineReadsTheProject() throws Exception {
        Path file = export("cli.qdpx", "mention");
        List<String> args = new ArrayList<>(List.of("eval", "--gold", file.toString(), "--out", temp.resolve("eval").toString()));
        inputs.forEach(input -> args.add(input.toString()));
        CommandRun result = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().lines().anyMatch(line -> line.matches("micro \\(20 concepts\\)\\s+\\d+\\s+\\d+\\s+0\\s+0\\s+1\\.000\\s+1\\.000\\s+1\\.000.*")),
                result.out());
        assertTrue(Files.exists(temp.resolve("eval/eval.json")));
    }

    @Test
    void aChangedOrMissingInputIsNamed() throws Exception {
        Path copy = temp.resolve("changed").resolve(TestSupport.SEED);
        Files.createDirectories(copy.getParent());
        Files.copy(TestSupport.seed(), copy);
        Path runOut = temp.resolve("changed-out");
        assertEquals(0, CommandRun.of("run", copy.toString(), "--out", runOut.toString(), "--no-report").exitCode());
        Files.writeString(copy, Files.readString(copy) + "\nedited later\n");
        CommandRun changed = CommandRun.of("export", "qdpx", runOut.toString(), "--inputs", copy.toString());
        assertEquals(1, changed.exitCode());
        assertEquals(copy + ": changed since the run (its SHA-256 differs from the one in concept-map.json)", changed.err().strip());
        CommandRun missing = CommandRun.of("export", "qdpx", runOut.toString(), "--inputs", temp.resolve("elsewhere").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith(TestSupport.SEED + ": not among the inputs"), missing.err());
        assertTrue(!Files.exists(runOut.resolve("project.qdpx")), "nothing written");
        CommandRun noRun = CommandRun.of("export", "qdpx", temp.resolve("no-run").toString());
        assertEquals(1, noRun.exitCode());
        assertTrue(noRun.err().contains("concept-map.json: missing (run `threadcoder run` first)"), noRun.err());
    }
}
