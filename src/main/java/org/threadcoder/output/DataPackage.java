package org.threadcoder.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private DataPackage() {
    }

    public static void write(Codebook codebook, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "tabular-data-package");
        root.put("name", "threadcoder-dataset");
        root.put("title", "threadcoder dataset, codebook " + codebook.name() + (codebook.version().isEmpty() ? "" : " " + codebook.version()));
        ArrayNode resources = root.putArray("resources");
        for (Tables.Table table : Tables.of(codebook)) {
            resources.add(resource(table));
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        JSON.writer(printer).writeValue(out, root);
        out.write('\n');
    }

    private static ObjectNode resource(Tables.Table table) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("name", table.name());
        resource.put("path", table.path());
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        ObjectNode dialect = resource.putObject("dialect");
        dialect.put("delimiter", ",");
        dialect.put("doubleQuote", true);
        dialect.put("lineTerminator", "\r\n");
        dialect.put("header", true);
        ObjectNode schema = resource.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (Tables.Field field : table.fields()) {
            ObjectNode node = fields.addObject();
            node.put("name", field.name());
            node.put("type", field.type().schemaName());
            node.put("description", field.description());
            if (field.type() == Tables.Type.BOOLEAN) {
                node.putArray("trueValues").add("true");
                node.putArray("falseValues").add("false");
            }
        }
        schema.putArray("missingValues").add("");
        schema.put("primaryKey", table.primaryKey());
        ArrayNode keys = schema.putArray("foreignKeys");
        for (Tables.ForeignKey key : table.foreignKeys()) {
            ObjectNode node = keys.addObject();
            node.put("fields", key.fields());
            node.putObject("reference").put("resource", key.resource()).put("fields", key.referencedFields());
        }
        return resource;
    }
}
