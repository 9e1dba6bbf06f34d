package org.threadcoder.tagging;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * What a rule file's YAML events say about its lines, read once with SnakeYAML's event parser:
 * anchors and aliases (refused: {@code *w} in a term list would silently become the term "w"), a
 * syntax error, and where each entry of the top-level {@code concepts} list starts and where its
 * keys stand, so every codebook error can name its line.
 */
final class YamlLines {

    /** A problem at a 1-based line (0 when the file gives none). */
    record Problem(int line, String message) {
    }

    /** One entry of the {@code concepts} list: its first line and the line of each of its keys. */
    record Entry(int line, Map<String, Integer> keys) {
        int lineOf(String key) {
            return keys.getOrDefault(key, line);
        }
    }

    /** The problems, the concept entries in order, and the line of the {@code concepts:} key (0 when absent). */
    record Read(List<Problem> problems, List<Entry> concepts, int conceptsLine) {
    }

    private YamlLines() {
    }

    /** One open mapping or sequence: in a mapping, keys and values alternate. */
    private static final class Level {
        final boolean mapping;
        boolean expectingKey;
        String key;

        Level(boolean mapping) {
            this.mapping = mapping;
            this.expectingKey = mapping;
        }
    }

    static Read read(byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        List<Entry> concepts = new ArrayList<>();
        int conceptsLine = 0;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        Deque<Level> open = new ArrayDeque<>();
        int conceptsDepth = -1;
        Map<String, Integer> entryKeys = null;
        int entryLine = 0;
        try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (Event event : new Yaml(options).parse(reader)) {
                int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
                if (event instanceof AliasEvent alias) {
                    problems.add(new Problem(line, "YAML alias '*" + alias.getAnchor() + "' is not allowed in a rule file: write the value out"));
                } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    problems.add(new Problem(line, "YAML anchor '&" + node.getAnchor() + "' is not allowed in a rule file: write each value out"));
                }
                if (event instanceof MappingEndEvent || event instanceof SequenceEndEvent) {
                    if (event instanceof MappingEndEvent && open.size() == conceptsDepth + 1 && entryKeys != null) {
                        concepts.add(new Entry(entryLine, entryKeys));
                        entryKeys = null;
                    }
                    if (open.size() == conceptsDepth) {
                        conceptsDepth = -1;
                    }
                    open.pop();
                    continue;
                }
                if (!(event instanceof NodeEvent)) {
                    continue;
                }
                Level level = open.peek();
                boolean isKey = level != null && level.mapping && level.expectingKey;
                if (isKey && event instanceof ScalarEvent scalar) {
                    level.key = scalar.getValue();
                    if (open.size() == 1 && "concepts".equals(level.key)) {
                        conceptsLine = line;
                    } else if (entryKeys != null && open.size() == conceptsDepth + 1) {
                        entryKeys.putIfAbsent(level.key, line);
                    }
                }
                if (level != null && level.mapping) {
                    level.expectingKey = !level.expectingKey;
                }
                if (event instanceof SequenceStartEvent) {
                    if (open.size() == 1 && level.mapping && "concepts".equals(level.key) && !isKey) {
                        conceptsDepth = 2;
                    }
                    open.push(new Level(false));
                } else if (event instanceof MappingStartEvent) {
                    if (open.size() == conceptsDepth) {
                        entryKeys = new LinkedHashMap<>();
                        entryLine = line;
                    }
                    open.push(new Level(true));
                }
            }
        } catch (MarkedYAMLException malformed) {
            int line = malformed.getProblemMark() == null ? 0 : malformed.getProblemMark().getLine() + 1;
            problems.add(new Problem(line, "not valid YAML: " + malformed.getProblem()));
        } catch (YAMLException | java.io.IOException malformed) {
            problems.add(new Problem(0, "not valid YAML: " + malformed.getMessage()));
        }
        return new Read(problems, concepts, conceptsLine);
    }
}
