package org.threadcoder.tagging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A rule file read once with SnakeYAML's event parser into {@link YamlNode}s, each with its line, and
 * what stops it from being read as written: a syntax error, anchors and aliases (refused: {@code *w}
 * in a term list would silently become the term "w"). Only the first document is kept, as a
 * single-value reader keeps it; the rest is still parsed for errors.
 */
final class YamlLines {
    private static final String STANDARD_TAG = "tag:yaml.org,2002:";

    /** A problem at a 1-based line (0 when the file gives none). */
    record Problem(int line, String message) {
    }

    /** The problems, and the first document's root (null for a file without one). */
    record Read(List<Problem> problems, YamlNode root) {
    }

    private YamlLines() {
    }

    /** One open mapping or sequence: its line, what it holds so far, and in a mapping a key waiting for its value. */
    private static final class Open {
        final boolean mapping;
        final int line;
        final List<YamlNode> items = new ArrayList<>();
        final List<YamlNode.Pair> pairs = new ArrayList<>();
        YamlNode key;

        Open(boolean mapping, int line) {
            this.mapping = mapping;
            this.line = line;
        }

        void add(YamlNode node) {
            if (!mapping) {
                items.add(node);
            } else if (key == null) {
                key = node;
            } else {
                pairs.add(new YamlNode.Pair(key, node));
                key = null;
            }
        }

        YamlNode close() {
            return mapping ? new YamlNode.Mapping(pairs, line) : new YamlNode.Sequence(items, line);
        }
    }

    static Read read(byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        Resolver resolver = new Resolver();
        Deque<Open> open = new ArrayDeque<>();
        YamlNode root = null;
        boolean rootSeen = false;
        try {
            ParserImpl parser = new ParserImpl(new StreamReader(new String(bytes, StandardCharsets.UTF_8)), options);
            for (Event event = parser.getEvent(); event.getEventId() != Event.ID.StreamEnd; event = parser.getEvent()) {
                int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
                if (event instanceof AliasEvent alias) {
                    problems.add(new Problem(line, "YAML alias '*" + alias.getAnchor() + "' is not allowed in a rule file: write the value out"));
                } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    problems.add(new Problem(line, "YAML anchor '&" + node.getAnchor() + "' is not allowed in a rule file: write each value out"));
                }
                YamlNode done = switch (event.getEventId()) {
                    case Scalar -> {
                        ScalarEvent scalar = (ScalarEvent) event;
                        yield new YamlNode.Scalar(scalar.getValue(), kind(scalar, resolver), line);
                    }
                    // the file is refused above; a placeholder keeps the structure whole
                    case Alias -> new YamlNode.Scalar("", YamlNode.Kind.NOTHING, line);
                    case MappingStart, SequenceStart -> {
                        open.push(new Open(event.getEventId() == Event.ID.MappingStart, line));
                        yield null;
                    }
                    case MappingEnd, SequenceEnd -> open.pop().close();
                    default -> null;
                };
                if (done == null) {
                    continue;
                }
                if (!open.isEmpty()) {
                    open.peek().add(done);
                } else if (!rootSeen) {
                    root = done;
                    rootSeen = true;
                }
            }
        } catch (MarkedYAMLException malformed) {
            int line = malformed.getProblemMark() == null ? 0 : malformed.getProblemMark().getLine() + 1;
            problems.add(new Problem(line, "not valid YAML: " + malformed.getProblem()));
        } catch (YAMLException malformed) {
            problems.add(new Problem(0, "not valid YAML: " + malformed.getMessage()));
        }
        return new Read(problems, root);
    }

    /**
     * What a scalar holds. Plain scalars are typed by YAML 1.1's implicit rules ({@code yes}, {@code off}
     * are true and false, {@code ~} and an empty value nothing); quoted ones are text; an explicit
     * standard tag ({@code !!str 12}, {@code !!int "3"}) says it outright.
     */
    private static YamlNode.Kind kind(ScalarEvent scalar, Resolver resolver) {
        String value = scalar.getValue();
        String tag = scalar.getTag();
        if (tag == null || tag.equals("!")) {
            Tag resolved = resolver.resolve(NodeId.scalar, value, scalar.getImplicit().canOmitTagInPlainScalar());
            if (resolved == Tag.INT) {
                return YamlNode.wholeNumber(value) == null ? YamlNode.Kind.TEXT : YamlNode.Kind.WHOLE_NUMBER;
            }
            if (resolved == Tag.FLOAT) {
                return YamlNode.Kind.DECIMAL_NUMBER;
            }
            if (resolved == Tag.BOOL) {
                return truth(value);
            }
            return resolved == Tag.NULL ? YamlNode.Kind.NOTHING : YamlNode.Kind.TEXT;
        }
        String name = tag.startsWith(STANDARD_TAG) ? tag.substring(STANDARD_TAG.length()) : tag;
        if (name.equals("bool")) {
            return truth(value);
        }
        if (value.isEmpty()) {
            return YamlNode.Kind.TEXT;
        }
        return switch (name) {
            case "int" -> YamlNode.wholeNumber(value) == null ? YamlNode.Kind.TEXT : YamlNode.Kind.WHOLE_NUMBER;
            case "float" -> YamlNode.Kind.DECIMAL_NUMBER;
            case "null" -> YamlNode.Kind.NOTHING;
            default -> YamlNode.Kind.TEXT;
        };
    }

    /** YAML 1.1's words for true and false, in any case; anything else stays text. */
    private static YamlNode.Kind truth(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "on", "true" -> YamlNode.Kind.TRUE;
            case "n", "no", "off", "false" -> YamlNode.Kind.FALSE;
            default -> YamlNode.Kind.TEXT;
        };
    }
}
