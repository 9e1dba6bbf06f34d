package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Noise inside tweets that is not sentence text: {@code /end}, {@code [THREAD]}, 🧵, view counts,
 * {@code Image} and image links, truncated and full links, link-preview cards, Markdown link
 * syntax. Found as char ranges so the sentence splitter can mask them and offsets stay exact.
 */
final class TweetNoise {
    private static final Pattern WHOLE_LINE = Pattern.compile(
            "^\\s*(?:/end|\\[(?:end|/?thread)\\]|🧵|end/?|[\\d,.]+[KkM]?\\s+views|Image|!\\[[^\\]]*\\]\\([^)]*\\)|Show more|Show this thread)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN_ONLY = Pattern.compile("^\\s*(?:www\\.)?[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}\\s*$");
    private static final Pattern MARKDOWN = Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)|\\]\\((?:https?://|/)[^)]*\\)");
    /** A link as a whitespace-free chunk: {@code https://…}, {@code site.com/path}, truncated {@code site.com/2021/04/hea…}. */
    private static final Pattern LINK = Pattern.compile("(?:https?://\\S+|(?:www\\.)?(?:[\\w-]+\\.)+[a-z]{2,}/\\S*)", Pattern.CASE_INSENSITIVE);
    private static final List<String> MARKS = List.of("[THREAD]", "[thread]", "[Thread]", "🧵");

    private TweetNoise() {
    }

    /** Whether a whole line is noise ({@code /end}, {@code Image}, a view count...). */
    static boolean isNoiseLine(Line line) {
        return WHOLE_LINE.matcher(line.text()).matches();
    }

    /** Char ranges of noise in the body lines. */
    static List<int[]> find(List<Line> body) {
        List<int[]> noise = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Line line = body.get(i);
            if (WHOLE_LINE.matcher(line.text()).matches()) {
                noise.add(new int[] {line.start(), line.end()});
                continue;
            }
            boolean cardTitle = i + 1 < body.size() && DOMAIN_ONLY.matcher(body.get(i + 1).text()).matches()
                    && !line.isBlank() && !endsWithPunctuation(line.text()) && isCardTitle(body, i);
            if (cardTitle) {
                // a link-preview card: a title line, then the site's domain on its own line
                noise.add(new int[] {line.start(), line.end()});
                continue;
            }
            if (DOMAIN_ONLY.matcher(line.text()).matches()) {
                noise.add(new int[] {line.start(), line.end()});
                continue;
            }
            inlineNoise(line, noise);
            int bracket = markdownLinkOpen(line.text());
            while (bracket >= 0) {
                noise.add(new int[] {line.start() + bracket, line.start() + bracket + 1});
                bracket = markdownLinkOpen(line.text(), bracket + 1);
            }
        }
        return noise;
    }

    /**
     * Noise inside a line: Markdown image and link syntax, links (only whitespace-free chunks with a
     * slash are tried, so plain words cost nothing), "Image" glued to the tweet's end, [THREAD], 🧵.
     */
    private static void inlineNoise(Line line, List<int[]> noise) {
        String text = line.text();
        if (text.contains("](")) {
            Matcher markdown = MARKDOWN.matcher(text);
            while (markdown.find()) {
                noise.add(new int[] {line.start() + markdown.start(), line.start() + markdown.end()});
            }
        }
        if (text.indexOf('/') >= 0) {
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int chunkStart = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                String chunk = text.substring(chunkStart, i);
                if (chunk.indexOf('/') > 0 && chunk.indexOf('.') > 0) {
                    Matcher link = LINK.matcher(chunk);
                    if (link.find() && (link.start() == 0 || !Character.isLetterOrDigit(chunk.charAt(link.start() - 1)))) {
                        noise.add(new int[] {line.start() + chunkStart + link.start(), line.start() + chunkStart + link.end()});
                    }
                }
            }
        }
        String trimmed = text.stripTrailing();
        if (trimmed.endsWith("Image") && trimmed.length() > 5 && !Character.isWhitespace(trimmed.charAt(trimmed.length() - 6))) {
            noise.add(new int[] {line.start() + trimmed.length() - 5, line.start() + trimmed.length()});
        }
        for (String mark : MARKS) {
            for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + mark.length())) {
                noise.add(new int[] {line.start() + at, line.start() + at + mark.length()});
            }
        }
    }

    /** A card title stands on its own line after a tweet's text and holds no sentence punctuation at its end. */
    private static boolean isCardTitle(List<Line> body, int index) {
        String text = body.get(index).text().strip();
        return text.length() <= 120 && !text.endsWith(".") && index > 0 && !body.get(index - 1).isBlank();
    }

    private static boolean endsWithPunctuation(String line) {
        String text = line.strip();
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") || text.endsWith(":");
    }

    private static int markdownLinkOpen(String line) {
        return markdownLinkOpen(line, 0);
    }

    /** The '[' of a Markdown link {@code [text](url)} (not an image), or -1. */
    private static int markdownLinkOpen(String line, int from) {
        for (int i = line.indexOf('[', from); i >= 0; i = line.indexOf('[', i + 1)) {
            int close = line.indexOf("](", i);
            if (close > i && (i == 0 || line.charAt(i - 1) != '!')) {
                return i;
            }
        }
        return -1;
    }
}
