package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.threadcoder.InputException;
import org.threadcoder.tagging.CodebookCheck.Finding;
import org.threadcoder.tagging.CodebookCheck.Severity;

/**
 * {@code codebook check} for a LIWC dictionary: what reading it rejects (an error, with its line),
 * entries that can never match after normalisation (errors), wildcards on fewer than 3 letters, an
 * entry listed twice, categories without entries and, given a corpus run, entries that matched
 * nothing (warnings). A word in several categories is not a finding: LIWC dictionaries are built so.
 */
public final class LiwcCheck {

    private LiwcCheck() {
    }

    /**
     * @param termKeys how terms are keyed for matching
     * @param mentions mention counts per concept id and term from a corpus run, or null for none
     */
    public static List<Finding> check(String file, byte[] bytes, Function<String, List<String>> termKeys,
                                      Map<String, Map<String, Integer>> mentions) {
        List<Finding> findings = new ArrayList<>();
        LiwcDictionary dictionary;
        try {
            dictionary = LiwcDictionary.read(file, bytes);
        } catch (InputException invalid) {
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("^line (\\d+): ").matcher(invalid.reason());
            boolean located = line.find();
            findings.add(new Finding(Severity.ERROR, located ? Integer.parseInt(line.group(1)) : 0,
                    located ? invalid.reason().substring(line.end()) : invalid.reason()));
            return findings;
        }
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (LiwcDictionary.Entry entry : dictionary.entries()) {
            String word = entry.word();
            Integer earlier = firstLine.putIfAbsent(word.toLowerCase(java.util.Locale.ROOT), entry.line());
            if (earlier != null) {
                findings.add(new Finding(Severity.WARNING, entry.line(), "entry '" + word + "' is listed again (first on line " + earlier
                        + "); its categories are joined"));
            }
            if (word.matches(".*(^|\\s)\\S{0,2}\\*.*")) {
                findings.add(new Finding(Severity.WARNING, entry.line(), "entry '" + word + "' has a wildcard on fewer than 3 letters: "
                        + "it will match far too much"));
            }
            if (termKeys.apply(word).isEmpty()) {
                findings.add(new Finding(Severity.ERROR, entry.line(), "entry '" + word + "' can never match: nothing is left of it after normalisation"));
            }
            for (String conceptId : entry.conceptIds()) {
                used.merge(conceptId, 1, Integer::sum);
                if (mentions != null && mentions.getOrDefault(conceptId, Map.of()).getOrDefault(word, 0) == 0 && earlier == null) {
                    findings.add(new Finding(Severity.WARNING, entry.line(), "entry '" + word + "' of '" + conceptId
                            + "' matches nothing in the corpus"));
                }
            }
        }
        for (LiwcDictionary.Category category : dictionary.categories()) {
            if (!used.containsKey(category.conceptId())) {
                findings.add(new Finding(Severity.WARNING, category.line(), "category " + category.number() + " ('" + category.name()
                        + "') has no entries: nothing can tag it"));
            }
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return findings;
    }
}
