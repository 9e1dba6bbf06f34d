package org.threadcoder.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonValue} answers as Jackson's tree answered the readers that used it: each value of a file full of
 * odd cases is read both ways and every accessor the readers call is compared, down to the bytes written back.
 */
class JsonValueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ODD_CASES = """
            {"text": "a \\u00e9 \\ud83d\\ude00 \\n \\"q\\" </script>", "empty": "", "blank": "  ",
             "int": 12, "negative": -3, "zero": -0, "long": 12345678901, "big": 123456789012345678901234567890,
             "decimal": 2.75, "exponent": 1e3, "small": 1.0E-7, "tooBigForInt": 3e10,
             "true": true, "false": false, "null": null,
             "numberText": " 42 ", "decimalText": "3.9", "plusText": "+7", "wordText": "twelve", "trueText": " true ",
             "object": {"b": 1, "a": [1, "x", null], "b": 2}, "emptyObject": {}, "array": [1, [2, 3], {"k": "v"}], "emptyArray": []}
            """;
    private static final List<String> FIELDS = List.of("text", "empty", "blank", "int", "negative", "zero", "long", "big", "decimal",
            "exponent", "small", "tooBigForInt", "true", "false", "null", "numberText", "decimalText", "plusText", "wordText",
            "trueText", "object", "emptyObject", "array", "emptyArray", "absent");

    @Test
    void everyAccessorAnswersAsJacksonsTreeDoes() throws IOException {
        JsonNode tree = JSON.readTree(ODD_CASES);
        JsonValue root = JsonValue.read(new StringReader(ODD_CASES));
        for (String field : FIELDS) {
            compare(field, tree.path(field), root.path(field));
            assertEquals(tree.get(field) == null, root.get(field) == null, field);
        }
        compare("root", tree, root);
        assertEquals(tree.size(), root.size());
        JsonNode array = tree.path("array");
        JsonValue items = root.path("array");
        for (int index = -1; index <= 3; index++) {
            assertEquals(array.get(index) == null, items.get(index) == null, "index " + index);
        }
        assertNull(root.path("text").get(0));
        assertNull(root.path("array").get("k"));
    }

    private static void compare(String what, JsonNode tree, JsonValue value) throws IOException {
        assertEquals(tree.isObject(), value.isObject(), what + " isObject");
        assertEquals(tree.isArray(), value.isArray(), what + " isArray");
        assertEquals(tree.isNull(), value.isNull(), what + " isNull");
        assertEquals(tree.isMissingNode(), value.isMissing(), what + " isMissing");
        assertEquals(tree.isTextual(), value.isTextual(), what + " isTextual");
        assertEquals(tree.isInt(), value.isInt(), what + " isInt");
        assertEquals(tree.isValueNode(), value.isValueNode(), what + " isValueNode");
        assertEquals(tree.size(), value.size(), what + " size");
        assertEquals(tree.asText(), value.asText(), what + " asText");
        assertEquals(tree.asText("fallback"), value.asText("fallback"), what + " asText(fallback)");
        assertEquals(tree.asInt(), value.asInt(), what + " asInt");
        assertEquals(tree.asInt(-9), value.asInt(-9), what + " asInt(-9)");
        assertEquals(tree.asBoolean(), value.asBoolean(), what + " asBoolean");
        assertEquals(tree.asBoolean(true), value.asBoolean(true), what + " asBoolean(true)");
        assertEquals(tree.canConvertToInt(), value.canConvertToInt(), what + " canConvertToInt");
        assertEquals(texts(tree), texts(value), what + " items");
        assertEquals(tree.toString(), value.toString(), what + " toString");
        assertArrayEquals(JSON.writeValueAsBytes(tree), value.toJsonBytes(), what + " bytes");
    }

    private static List<String> texts(JsonNode tree) {
        List<String> texts = new ArrayList<>();
        tree.forEach(item -> texts.add(item.toString()));
        return texts;
    }

    private static List<String> texts(JsonValue value) {
        List<String> texts = new ArrayList<>();
        value.forEach(item -> texts.add(item.toString()));
        return texts;
    }

    @Test
    void aFileIsReadWithItsEncodingAndOnlyItsFirstValue(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("utf16.json");
        Files.writeString(file, "{\"name\": \"caf\u00e9\"} trailing words", java.nio.charset.StandardCharsets.UTF_16);
        JsonValue read = JsonValue.read(file);
        assertEquals("café", read.path("name").asText());
        Path empty = folder.resolve("empty.json");
        Files.writeString(empty, "  \n");
        assertTrue(JsonValue.read(empty).isMissing());
        assertEquals(JSON.readTree(empty.toFile()).isMissingNode(), JsonValue.read(empty).isMissing());
    }

    @Test
    void malformedJsonFailsWithJacksonsMessage() throws IOException {
        String broken = "{\"a\": [1, 2}";
        JacksonException ours = assertThrows(JacksonException.class, () -> JsonValue.read(new StringReader(broken)));
        JacksonException theirs = assertThrows(JacksonException.class, () -> JSON.readTree(new StringReader(broken)));
        assertEquals(theirs.getOriginalMessage(), ours.getOriginalMessage());
        Iterator<JsonValue> none = JsonValue.read(new StringReader("\"just text\"")).iterator();
        assertFalse(none.hasNext(), "a scalar has no items");
    }
}
