package org.threadcoder.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadcoder.Inputs;
import org.threadcoder.Pipeline;

/** The job lists a folder as run does: the same files, the same order, the same source names, the same failures. */
class HadoopInputsTest {

    @Test
    void listsAsRunDoes(@TempDir Path folder) throws IOException {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        for (String name : List.of("z.txt", "Z.txt", "é.txt", "a-b.txt", "a/b.txt", "a/c/d.txt", "_underscore.txt", "10.txt", "9.txt",
                ".hidden.txt", ".hidden-folder/x.txt", "a/.hidden.txt")) {
            write(first.resolve(name));
        }
        write(second.resolve("z.txt"));
        write(second.resolve("a/b.txt"));
        List<String> given = List.of(first.toString(), second.toString(), second.resolve("z.txt").toString(),
                folder.resolve("missing").toString());

        Inputs.Expansion expected = Inputs.expand(given.stream().map(Path::of).toList());
        HadoopInputs.Listing listed = HadoopInputs.list(given, null, new Configuration());

        assertEquals(expected.inputs().stream().map(Pipeline.Input::source).toList(),
                listed.inputs().stream().map(HadoopInputs.InputFile::source).toList());
        assertEquals(expected.inputs().stream().map(input -> input.path().toAbsolutePath()).toList(),
                listed.inputs().stream().map(input -> Path.of(URI.create(input.location()))).toList());
        assertEquals(expected.failures(), listed.failures());
        assertEquals(expected.warnings(), listed.warnings());
        System.out.println("listed as run: " + listed.inputs().stream().map(HadoopInputs.InputFile::source).toList());
    }

    private static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "text");
    }
}
