package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.threadcoder.InputException;
import org.threadcoder.TestSupport;
import org.threadcoder.cli.Main;

/** Output folders made by the real pipeline, and readers for what the tests compare the report with. */
final class ReportFixtures {
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private ReportFixtures() {
    }

    /** Runs {@code threadcoder run INPUT --out DIR [OPTION...]} through the command line; the run must succeed. */
    static Path runPipeline(Path input, Path out, String... options) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        List<String> args = new ArrayList<>(List.of("run", input.toString(), "--out", out.toString(), "--codebook",
                TestSupport.codebookFile().toString()));
        args.addAll(List.of(options));
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(Main.OK, code, "run failed: " + stdout + stderr);
        return out;
    }

    /** The seed page's output folder with its report written. */
    static Path seedReport(Path out) {
        runPipeline(TestSupport.seed(), out);
        return writeReport(out);
    }

    static Path writeReport(Path out) {
        try {
            return ReportWriter.write(out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InputException bad) {
            throw new AssertionError(bad.getMessage(), bad);
        }
    }

    static Document html(Path report) {
        try {
            // read as a string first: jsoup 1.21.1's file reader stopped mid-page on a seed report (a buffer-boundary bug)
            return Jsoup.parse(Files.readString(report, StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The rows of a CSV file, each as column → value in header order. */
    static List<Map<String, String>> csv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static List<String> header(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
            return new ArrayList<>(parser.getHeaderNames());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Rewrites a CSV file: {@code change} may edit every row; {@code columns} are added (last, empty)
     * where the file lacks them, as an older run's file would.
     */
    static void rewrite(Path file, List<String> wantedColumns, Consumer<Map<String, String>> change) {
        List<String> columns = header(file);
        List<String> addedColumns = wantedColumns.stream().filter(column -> !columns.contains(column)).toList();
        columns.addAll(addedColumns);
        List<Map<String, String>> rows = csv(file);
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get()
                .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (Map<String, String> row : rows) {
                addedColumns.forEach(column -> row.put(column, ""));
                change.accept(row);
                List<String> values = new ArrayList<>();
                columns.forEach(column -> values.add(row.get(column)));
                printer.printRecord(values);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** A code point slice of a text. */
    static String codePoints(String text, int from, int to) {
        int start = text.offsetByCodePoints(0, from);
        return text.substring(start, text.offsetByCodePoints(start, to - from));
    }
}
