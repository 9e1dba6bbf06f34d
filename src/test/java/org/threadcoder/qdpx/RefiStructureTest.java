package org.threadcoder.qdpx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The structure check finds each kind of breach, so its silence on an export means something. */
class RefiStructureTest {
    private static final String A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private static final String B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    private static final String C = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
    private static final String D = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";

    @Test
    void everyKindOfBreachIsFound() throws Exception {
        String project = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Project xmlns="urn:QDA-XML:project:1.0">
                  <Sources>
                    <TextSource guid="%1$s" plainTextPath="internal://%1$s.txt">
                      <PlainTextSelection guid="not-a-guid" startPosition="5" endPosition="2"/>
                      <PlainTextSelection guid="%2$s" startPosition="0" endPosition="99">
                        <Coding guid="%3$s"><CodeRef targetGUID="%4$s"/><CodeRef targetGUID="%4$s"/></Coding>
                      </PlainTextSelection>
                      <VariableValue><VariableRef targetGUID="%4$s"/><TextValue>2021-06-11</TextValue></VariableValue>
                    </TextSource>
                  </Sources>
                  <CodeBook><Codes><Code guid="%3$s" name="Bond" color="red"/></Codes></CodeBook>
                  <Variables><Variable guid="%4$s" name="date" typeOfVariable="Date"/></Variables>
                </Project>
                """.formatted(A, B, C, D);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Sources/" + A + ".txt", "twelve chars".getBytes(StandardCharsets.UTF_8));
        entries.put("notes/extra.txt", new byte[0]);
        List<String> problems = RefiStructure.problems(project.getBytes(StandardCharsets.UTF_8), entries);
        List<String> expected = List.of("<Project> lacks the required attribute name", "is not a GUID", "[5, 2) is not a range",
                "<Coding> holds 2 <CodeRef>", "<Project> holds <CodeBook> where it may not", "lacks the required attribute isCodable",
                "colour 'red' is not #RRGGBB", "GUID " + C + " is used twice", "<CodeRef> targets " + D + ", which is no <Code>",
                "variable date (Date) has <TextValue>", "ends past its source's 12 characters", "zip entry notes/extra.txt");
        for (String breach : expected) {
            assertTrue(problems.stream().anyMatch(problem -> problem.contains(breach)), breach + " in " + problems);
        }
        assertEquals(15, problems.size(), "some breaches are reported twice (each dangling reference, the stray entry): " + problems);
    }
}
