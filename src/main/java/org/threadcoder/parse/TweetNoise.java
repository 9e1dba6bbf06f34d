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
    private static final Pattern INLINE = Pattern.compile(
            "!\\[[^\\]]*\\]\\([^)]*\\)"                                  // Markdown image
                    + "|\\]\\((?:https?://|/)[^)]*\\)"                   // Markdown link target
                    + "|(?<=\\S)Image(?=\\s*$)"                          // "Image" glued to the tweet's end
                    + "|(?<![\\w@])(?:https?://)?(?:[\\w-]+\\.)+[a-z]{2,}/\\S*"   // links, also truncated "site.com/2021/…"
                    + "|https?://\\S+"
                    + "|\\[THREAD\\]|🧵",
            Pattern.CASE_INSENSITIVE);

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
            Matcher inline = INLINE.matcher(line.text());
            while (inline.find()) {
                noise.add(new int[] {line.start() + inline.start(), line.start() + inline.end()});
            }
            int bracket = markdownLinkOpen(line.text());
            while (bracket >= 0) {
                noise.add(new int[] {line.start() + bracket, line.start() + bracket + 1});
                bracket = markdownLinkOpen(line.text(), bracket + 1);
            }
        }
        return noise;
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
