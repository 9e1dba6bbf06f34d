package org.threadcoder.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read back from a run's files ({@code concept-map.json}): an immutable tree built with
 * Jackson's streaming parser, because the report runs at the end of every run and data binding would
 * cost it a fifth of a second of class loading. Its accessors answer as Jackson's {@code JsonNode}
 * answers (a missing field is a missing value, not null; {@code asInt} of text parses it; a number
 * written back is written as read), so the files read as they always have, and a value written out
 * again ({@link #toJsonBytes()}) has the bytes it had when read through data binding.
 */
public final class JsonValue implements Iterable<JsonValue> {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonValue MISSING = new JsonValue(Kind.MISSING, null);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    /** What a value is; whole numbers keep the width they were parsed at (int, long, or larger). */
    public enum Kind { OBJECT, ARRAY, STRING, INT, LONG, BIG_INTEGER, DOUBLE, BOOLEAN, NULL, MISSING }

    private final Kind kind;
    /** The fields (an unmodifiable map in file order), the items (an unmodifiable list), or the scalar; null for null and missing. */
    private final Object value;

    private JsonValue(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /** The first JSON value of the text; a missing value when there is none. */
    public static JsonValue read(Reader reader) throws IOException {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            return read(parser);
        }
    }

    /** The first JSON value of the file, its encoding (UTF-8, -16 or -32) found from its first bytes; a missing value when it is empty. */
    public static JsonValue read(Path file) throws IOException {
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            return read(parser);
        }
    }

    private static JsonValue read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        return first == null ? MISSING : value(parser, first);
    }

    /** The value starting at {@code token}; nesting is bounded by the parser's limit (1,000 levels), so recursion is safe. */
    private static JsonValue value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String name = parser.currentName();
                    // a repeated field keeps its first place and takes its last value, as a tree does
                    fields.put(name, value(parser, parser.nextToken()));
                }
                return new JsonValue(Kind.OBJECT, Collections.unmodifiableMap(fields));
            }
            case START_ARRAY -> {
                List<JsonValue> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(value(parser, next));
                }
                return new JsonValue(Kind.ARRAY, Collections.unmodifiableList(items));
            }
            case VALUE_STRING -> {
                return new JsonValue(Kind.STRING, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> new JsonValue(Kind.INT, parser.getIntValue());
                    case LONG -> new JsonValue(Kind.LONG, parser.getLongValue());
                    default -> new JsonValue(Kind.BIG_INTEGER, parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return new JsonValue(Kind.DOUBLE, parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new JsonValue(Kind.BOOLEAN, token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new JsonValue(Kind.NULL, null);
            }
            default -> throw new IllegalStateException("a JSON text has no " + token + " where a value starts");
        }
    }

    public Kind kind() {
        return kind;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    public boolean isTextual() {
        return kind == Kind.STRING;
    }

    /** A whole number parsed at int width. */
    public boolean isInt() {
        return kind == Kind.INT;
    }

    /** A string, number, true, false or null: anything but an object, an array or a missing value. */
    public boolean isValueNode() {
        return kind != Kind.OBJECT && kind != Kind.ARRAY && kind != Kind.MISSING;
    }

    /** The object's field, or null when this is no object or has no such field. */
    public JsonValue get(String field) {
        return kind == Kind.OBJECT ? fields().get(field) : null;
    }

    /** The array's item, or null when this is no array or the index is outside it. */
    public JsonValue get(int index) {
        return kind == Kind.ARRAY && index >= 0 && index < items().size() ? items().get(index) : null;
    }

    /** The object's field, or a missing value: a path through absent fields needs no null checks. */
    public JsonValue path(String field) {
        JsonValue found = get(field);
        return found == null ? MISSING : found;
    }

    /** How many fields or items; 0 for a scalar. */
    public int size() {
        return kind == Kind.OBJECT ? fields().size() : kind == Kind.ARRAY ? items().size() : 0;
    }

    /** The array's items or the object's field values, in order; nothing for a scalar. */
    @Override
    public Iterator<JsonValue> iterator() {
        return kind == Kind.OBJECT ? fields().values().iterator() : kind == Kind.ARRAY ? items().iterator()
                : Collections.emptyIterator();
    }

    /** A scalar as text (a number in its shortest form, null as "null"); "" for an object, an array or a missing value. */
    public String asText() {
        return switch (kind) {
            case STRING, INT, LONG, BIG_INTEGER, DOUBLE, BOOLEAN -> String.valueOf(value);
            case NULL -> "null";
            default -> "";
        };
    }

    /** {@link #asText()}, but {@code fallback} for null and for a missing value. */
    public String asText(String fallback) {
        return kind == Kind.NULL || kind == Kind.MISSING ? fallback : asText();
    }

    public int asInt() {
        return asInt(0);
    }

    /** A number cut to an int; text parsed as a number; true 1 and false 0; else {@code fallback}. */
    public int asInt(int fallback) {
        return switch (kind) {
            case INT, LONG, BIG_INTEGER, DOUBLE -> ((Number) value).intValue();
            case BOOLEAN -> (Boolean) value ? 1 : 0;
            case STRING -> parseInt((String) value, fallback);
            default -> fallback;
        };
    }

    public boolean asBoolean() {
        return asBoolean(false);
    }

    /** true or false; a whole number other than 0 is true; the text "true" or "false"; else {@code fallback}. */
    public boolean asBoolean(boolean fallback) {
        return switch (kind) {
            case BOOLEAN -> (Boolean) value;
            case INT, LONG -> ((Number) value).longValue() != 0;
            case BIG_INTEGER -> ((BigInteger) value).signum() != 0;
            case STRING -> ((String) value).trim().equals("true") || !((String) value).trim().equals("false") && fallback;
            default -> fallback;
        };
    }

    /** Whether the value is a number within the int range (a decimal one included, then cut). */
    public boolean canConvertToInt() {
        return switch (kind) {
            case INT -> true;
            case LONG -> (Long) value >= Integer.MIN_VALUE && (Long) value <= Integer.MAX_VALUE;
            case BIG_INTEGER -> ((BigInteger) value).compareTo(INT_MIN) >= 0 && ((BigInteger) value).compareTo(INT_MAX) <= 0;
            case DOUBLE -> (Double) value >= Integer.MIN_VALUE && (Double) value <= Integer.MAX_VALUE;
            default -> false;
        };
    }

    /** The value as compact JSON in UTF-8, as written when read. */
    public byte[] toJsonBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            write(json);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return bytes.toByteArray();
    }

    /** The value as compact JSON; "" for a missing value, as messages have always shown one. */
    @Override
    public String toString() {
        if (kind == Kind.MISSING) {
            return "";
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            write(json);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return text.toString();
    }

    private void write(JsonGenerator json) throws IOException {
        switch (kind) {
            case OBJECT -> {
                json.writeStartObject();
                for (Map.Entry<String, JsonValue> field : fields().entrySet()) {
                    json.writeFieldName(field.getKey());
                    field.getValue().write(json);
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (JsonValue item : items()) {
                    item.write(json);
                }
                json.writeEndArray();
            }
            case STRING -> json.writeString((String) value);
            case INT -> json.writeNumber((Integer) value);
            case LONG -> json.writeNumber((Long) value);
            case BIG_INTEGER -> json.writeNumber((BigInteger) value);
            case DOUBLE -> json.writeNumber((Double) value);
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            // a missing value is never inside a tree; written on its own it is null, as Jackson's tree writes it
            case NULL, MISSING -> json.writeNull();
        }
    }

    /**
     * Text as an int: optional sign and digits, else a decimal number cut to an int, else {@code fallback}
     * ("12" is 12, " 3.9" is 3, "twelve" and "" are the fallback).
     */
    private static int parseInt(String text, int fallback) {
        String number = text.trim();
        if (number.startsWith("+")) {
            number = number.substring(1);
        }
        if (number.isEmpty()) {
            return fallback;
        }
        try {
            return number.matches("-?[0-9]+") ? Integer.parseInt(number) : (int) Double.parseDouble(number);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, JsonValue> fields() {
        return (Map<String, JsonValue>) value;
    }

    @SuppressWarnings("unchecked")
    private List<JsonValue> items() {
        return (List<JsonValue>) value;
    }
}
