package org.threadcoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The map as the browser drew it, compared with what the run's files say: {@code threads.csv} (sentences
 * tagged per thread and concept, read by column name), {@code concept-map.json} (mentions per thread and
 * concept, run totals), {@code sentences.csv} and {@code mentions.csv} (the totals columns).
 */
final class MapCheck {
    private static final Pattern MONTH = Pattern.compile("\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec");
    private static final String READ_ROWS = "return Array.from(document.querySelectorAll('#map-table tbody tr[data-row]'), tr => ({"
            + "key: tr.getAttribute('data-row'),"
            + "numbers: Array.from(tr.querySelectorAll('td.number'), td => td.textContent),"
            + "cells: Array.from(tr.querySelectorAll('td.cell'), td => [td.getAttribute('data-concept'), td.getAttribute('data-count'),"
            + " td.textContent])}))";

    /** One thread's figures as the files give them. */
    private record Expected(Map<String, Integer> tagged, Map<String, Integer> mentioned, int anyTagged, int mentionTotal,
            int sentences, String tweets, String author, String month) {
    }

    private final List<String> conceptIds = new ArrayList<>();
    private final Map<String, Expected> threads = new LinkedHashMap<>();
    private final Map<String, Integer> conceptSentences = new LinkedHashMap<>();
    private final Map<String, Integer> conceptMentions = new LinkedHashMap<>();
    private final int allTagged;
    private final int allMentions;

    MapCheck(Path out) {
        JsonNode map = ReportFixtures.json(out.resolve("concept-map.json"));
        map.path("codebook").path("concepts").forEach(concept -> conceptIds.add(concept.path("id").asText()));
        Map<String, Map<String, Integer>> mentioned = new LinkedHashMap<>();
        for (JsonNode concept : map.path("concepts")) {
            String id = concept.path("id").asText();
            conceptSentences.put(id, concept.path("sentences").asInt());
            conceptMentions.put(id, concept.path("mentions").asInt());
            for (JsonNode cell : concept.path("by_thread")) {
                mentioned.computeIfAbsent(cell.path("thread_id").asText(), unused -> new TreeMap<>()).put(id, cell.path("mentions").asInt());
            }
        }
        Map<String, Integer> anyTagged = new LinkedHashMap<>();
        int tagged = 0;
        for (Map<String, String> sentence : ReportFixtures.csv(out.resolve("sentences.csv"))) {
            boolean hasConcept = !sentence.get("concepts").isBlank();
            anyTagged.merge(sentence.get("thread_id"), hasConcept ? 1 : 0, Integer::sum);
            tagged += hasConcept ? 1 : 0;
        }
        allTagged = tagged;
        Map<String, Integer> mentionTotals = new LinkedHashMap<>();
        List<Map<String, String>> mentionRows = ReportFixtures.csv(out.resolve("mentions.csv"));
        mentionRows.forEach(mention -> mentionTotals.merge(mention.get("thread_id"), 1, Integer::sum));
        allMentions = mentionRows.size();
        for (Map<String, String> row : ReportFixtures.csv(out.resolve("threads.csv"))) {
            String id = row.get("thread_id");
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Integer> mentions = new LinkedHashMap<>();
            for (String concept : conceptIds) {
                counts.put(concept, Integer.parseInt(row.get(concept)));
                mentions.put(concept, mentioned.getOrDefault(id, Map.of()).getOrDefault(concept, 0));
            }
            String tweets = row.get("tweet_count").isEmpty() ? "unknown" : row.get("tweet_count");
            threads.put(id, new Expected(counts, mentions, anyTagged.getOrDefault(id, 0), mentionTotals.getOrDefault(id, 0),
                    Integer.parseInt(row.get("sentences")), tweets, authorKey(row), monthKey(row)));
        }
    }

    /** The number of threads in {@code threads.csv} whose tweet count is unknown. */
    long unknownTweetCounts() {
        return threads.values().stream().filter(thread -> thread.tweets().equals("unknown")).count();
    }

    private static String authorKey(Map<String, String> row) {
        if (!row.get("handle").isEmpty()) {
            return "handle:" + row.get("handle").toLowerCase(Locale.ROOT);
        }
        return row.get("author").isEmpty() ? "unknown" : "name:" + row.get("author");
    }

