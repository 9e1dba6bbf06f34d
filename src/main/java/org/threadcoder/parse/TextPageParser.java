package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadcoder.InputException;
import org.threadcoder.model.Ledger;
import org.threadcoder.model.Page;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.TweetThread;

/**
 * Reads a page saved as text (or clipped as Markdown) from any unroller or copied by hand, in four
 * steps: split it into lines; {@link SiteTextMarker mark} site text and noise by the rules of the
 * site-text table (everything else is tweet text); {@link ThreadCutter cut} the lines into threads;
 * {@link TweetCutter cut} each thread into tweets. Every line ends in a thread or is dropped by a
 * named rule, and the {@link Ledger} says how many code points went each way.
 */
public final class TextPageParser {
    private static final Pattern FRONT_MATTER_SOURCE = Pattern.compile("source:\\s*\"?(https?://[^\"\\s]{1,2000})\"?\\s*");
    /** The layouts a page may be read as, by the site whose rules fire most; {@code plain} when none does. */
    static final String PLAIN = "plain";

    private final SiteRules rules;
    private final SiteTextMarker marker;
    private final ThreadCutter cutter = new ThreadCutter();

    public TextPageParser() {
        this(SiteRules.builtIn());
    }

    TextPageParser(SiteRules rules) {
        this.rules = rules;
        this.marker = new SiteTextMarker(rules);
    }

    /** A page read, with the marks of its lines (what each line became, and by which rule). */
    record Parsed(Page page, List<MarkedLine> lines) {
    }

    /**
     * Parses one page.
     *
     * @param source   the source name the outputs show
     * @param text     the page text every offset refers to
     * @param sha256   hash of the input bytes
     * @param extracted whether the text was derived from the file (decoded from UTF-16, cleaned) rather than being it
     * @param warnings what reading the input already noted
     * @throws InputException when no line of the page is tweet text
     */
    public Page parse(String source, String text, String sha256, boolean extracted, List<String> warnings) throws InputException {
        return read(source, text, sha256, extracted, warnings).page();
    }

    /** As {@link #parse}, for a text that is the file itself, with the marks of its lines. */
    Parsed read(String source, String text, String sha256, List<String> warnings) throws InputException {
        return read(source, text, sha256, false, warnings);
    }

    Parsed read(String source, String text, String sha256, boolean extracted, List<String> warnings) throws InputException {
        SourceText sourceText = new SourceText(text);
        List<Line> lines = Line.split(text);
        int front = frontMatter(lines);
        List<MarkedLine> marked = marker.mark(lines, front);
        List<ThreadBlock> blocks = cutter.cut(marked);
        if (blocks.isEmpty()) {
            throw new InputException(source, "no tweet text: every line is site text or noise (" + firedRules(marked) + ")");
        }
        String url = frontMatterUrl(lines, front);
        List<TweetThread> threads = new ArrayList<>();
        List<String> allWarnings = new ArrayList<>(warnings);
        List<int[]> masked = new ArrayList<>();
        for (ThreadBlock block : blocks) {
            TweetCutter.Cut cut = TweetCutter.thread(source, sourceText, block, threads.size() + 1, threads.isEmpty() ? url : null);
            threads.add(cut.thread());
            masked.addAll(cut.masked());
            allWarnings.addAll(cut.warnings());
        }
        String layout = layout(marked);
        if (layout.equals(PLAIN)) {
            allWarnings.add("no known site layout; read as plain thread text");
        }
        String format = layout + (front > 0 ? "-markdown" : "-text");
        Ledger ledger = ledger(sourceText, marked, masked);
        return new Parsed(new Page(source, sourceText, threads, allWarnings, sha256, extracted, format, ledger), marked);
    }

    /** The site whose rules named most lines, or {@link #PLAIN}. */
    private static String layout(List<MarkedLine> lines) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (MarkedLine line : lines) {
            if (line.rule() != null && !line.rule().site().equals("any") && !line.rule().site().equals("markdown")) {
                hits.merge(line.rule().site(), 1, Integer::sum);
            }
        }
        return hits.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(PLAIN);
    }

    /**
     * Where the page's code points went: site lines (with their line breaks) to site text; blank and
     * noise lines, and the noise masked inside tweet-text lines, to noise; the rest to the threads.
     */
    private static Ledger ledger(SourceText text, List<MarkedLine> lines, List<int[]> maskedInText) {
        int site = 0;
        int noise = 0;
        int tweetLines = 0;
        for (MarkedLine line : lines) {
            int width = text.codePointOffset(line.line().next()) - text.codePointOffset(line.line().start());
            if (line.isText()) {
                tweetLines += width;
            } else if (line.role() == SiteRule.Role.NOISE) {
                noise += width;
            } else {
                site += width;
            }
        }
        int maskedCodePoints = merged(text, maskedInText);
        return new Ledger(text.codePointLength(), tweetLines - maskedCodePoints, site, noise + maskedCodePoints);
    }

    /** Code points covered by char ranges that may overlap. */
    private static int merged(SourceText text, List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int covered = 0;
        int reach = 0;
        for (int[] range : sorted) {
            int from = Math.max(range[0], reach);
            if (range[1] > from) {
                covered += text.codePointOffset(range[1]) - text.codePointOffset(from);
            }
            reach = Math.max(reach, range[1]);
        }
        return covered;
    }

    private static String firedRules(List<MarkedLine> lines) {
        Map<String, Integer> fired = new TreeMap<>();
        for (MarkedLine line : lines) {
            if (line.rule() != null) {
                fired.merge(line.rule().id(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        fired.forEach((rule, count) -> parts.add(rule + " x" + count));
        return parts.isEmpty() ? "no lines" : String.join(", ", parts);
    }

    /** The number of lines of a Markdown clipping's YAML front matter ({@code ---} … {@code ---}), or 0. */
    private static int frontMatter(List<Line> lines) {
        if (lines.isEmpty() || !lines.get(0).text().strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size() && i < 200; i++) {
            if (lines.get(i).text().strip().equals("---")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String frontMatterUrl(List<Line> lines, int front) {
        for (int i = 1; i < front - 1; i++) {
            Matcher source = FRONT_MATTER_SOURCE.matcher(lines.get(i).text().strip());
            if (source.matches()) {
                return source.group(1);
            }
        }
        return null;
    }
}
