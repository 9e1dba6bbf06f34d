package org.threadcoder.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.threadcoder.model.Codebook;

/**
 * Writes {@code datapackage.json}: a Frictionless Tabular Data Package describing every CSV of the
 * run (column names, types, keys), so readers load ids and tweet ids as text, booleans as booleans
 * and dates as dates instead of guessing. Built from {@link Tables}.
 */
public final class DataPackage {
    public static final String FILE = "datapackage.json";

    private DataPackage() {
    }

    public static void write(Codebook codebook, Writer out) throws IOException {
        try (JsonGenerator json = IndentedJson.open(out)) {
            json.writeStartObject();
            json.writeStringField("profile", "tabular-data-package");
            json.writeStringField("name", "threadcoder-dataset");
            json.writeStringField("title", "threadcoder dataset, codebook " + codebook.name()
                    + (codebook.version().isEmpty() ? "" : " " + codebook.version()));
            json.writeArrayFieldStart("resources");
            for (Tables.Table table : Tables.of(codebook)) {
                resource(table, json);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void resource(Tables.Table table, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", table.name());
        json.writeStringField("path", table.path());
        json.writeStringField("profile", "tabular-data-resource");
        json.writeStringField("format", "csv");
        json.writeStringField("mediatype", "text/csv");
        json.writeStringField("encoding", "utf-8");
        json.writeObjectFieldStart("dialect");
        json.writeStringField("delimiter", ",");
        json.writeBooleanField("doubleQuote", true);
        json.writeStringField("lineTerminator", "\r\n");
        json.writeBooleanField("header", true);
        json.writeEndObject();
        json.writeObjectFieldStart("schema");
        json.writeArrayFieldStart("fields");
        for (Tables.Field field : table.fields()) {
            json.writeStartObject();
            json.writeStringField("name", field.name());
            json.writeStringField("type", field.type().schemaName());
            json.writeStringField("description", field.description());
            if (field.type() == Tables.Type.BOOLEAN) {
                oneString(json, "trueValues", "true");
                oneString(json, "falseValues", "false");
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        oneString(json, "missingValues", "");
        json.writeStringField("primaryKey", table.primaryKey());
        json.writeArrayFieldStart("foreignKeys");
        for (Tables.ForeignKey key : table.foreignKeys()) {
            json.writeStartObject();
            json.writeStringField("fields", key.fields());
            json.writeObjectFieldStart("reference");
            json.writeStringField("resource", key.resource());
            json.writeStringField("fields", key.referencedFields());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A field holding a list of one string. */
    private static void oneString(JsonGenerator json, String field, String value) throws IOException {
        json.writeArrayFieldStart(field);
        json.writeString(value);
        json.writeEndArray();
    }
}