    private static String monthKey(Map<String, String> row) {
        if (!row.get("date").isEmpty()) {
            return row.get("date").substring(0, 7);
        }
        Matcher month = MONTH.matcher(row.get("date_text"));
        return month.find() ? "no-year-" + (MONTHS.indexOf(month.group(1).toLowerCase(Locale.ROOT)) + 1) : "unknown";
    }

    /**
     * Draws every view (threads, authors, months) in both counts (sentences tagged, mentions) and compares each
     * row, cell and total with the files; returns the number of numbers compared.
     */
    int assertEveryViewMatches(BrowserSession browser) {
        int compared = 0;
        for (String measure : List.of("tagged", "mentioned")) {
            browser.click(browser.find("#measure-" + measure));
            for (String view : List.of("thread", "author", "month")) {
                browser.click(browser.find("#view-" + view));
                if (!browser.findAll("#map-pager .pager-all").isEmpty()) {
                    browser.click(browser.find("#map-pager .pager-all"));
                }
                compared += assertRows(browser, view, measure);
                compared += assertTotals(browser, measure);
            }
        }
        browser.click(browser.find("#measure-tagged"));
        return compared;
    }

    private int assertRows(BrowserSession browser, String view, String measure) {
        Map<String, List<Expected>> expected = new LinkedHashMap<>();
        threads.forEach((id, thread) -> expected.computeIfAbsent(switch (view) {
            case "author" -> thread.author();
            case "month" -> thread.month();
            default -> "thread:" + id;
        }, unused -> new ArrayList<>()).add(thread));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.script(READ_ROWS);
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put((String) row.get("key"), row));
        assertEquals(expected.keySet().stream().sorted().toList(), byKey.keySet().stream().sorted().toList(), view + " rows");
        int compared = 0;
        for (Map.Entry<String, List<Expected>> entry : expected.entrySet()) {
            List<Expected> members = entry.getValue();
            Map<String, Object> row = byKey.get(entry.getKey());
            String where = view + "/" + measure + " row " + entry.getKey();
            @SuppressWarnings("unchecked")
            List<String> numbers = (List<String>) row.get("numbers");
            assertEquals(view.equals("thread") ? members.get(0).tweets() : Integer.toString(members.size()), plain(numbers.get(0)),
                    where + ": tweets or threads");
            assertEquals(members.stream().mapToInt(Expected::sentences).sum(), Integer.parseInt(plain(numbers.get(1))), where + ": sentences");
            @SuppressWarnings("unchecked")
            List<List<String>> cells = (List<List<String>>) row.get("cells");
            assertEquals(conceptIds.size() + 1, cells.size(), where + ": a cell per concept and the total");
            for (List<String> cell : cells) {
                String concept = cell.get(0);
                int shown = Integer.parseInt(cell.get(1));
                assertEquals(shown, Integer.parseInt(plain(cell.get(2))), where + ": written number = data-count");
                int want = concept.isEmpty()
                        ? members.stream().mapToInt(thread -> measure.equals("tagged") ? thread.anyTagged() : thread.mentionTotal()).sum()
                        : members.stream().mapToInt(thread -> (measure.equals("tagged") ? thread.tagged() : thread.mentioned()).get(concept)).sum();
                assertEquals(want, shown, where + " concept '" + concept + "'");
                compared++;
            }
        }
        return compared;
    }

    private int assertTotals(BrowserSession browser, String measure) {
        @SuppressWarnings("unchecked")
        List<List<String>> totals = (List<List<String>>) browser.script("return Array.from(document.querySelectorAll("
                + "'#map-table .totals-row td.total-cell'), td => [td.getAttribute('data-concept') || '', td.getAttribute('data-count')])");
        Map<String, Integer> want = new LinkedHashMap<>(measure.equals("tagged") ? conceptSentences : conceptMentions);
        want.put("", measure.equals("tagged") ? allTagged : allMentions);
        Map<String, Integer> shown = new LinkedHashMap<>();
        totals.forEach(cell -> shown.put(cell.get(0), Integer.parseInt(cell.get(1))));
        assertEquals(want, shown, measure + " totals row = concept-map.json");
        assertTrue(browser.find("#map-table caption").getText().startsWith(measure.equals("tagged") ? "Sentences tagged" : "Mentions"),
                "the caption names the count");
        return shown.size();
    }

    private static String plain(String number) {
        return number.replace(",", "").strip();
    }
}
