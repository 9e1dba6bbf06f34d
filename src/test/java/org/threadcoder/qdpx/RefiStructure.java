package org.threadcoder.qdpx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a REFI-QDA project file must be, stated in our own words and checked on a parsed
 * {@code .qdpx} (the standard's schema stays outside the repository): the root and the order of
 * its parts, the children each element may have and in which order, required attributes, the
 * GUID and colour forms, unique GUIDs, references that land on an element of the right kind,
 * variable values of their variable's type, text sources whose text the zip holds, and selections
 * inside their source's text. {@link #problems} lists every breach, one line each.
 */
final class RefiStructure {
    static final String NAMESPACE = "urn:QDA-XML:project:1.0";
    private static final Pattern GUID = Pattern.compile("\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");
    private static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Per element, the children it may have in the order they must come; "?" at most one, "*" any number, "1" exactly one. */
    private static final Map<String, String[]> CHILDREN = Map.ofEntries(
            Map.entry("Project", new String[] {"Users?", "CodeBook?", "Variables?", "Cases?", "Sources?", "Notes?", "Links?", "Sets?",
                "Graphs?", "Description?", "NoteRef*"}),
            Map.entry("Users", new String[] {"User*"}),
            Map.entry("CodeBook", new String[] {"Codes1"}),
            Map.entry("Codes", new String[] {"Code*"}),
            Map.entry("Code", new String[] {"Description?", "NoteRef*", "Code*"}),
            Map.entry("Variables", new String[] {"Variable*"}),
            Map.entry("Variable", new String[] {"Description?"}),
            Map.entry("Cases", new String[] {"Case*"}),
            Map.entry("Case", new String[] {"Description?", "CodeRef*", "VariableValue*", "SourceRef*", "SelectionRef*"}),
            Map.entry("Sources", new String[] {"TextSource*"}),
            Map.entry("TextSource", new String[] {"Description?", "PlainTextContent?", "PlainTextSelection*", "Coding*", "NoteRef*",
                "VariableValue*"}),
            Map.entry("PlainTextSelection", new String[] {"Description?", "Coding*", "NoteRef*"}),
            Map.entry("Coding", new String[] {"CodeRef1", "NoteRef*"}),
            Map.entry("Notes", new String[] {"Note*"}),
            Map.entry("Note", new String[] {"Description?", "PlainTextContent?", "PlainTextSelection*", "Coding*", "NoteRef*", "VariableValue*"}),
            Map.entry("VariableValue", new String[] {"VariableRef1", "TextValue?", "BooleanValue?", "IntegerValue?", "FloatValue?", "DateValue?",
                "DateTimeValue?"}));
    /** Required attributes per element. */
    private static final Map<String, List<String>> REQUIRED = Map.of("Project", List.of("name"), "User", List.of("guid"),
            "Code", List.of("guid", "name", "isCodable"), "Variable", List.of("guid", "name", "typeOfVariable"), "Case", List.of("guid"),
            "TextSource", List.of("guid"), "Note", List.of("guid"), "PlainTextSelection", List.of("guid", "startPosition", "endPosition"),
            "Coding", List.of("guid"));
    /** What each kind of reference must point at. */
    private static final Map<String, String> REFERENCES = Map.of("CodeRef", "Code", "NoteRef", "Note", "VariableRef", "Variable",
            "SourceRef", "TextSource", "SelectionRef", "PlainTextSelection");
    private static final List<String> TYPES = List.of("Text", "Boolean", "Integer", "Float", "Date", "DateTime");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Element> byGuid = new HashMap<>();

    private RefiStructure() {
    }

    /** The breaches of the standard's structure in {@code project.qde}, given the zip's other entries by name. */
    static List<String> problems(byte[] projectXml, Map<String, byte[]> entries) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(projectXml));
        RefiStructure check = new RefiStructure();
        Element root = document.getDocumentElement();
        if (!"Project".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            check.problems.add("the root is {" + root.getNamespaceURI() + "}" + root.getLocalName() + ", not {" + NAMESPACE + "}Project");
        }
        for (String name : entries.keySet()) {
            if (!name.matches("(?i)sources/[^/]+")) {
                check.problems.add("zip entry " + name + " is neither project.qde nor a file directly under Sources/");
            }
        }
        check.walk(root);
        check.references(root);
        check.sources(root, entries);
        return check.problems;
    }

    private void walk(Element element) {
        String name = element.getLocalName();
        if (!NAMESPACE.equals(element.getNamespaceURI())) {
            problems.add("<" + name + "> is outside the project namespace");
        }
        for (String attribute : REQUIRED.getOrDefault(name, List.of())) {
            if (!element.hasAttribute(attribute)) {
                problems.add("<" + name + "> lacks the required attribute " + attribute);
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String attributeName = attribute.getNodeName();
            boolean guidValued = attributeName.equals("guid") || attributeName.endsWith("GUID") || attributeName.equals("creatingUser")
                    || attributeName.equals("modifyingUser");
            if (guidValued && !GUID.matcher(attribute.getNodeValue()).matches()) {
                problems.add("<" + name + "> " + attributeName + "='" + attribute.getNodeValue() + "' is not a GUID");
            }
        }
        if (element.hasAttribute("guid") && byGuid.put(element.getAttribute("guid").toLowerCase(), element) != null) {
            problems.add("GUID " + element.getAttribute("guid") + " is used twice");
        }
        if (name.equals("Code")) {
            if (!List.of("true", "false").contains(element.getAttribute("isCodable"))) {
                problems.add("code " + element.getAttribute("name") + " isCodable='" + element.getAttribute("isCodable") + "'");
            }
            if (element.hasAttribute("color") && !COLOUR.matcher(element.getAttribute("color")).matches()) {
                problems.add("code " + element.getAttribute("name") + " colour '" + element.getAttribute("color") + "' is not #RRGGBB");
            }
        }
        if (name.equals("Variable") && !TYPES.contains(element.getAttribute("typeOfVariable"))) {
            problems.add("variable " + element.getAttribute("name") + " has type '" + element.getAttribute("typeOfVariable") + "'");
        }
        if (name.equals("PlainTextSelection")) {
            try {
                int start = Integer.parseInt(element.getAttribute("startPosition"));
                int end = Integer.parseInt(element.getAttribute("endPosition"));
                if (start < 0 || end < start) {
                    problems.add("selection " + element.getAttribute("guid") + " [" + start + ", " + end + ") is not a range");
                }
            } catch (NumberFormatException notNumbers) {
                problems.add("selection " + element.getAttribute("guid") + " positions are not integers");
            }
        }
        String[] allowed = CHILDREN.get(name);
        List<Element> children = children(element);
        if (allowed != null) {
            order(element, children, allowed);
        } else if (!children.isEmpty()) {
            problems.add("<" + name + "> may hold text only, not <" + children.get(0).getLocalName() + ">");
        }
        children.forEach(this::walk);
    }

    /** The children follow the allowed sequence, with its cardinalities. */
    private void order(Element element, List<Element> children, String[] allowed) {
        int position = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Element child : children) {
            String childName = child.getLocalName();
            while (position < allowed.length && !allowed[position].substring(0, allowed[position].length() - 1).equals(childName)) {
                position++;
            }
            if (position == allowed.length) {
                problems.add("<" + element.getLocalName() + "> holds <" + childName + "> where it may not (allowed, in order: "
                        + String.join(" ", allowed) + ")");
                return;
            }
            counts.merge(childName, 1, Integer::sum);
        }
        for (String rule : allowed) {
            String childName = rule.substring(0, rule.length() - 1);
            int count = counts.getOrDefault(childName, 0);
            char cardinality = rule.charAt(rule.length() - 1);
            if ((cardinality == '?' && count > 1) || (cardinality == '1' && count != 1)) {
                problems.add("<" + element.getLocalName() + "> holds " + count + " <" + childName + ">, allowed " + cardinality);
            }
        }
        if (element.getLocalName().equals("VariableValue") && children.size() > 2) {
            problems.add("a VariableValue holds more than one value");
        }
    }

    private void references(Element root) {
        for (Element element : descendants(root)) {
            String target = REFERENCES.get(element.getLocalName());
            if (target != null) {
                Element found = byGuid.get(element.getAttribute("targetGUID").toLowerCase());
                if (found == null || !found.getLocalName().equals(target)) {
                    problems.add("<" + element.getLocalName() + "> targets " + element.getAttribute("targetGUID") + ", which is no <" + target + ">");
                }
            }
            if (element.getLocalName().equals("VariableValue")) {
                value(element);
            }
        }
    }

    private void value(Element value) {
        List<Element> children = children(value);
        if (children.size() < 2 || !children.get(0).getLocalName().equals("VariableRef")) {
            return;
        }
        Element variable = byGuid.get(children.get(0).getAttribute("targetGUID").toLowerCase());
        if (variable == null) {
            return;
        }
        String type = variable.getAttribute("typeOfVariable");
        Element held = children.get(1);
        String text = held.getTextContent();
        boolean lexical = switch (type) {
            case "Boolean" -> text.equals("true") || text.equals("false");
            case "Integer" -> text.matches("-?\\d+");
            case "Date" -> DATE.matcher(text).matches();
            default -> true;
        };
        if (!held.getLocalName().equals(type + "Value") || !lexical) {
            problems.add("variable " + variable.getAttribute("name") + " (" + type + ") has <" + held.getLocalName() + ">" + text);
        }
    }

    private void sources(Element root, Map<String, byte[]> entries) {
        Map<String, byte[]> lowerCase = new HashMap<>();
        entries.forEach((name, bytes) -> lowerCase.put(name.toLowerCase(), bytes));
        Set<String> used = new HashSet<>();
        for (Element source : descendants(root)) {
            if (!source.getLocalName().equals("TextSource") || !source.getParentNode().getLocalName().equals("Sources")) {
                continue;
            }
            String path = source.getAttribute("plainTextPath");
            boolean content = !children(source).stream().filter(child -> child.getLocalName().equals("PlainTextContent")).toList().isEmpty();
            if (content == !path.isEmpty()) {
                problems.add("source " + source.getAttribute("name") + " needs its text either inline or at plainTextPath, not both or neither");
                continue;
            }
            String text;
            if (content) {
                text = children(source).stream().filter(child -> child.getLocalName().equals("PlainTextContent")).findFirst().orElseThrow().getTextContent();
            } else {
                String file = "sources/" + path.replaceFirst("^internal://", "").toLowerCase();
                if (!path.startsWith("internal://") || !file.endsWith(".txt") || !lowerCase.containsKey(file)) {
                    problems.add("source " + source.getAttribute("name") + " plainTextPath " + path + " is no .txt inside the zip");
                    continue;
                }
                used.add(file);
                text = new String(lowerCase.get(file), StandardCharsets.UTF_8);
            }
            int length = text.codePointCount(0, text.length());
            for (Element selection : children(source)) {
                if (selection.getLocalName().equals("PlainTextSelection") && selection.getAttribute("endPosition").matches("\\d+")
                        && Integer.parseInt(selection.getAttribute("endPosition")) > length) {
                    problems.add("selection " + selection.getAttribute("guid") + " ends past its source's " + length + " characters");
                }
            }
        }
        lowerCase.keySet().stream().filter(name -> !used.contains(name)).forEach(name -> problems.add("zip entry " + name + " is no source's text"));
    }

    static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        for (Element child : children(root)) {
            all.add(child);
            all.addAll(descendants(child));
        }
        return all;
    }
}
