package org.threadcoder.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;

/**
 * How a run's JSON files are written: Jackson's streaming generator (no data binding, which costs a
 * cold start a fifth of a second of class loading), two spaces a level, {@code "\n"} line ends on
 * every platform, the writer left open for the caller to finish and close.
 */
final class IndentedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private IndentedJson() {
    }

    /** A generator onto {@code out}; closing it flushes, and leaves {@code out} open. */
    static JsonGenerator open(Writer out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out);
        json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
        return json;
    }
}
