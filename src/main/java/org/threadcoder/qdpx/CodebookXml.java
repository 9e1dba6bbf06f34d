package org.threadcoder.qdpx;

import java.util.List;
import org.threadcoder.model.Codebook;

/**
 * A codebook as a REFI-QDA codebook exchange file ({@code .qdc}): the code tree of {@link CodeTree}
 * under {@code <CodeBook>} in the codebook namespace, the same GUIDs as in an exported project.
 */
public final class CodebookXml {

    private CodebookXml() {
    }

    /** The {@code .qdc} document; {@code origin} names the tool that wrote it. */
    public static String write(Codebook codebook, String origin) {
        XmlWriter xml = new XmlWriter();
        xml.start("CodeBook", "xmlns", "urn:QDA-XML:codebook:1.0", "origin", origin);
        CodeTree.write(xml, codebook, List.of());
        xml.end();
        return xml.document();
    }
}
