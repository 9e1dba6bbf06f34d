package org.threadcoder.qdpx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.threadcoder.InputException;
import org.threadcoder.model.Span;
import org.threadcoder.parse.PageReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The coding in a REFI-QDA project ({@code .qdpx}) as a QDA tool wrote it: its codes and, per plain
 * text source, the text and the coded selections on it. Elements are found by their local names, so
 * a tool's namespace version does not matter; the XML may not declare a DTD. GUIDs are kept in lower
 * case without braces, so references match however a tool spells them.
 *
 * @param file    the project file, as messages name it
 * @param codes   every code of the code book, parents before children
 * @param sources the text sources whose text the project holds, in file order
 * @param skipped what was left out and why (sources without plain text, codings of whole sources), one line each
 */
public record QdpxProject(String file, List<Code> codes, List<TextDocument> sources, List<String> skipped) {

    /** A code: its GUID, name, description (or null), and the names of its ancestors. */
    public record Code(String guid, String name, String description, List<String> ancestors) {
        public Code {
            ancestors = List.copyOf(ancestors);
        }
    }

    /** A plain text source with its text, the SHA-256 of its UTF-8 bytes, and its coded selections. */
    public record TextDocument(String guid, String name, String text, String sha256, List<Selection> selections) {
        public TextDocument {
            selections = List.copyOf(selections);
        }
    }

    /** A selection: {@code [startPosition, endPosition)} in code points, and the GUIDs of the codes on it. */
    public record Selection(String guid, Span span, List<String> codeGuids) {
        public Selection {
            codeGuids = List.copyOf(codeGuids);
        }
    }

    public QdpxProject {
        codes = List.copyOf(codes);
        sources = List.copyOf(sources);
        skipped = List.copyOf(skipped);
    }

    /** Whether a file is a zip (a {@code .qdpx} is one), judged by its first bytes. */
    public static boolean recognises(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException unreadable) {
            return false;
        }
    }

    public static QdpxProject read(Path path) throws InputException {
        String file = path.toString();
        try (ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                entries.put(entry.getName().toLowerCase(Locale.ROOT), entry);
            }
            ZipEntry qde = entries.getOrDefault("project.qde", entries.values().stream()
                    .filter(entry -> entry.getName().toLowerCase(Locale.ROOT).endsWith(".qde")).findFirst().orElse(null));
            if (qde == null) {
                throw new InputException(file, "a .qdpx holds project.qde; this zip has none");
            }
            Document document;
            try (InputStream xml = zip.getInputStream(qde)) {
                document = parser().parse(xml);
            } catch (SAXException malformed) {
                throw new InputException(file, qde.getName() + " is not well-formed XML: " + malformed.getMessage());
            }
            Element root = document.getDocumentElement();
            if (!"Project".equals(root.getLocalName())) {
                throw new InputException(file, qde.getName() + " has root <" + root.getLocalName() + ">, not <Project>");
            }
            List<Code> codes = new ArrayList<>();
            for (Element codeBook : children(root, "CodeBook")) {
                for (Element list : children(codeBook, "Codes")) {
                    children(list, "Code").forEach(code -> codes(code, List.of(), codes));
                }
            }
            List<TextDocument> sources = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (Element list : children(root, "Sources")) {
                for (Element source : children(list, "TextSource")) {
                    TextDocument text = source(zip, entries, source, skipped, file);
                    if (text != null) {
                        sources.add(text);
                    }
                }
            }
            return new QdpxProject(file, codes, sources, skipped);
        } catch (ZipException notAZip) {
            throw new InputException(file, "not a readable zip (a .qdpx is one): " + notAZip.getMessage());
        } catch (IOException unreadable) {
            throw new InputException(file, "cannot read: " + unreadable.getMessage(), unreadable);
        }
    }

    private static DocumentBuilder parser() throws InputException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // errors become the exception read() reports; the parser must not print them itself
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException invalid) throws SAXException {
                    throw invalid;
                }
            });
            return builder;
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", impossible);
        }
    }

    private static void codes(Element code, List<String> ancestors, List<Code> codes) {
        List<Element> descriptions = children(code, "Description");
        String name = code.getAttribute("name");
        codes.add(new Code(guid(code.getAttribute("guid")), name, descriptions.isEmpty() ? null : descriptions.get(0).getTextContent(), ancestors));
        List<String> path = new ArrayList<>(ancestors);
        path.add(name);
        children(code, "Code").forEach(child -> codes(child, path, codes));
    }

    private static TextDocument source(ZipFile zip, Map<String, ZipEntry> entries, Element source, List<String> skipped, String file)
            throws IOException, InputException {
        String name = source.getAttribute("name");
        String text;
        List<Element> content = children(source, "PlainTextContent");
        String path = source.getAttribute("plainTextPath");
        if (!content.isEmpty()) {
            text = content.get(0).getTextContent();
        } else if (path.startsWith("internal://")) {
            String inside = path.substring("internal://".length()).toLowerCase(Locale.ROOT);
            ZipEntry entry = entries.getOrDefault("sources/" + inside, entries.get(inside));
            if (entry == null) {
                throw new InputException(file, "source '" + name + "' names " + path + ", which the zip does not hold");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                text = utf8(in.readAllBytes(), file, name);
            }
        } else {
            skipped.add("source '" + name + "': its plain text is outside the project (" + (path.isEmpty() ? "no plainTextPath" : path) + ")");
            return null;
        }
        int wholeCodings = children(source, "Coding").size();
        if (wholeCodings > 0) {
            skipped.add("source '" + name + "': " + wholeCodings + " codings of the whole source (not of a selection)");
        }
        List<Selection> selections = new ArrayList<>();
        for (Element selection : children(source, "PlainTextSelection")) {
            List<String> codeGuids = new ArrayList<>();
            for (Element coding : children(selection, "Coding")) {
                children(coding, "CodeRef").forEach(reference -> codeGuids.add(guid(reference.getAttribute("targetGUID"))));
            }
            selections.add(new Selection(guid(selection.getAttribute("guid")), span(selection, name, file), codeGuids));
        }
        return new TextDocument(guid(source.getAttribute("guid")), name, text, PageReader.sha256(text.getBytes(StandardCharsets.UTF_8)), selections);
    }

    /** A GUID in one spelling: lower case, without braces, so references match however a tool writes them. */
    static String guid(String written) {
        return written.strip().replaceAll("[{}]", "").toLowerCase(Locale.ROOT);
    }

    private static Span span(Element selection, String source, String file) throws InputException {
        String start = selection.getAttribute("startPosition").strip();
        String end = selection.getAttribute("endPosition").strip();
        try {
            return new Span(Integer.parseInt(start), Integer.parseInt(end));
        } catch (IllegalArgumentException notASpan) {
            throw new InputException(file, "source '" + source + "': selection " + selection.getAttribute("guid")
                    + " has startPosition '" + start + "' and endPosition '" + end + "', not a span of positions");
        }
    }

    private static String utf8(byte[] bytes, String file, String source) throws InputException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InputException(file, "source '" + source + "': its text is not UTF-8, as REFI-QDA requires");
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
