package org.threadcoder.tagging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.threadcoder.InputException;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Concept;

/**
 * A LIWC-format dictionary ({@code .dic}) read as a codebook: the category block between the first
 * two {@code %} lines ({@code number<TAB>name}), then one entry a line ({@code word<TAB>numbers}),
 * where {@code *} ends a wildcard ({@code abandon*}) and an entry may be several words
 * ({@code kind of}). Each category becomes a concept, its entries its terms, in file order; a word
 * may belong to several categories, as LIWC intends. The concept id is the category name in lower
 * case with other characters turned into {@code -} ({@code tone_pos} → {@code tone-pos}); the label
 * is the name as written.
 *
 * @param codebook   the concepts
 * @param categories the categories, in file order
 * @param entries    the entries, in file order
 */
public record LiwcDictionary(Codebook codebook, List<Category> categories, List<Entry> entries) {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern CONDITIONAL = Pattern.compile("[()<>/]");

    /** A category: its number in the file, the concept it becomes, its name as written, its line. */
    public record Category(String number, String conceptId, String name, int line) {
    }

    /** An entry: the word or phrase as written, the concepts it belongs to, its line. */
    public record Entry(String word, List<String> conceptIds, int line) {
        public Entry {
            conceptIds = List.copyOf(conceptIds);
        }
    }

    public LiwcDictionary {
        categories = List.copyOf(categories);
        entries = List.copyOf(entries);
    }

    /** Whether a codebook file is a LIWC dictionary: named {@code .dic}, or starting with a {@code %} line. */
    public static boolean recognises(String file, byte[] bytes) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".dic")) {
            return true;
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        return start.startsWith("%") && (start.length() == 1 || Character.isWhitespace(start.charAt(1)));
    }

    /** Reads a dictionary, naming {@code file} and the line in every error. */
    public static LiwcDictionary read(String file, byte[] bytes) throws InputException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InputException(file, "not UTF-8 text: save the dictionary as UTF-8");
        }
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        Map<String, Category> byNumber = new LinkedHashMap<>();
        Map<String, Integer> idLines = new LinkedHashMap<>();
        Map<String, String> definitions = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        int percents = 0;
        for (int index = 0; index < lines.length; index++) {
            int line = index + 1;
            String content = lines[index].strip();
            if (content.isEmpty()) {
                continue;
            }
            if (content.equals("%")) {
                percents++;
                continue;
            }
            if (percents == 0) {
                throw new InputException(file, "line " + line + ": a LIWC dictionary starts with a '%' line before its categories");
            }
            if (percents == 1) {
                Category category = category(file, content, line, idLines, definitions);
                Category earlier = byNumber.putIfAbsent(category.number(), category);
                if (earlier != null) {
                    throw new InputException(file, "line " + line + ": category " + category.number() + " already declared on line " + earlier.line());
                }
            } else if (percents == 2) {
                entries.add(entry(file, lines[index], line, byNumber));
            } else {
                throw new InputException(file, "line " + line + ": a third '%' line; the categories stand between the first two");
            }
        }
        if (byNumber.isEmpty()) {
            throw new InputException(file, "no categories: they stand between two '%' lines (number<TAB>name)");
        }
        return new LiwcDictionary(codebook(file, byNumber, definitions, entries), new ArrayList<>(byNumber.values()), entries);
    }

    private static Category category(String file, String content, int line, Map<String, Integer> idLines,
                                     Map<String, String> definitions) throws InputException {
        // a tab separates the fields, so a name may hold spaces; without tabs, spaces do
        String[] fields = content.contains("\t") ? content.split("\t+", 3) : content.split("\\s+", 3);
        if (fields.length < 2 || !NUMBER.matcher(fields[0]).matches()) {
            throw new InputException(file, "line " + line + ": a category line is number<TAB>name, got '" + content + "'");
        }
        String name = fields[1].strip();
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.isEmpty()) {
            id = "category-" + Integer.parseInt(fields[0]);
        }
        Integer earlier = idLines.putIfAbsent(id, line);
        if (earlier != null) {
            throw new InputException(file, "line " + line + ": category '" + name + "' gives the concept id '" + id
                    + "', as the category on line " + earlier + " does");
        }
        String extra = fields.length == 3 ? " " + fields[2].strip() : "";
        definitions.put(id, "LIWC category " + fields[0] + " (" + name + ")" + extra);
        return new Category(fields[0], id, name, line);
    }

    /** An entry line: the word or phrase before the first tab, else before the trailing numbers. */
    private static Entry entry(String file, String raw, int line, Map<String, Category> byNumber) throws InputException {
        String word;
        List<String> numbers = new ArrayList<>();
        int tab = raw.indexOf('\t');
        String[] tokens = (tab >= 0 ? raw.substring(tab + 1) : raw).strip().split("\\s+");
        if (tab >= 0) {
            word = raw.substring(0, tab).strip();
            numbers.addAll(List.of(tokens));
        } else {
            int first = tokens.length;
            while (first > 1 && NUMBER.matcher(tokens[first - 1]).matches()) {
                first--;
            }
            word = String.join(" ", List.of(tokens).subList(0, first));
            numbers.addAll(List.of(tokens).subList(first, tokens.length));
        }
        if (word.isEmpty()) {
            throw new InputException(file, "line " + line + ": an entry without a word");
        }
        Set<String> concepts = new LinkedHashSet<>();
        for (String number : numbers) {
            if (number.isEmpty()) {
                continue;
            }
            if (CONDITIONAL.matcher(number).find()) {
                throw new InputException(file, "line " + line + ": '" + word + "' has LIWC2007 conditional categories ('"
                        + String.join(" ", numbers) + "'), which are not supported; list the word with plain category numbers");
            }
            Category category = NUMBER.matcher(number).matches() ? byNumber.get(number) : null;
            if (category == null) {
                throw new InputException(file, "line " + line + ": '" + word + "' has category '" + number
                        + "', which the category block does not declare");
            }
            concepts.add(category.conceptId());
        }
        if (concepts.isEmpty()) {
            throw new InputException(file, "line " + line + ": '" + word + "' has no category numbers");
        }
        return new Entry(word, new ArrayList<>(concepts), line);
    }

    private static Codebook codebook(String file, Map<String, Category> categories, Map<String, String> definitions,
                                     List<Entry> entries) throws InputException {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        categories.values().forEach(category -> terms.put(category.conceptId(), new LinkedHashSet<>()));
        for (Entry entry : entries) {
            entry.conceptIds().forEach(id -> terms.get(id).add(entry.word()));
        }
        List<Concept> concepts = new ArrayList<>();
        try {
            for (Category category : categories.values()) {
                concepts.add(new Concept(category.conceptId(), category.name(), null, definitions.get(category.conceptId()),
                        new ArrayList<>(terms.get(category.conceptId()))));
            }
            String name = java.nio.file.Path.of(file).getFileName().toString().replaceFirst("(?i)\\.dic$", "");
            return new Codebook(name.isBlank() ? "dictionary" : name, "", concepts);
        } catch (IllegalArgumentException invalid) {
            throw new InputException(file, invalid.getMessage());
        }
    }
}
