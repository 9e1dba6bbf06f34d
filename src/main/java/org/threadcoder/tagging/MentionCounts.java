package org.threadcoder.tagging;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.threadcoder.InputException;

/** Mentions per concept and codebook term (or rule), counted from a run's {@code mentions.csv}. */
public final class MentionCounts {

    private MentionCounts() {
    }

    /** Reads {@code mentions.csv}; the map is concept id → term → mentions. */
    public static Map<String, Map<String, Integer>> read(Path mentionsCsv) throws InputException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(mentionsCsv);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            if (!parser.getHeaderMap().containsKey("concept_id") || !parser.getHeaderMap().containsKey("term")) {
                throw new InputException(mentionsCsv.toString(), "not a mentions.csv: no concept_id and term columns");
            }
            for (CSVRecord record : parser) {
                counts.computeIfAbsent(record.get("concept_id"), unused -> new LinkedHashMap<>()).merge(record.get("term"), 1, Integer::sum);
            }
        } catch (NoSuchFileException missing) {
            throw new InputException(mentionsCsv.toString(), "no such file (run 'threadcoder run' first)");
        } catch (IOException | IllegalStateException | IllegalArgumentException unreadable) {
            throw new InputException(mentionsCsv.toString(), "cannot read: " + unreadable.getMessage());
        }
        return counts;
    }
}
