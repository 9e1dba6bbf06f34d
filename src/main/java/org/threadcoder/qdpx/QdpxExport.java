package org.threadcoder.qdpx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.threadcoder.InputException;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.Span;
import org.threadcoder.output.AtomicFile;
import org.threadcoder.parse.PageReader;

/**
 * Exports a run's output folder as a REFI-QDA project ({@code .qdpx}): a zip holding
 * {@code project.qde} and, under {@code Sources/}, each page's plain text as UTF-8, named by its
 * GUID. The text is the one the run's offsets index: {@code sources/<source>.txt} of the output
 * folder for extracted text, else the input file itself, found among the inputs given and checked
 * against the SHA-256 the run recorded. Every sentence and mention is checked against that text
 * before anything is written. Zip entries carry a fixed time, so a rerun gives the same bytes.
 */
public final class QdpxExport {
    /**
     * The zip entry time: fixed (the build's timestamp), so the file depends on content only. Not 1980-01-01 00:00,
     * which the JDK treats as "before 1980" and stores with an extra field in the machine's time zone.
     */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    /** What each coded selection stands for. */
    public enum Unit { MENTION, SENTENCE }

    /** What was written. */
    public record Result(Path file, int sources, int selections, int codings, int notes) {
    }

    private QdpxExport() {
    }

    /**
     * @param outFolder the run's output folder
     * @param inputs    files or folders holding the run's inputs (for pages whose offsets index the input itself)
     * @param target    the {@code .qdpx} to write
     * @throws InputException when the folder's files are missing or malformed, an input is missing or changed,
     *                        or a row's text does not stand at its offsets
     */
    public static Result export(Path outFolder, List<Path> inputs, Path target, Unit unit) throws InputException, IOException {
        RunFolder run = RunFolder.read(outFolder);
        Map<String, String> texts = texts(run, inputs);
        verify(run, texts);
        Map<String, String> guids = new LinkedHashMap<>();
        texts.keySet().forEach(source -> guids.put(source, Guids.of("source", source)));
        Map.Entry<String, ProjectXml.Counts> project = ProjectXml.build(run, guids, unit);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "project.qde", project.getKey());
            for (Map.Entry<String, String> text : texts.entrySet()) {
                entry(zip, "Sources/" + guids.get(text.getKey()) + ".txt", text.getValue());
            }
        }
        AtomicFile.write(target, bytes.toByteArray());
        ProjectXml.Counts counts = project.getValue();
        return new Result(target, counts.sources(), counts.selections(), counts.codings(), counts.notes());
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Each page's text: those with threads in the order the run wrote them, then any other page the manifest names. */
    private static Map<String, String> texts(RunFolder run, List<Path> inputs) throws InputException, IOException {
        Map<String, Pipeline.Input> byName = new LinkedHashMap<>();
        Inputs.Expansion expansion = Inputs.expand(inputs);
        expansion.inputs().forEach(input -> byName.putIfAbsent(input.source(), input));
        java.util.Set<String> sources = new java.util.LinkedHashSet<>();
        run.threads().forEach(thread -> sources.add(thread.source()));
        sources.addAll(run.inputHashes().keySet());
        Map<String, String> texts = new LinkedHashMap<>();
        for (String source : sources) {
            Path extracted = run.folder().resolve("sources").resolve(source + ".txt");
            if (Files.isRegularFile(extracted)) {
                texts.put(source, Files.readString(extracted, StandardCharsets.UTF_8));
                continue;
            }
            Pipeline.Input input = byName.get(source);
            if (input == null) {
                throw new InputException(source, "not among the inputs " + inputs + " (give the files or folder the run read with --inputs)");
            }
            byte[] content = Files.readAllBytes(input.path());
            String recorded = run.inputHashes().get(source);
            if (recorded != null && !recorded.equals(PageReader.sha256(content))) {
                throw new InputException(input.path().toString(), "changed since the run (its SHA-256 differs from the one in concept-map.json)");
            }
            texts.put(source, new String(content, StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** Every sentence and mention text stands at its offsets in its source's text. */
    private static void verify(RunFolder run, Map<String, String> texts) throws InputException {
        Map<String, SourceText> sources = new LinkedHashMap<>();
        texts.forEach((source, text) -> sources.put(source, new SourceText(text)));
        Map<String, String> sentenceSources = new LinkedHashMap<>();
        for (RunFolder.SentenceRow sentence : run.sentences()) {
            sentenceSources.put(sentence.id(), sentence.source());
            check(sources.get(sentence.source()), sentence.span(), sentence.text(), "sentences.csv", sentence.row());
        }
        for (RunFolder.MentionRow mention : run.mentions()) {
            String source = sentenceSources.get(mention.sentenceId());
            if (source == null) {
                throw new InputException("mentions.csv", "row " + mention.row() + ": sentence '" + mention.sentenceId() + "' is not in sentences.csv");
            }
            check(sources.get(source), mention.span(), mention.matchedText(), "mentions.csv", mention.row());
        }
    }

    private static void check(SourceText source, Span span, String expected, String file, int row) throws InputException {
        if (source == null) {
            throw new InputException(file, "row " + row + ": its source has no thread in concept-map.json (files from different runs?)");
        }
        if (span.end() > source.codePointLength() || !source.slice(span).equals(expected)) {
            throw new InputException(file, "row " + row + ": the text at [" + span.start() + ", " + span.end()
                    + ") of its source is not the row's text (files from different runs, or a changed input?)");
        }
    }
}
