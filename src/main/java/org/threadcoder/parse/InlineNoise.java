package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Noise inside a thread's text lines, found as char ranges so the sentence splitter can mask it and
 * offsets stay exact: links (whole, truncated, with leaked markup {@code ">https://…}), link-preview
 * cards, Markdown link syntax, {@code Image} glued to a tweet, thread marks ({@code 🧵}, {@code [THREAD]}),
 * the {@code @mention} run that opens a reply, leaked HTML tags and control characters; and spans
 * that read otherwise than written: broken entities ({@code & #39;}) and mojibake ({@code donâ€™t}).
 * Every pattern here runs on bounded chunks or is anchored, so the cost is linear in the line.
 */
final class InlineNoise {
    private static final Pattern DOMAIN_ONLY = Pattern.compile("\\s*(?:www\\.)?[\\w-]{1,63}(?:\\.[\\w-]{1,63}){0,6}\\.[a-z]{2,12}\\s*");
    private static final Pattern MARKDOWN = Pattern.compile("!\\[[^\\]\\n]{0,300}\\]\\([^)\\s]{0,500}(?:\\)|$)|\\]\\((?:https?://|/)[^)\\s]{0,500}\\)");
    /** A link as a whitespace-free chunk: {@code https://…}, {@code site.com/path}, truncated {@code site.com/2021/04/hea…}. */
    private static final Pattern LINK = Pattern.compile("(?:https?://\\S+|(?:www\\.)?(?:[\\w-]{1,63}\\.){1,6}[a-z]{2,12}/\\S*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&[ \\t]?(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));");
    private static final Pattern TAG = Pattern.compile("</?(?:a|b|i|u|p|br|div|span|em|strong|img|hr)\\b[^<>\\n]{0,300}?/?>", Pattern.CASE_INSENSITIVE);
    /** HTML attributes an unroller leaked into the text after an emoji's image link ({@code draggable="false" alt="👇🏼" …">}). */
    private static final Pattern LEAKED_ATTRIBUTES = Pattern.compile(
            "(?:[ \\t]*\\b(?:draggable|alt|title|aria-label|class|src|href|style|width|height|rel|target|data-[\\w-]{1,30})=\"[^\"\\n]{0,300}\")+[ \\t]*/?>?");
    private static final int LONGEST_CARD_TITLE = 120;
    /** A tweet's number as a word of its own: {@code 3/17}, {@code 3/}, {@code 3/n}, {@code (3/17)}. */
    private static final Pattern TWEET_NUMBER = Pattern.compile("\\(?\\d{1,3}/(?:\\d{1,3}|[nNxX])?\\)?");
    /** A tweet's numbering right after an {@code Image} placeholder: {@code 2/}, {@code /2}, {@code (2/7)}, {@code [2/7]}. */
    private static final Pattern NEXT_TWEET_MARKER = Pattern.compile("[ \\t]++(?:\\d{1,3}/|/\\d{1,3}\\b|[(\\[]\\d{1,3}/)");
    private static final List<String> MARKS = List.of("[THREAD]", "[thread]", "[Thread]", "🧵", "🪡");
    private static final int MENTION_LIMIT = 15;

    /** What a thread's text lines hold besides their words. */
    record Found(List<int[]> noise, List<Mojibake.Decoded> readings) {
    }

    private InlineNoise() {
    }

    /** Noise and readings in the text lines of a thread (lines in page order; blank and noise lines are masked elsewhere). */
    static Found find(List<Line> lines) {
        List<int[]> noise = new ArrayList<>();
        List<Mojibake.Decoded> readings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            boolean nextIsDomain = i + 1 < lines.size() && lines.get(i + 1).number() == line.number() + 1
                    && isDomainOnly(lines.get(i + 1).text());
            if (nextIsDomain && isCardTitle(lines, i)) {
                // a link-preview card: a title line, then the site's domain on its own line
                noise.add(new int[] {line.start(), line.end()});
                continue;
            }
            if (line.text().length() <= 300 && isDomainOnly(line.text())) {
                noise.add(new int[] {line.start(), line.end()});
                continue;
            }
            inLine(line, noise, readings);
        }
        return new Found(noise, readings);
    }

    /**
     * The {@code Image} an unroller writes at a tweet's end for each picture: glued to the text after a mark
     * ({@code branch.Image}, {@code 😊Image}) or after a space that follows punctuation, a symbol, a tweet's
     * number or a lower-case word ({@code for review. Image}, {@code #AcWri 3/17 Image}, {@code passing option
     * Image Image}); after a capitalised word it is the word ({@code Body Image}). Inside a line the same holds
     * where the next tweet follows: its number ({@code … manual Image 2/ If …}) or a capital after a sentence's
     * end ({@code … and more.Image The land …}).
     */
    private static void imagePlaceholders(String text, int base, List<int[]> noise) {
        List<int[]> run = new ArrayList<>();
        int end = text.stripTrailing().length();
        int before = -1;
        boolean spaced = false;
        while (end > PageText.PLACEHOLDER.length() && text.startsWith(PageText.PLACEHOLDER, end - PageText.PLACEHOLDER.length())) {
            int start = end - PageText.PLACEHOLDER.length();
            run.add(new int[] {base + start, base + end});
            spaced = Character.isWhitespace(text.charAt(start - 1));
            if (!spaced) {
                before = start - 1;
                break;
            }
            end = start;
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            before = end - 1;
        }
        if (before >= 0 && (!Character.isLetterOrDigit(text.charAt(before)) || spaced && placeholderMayFollow(text, before))) {
            noise.addAll(run);
        }
        for (int at = text.indexOf("Image "); at >= 0 && at < end; at = text.indexOf("Image ", at + 6)) {
            char previous = at > 0 ? text.charAt(at - 1) : ' ';
            boolean afterEnd = ".!?".indexOf(previous) >= 0;
            boolean glued = Character.isLetterOrDigit(previous);
            boolean nextTweet = NEXT_TWEET_MARKER.matcher(text).region(at + 5, text.length()).lookingAt();
            boolean nextSentence = afterEnd && at + 6 < text.length() && Character.isUpperCase(text.charAt(at + 6));
            if (!glued && nextTweet || nextSentence) {
                noise.add(new int[] {base + at, base + at + 5});
            }
        }
    }

    /** Whether the word ending at {@code last} may precede a placeholder: a tweet's number or a word in lower case. */
    private static boolean placeholderMayFollow(String text, int last) {
        int start = last;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, last + 1);
        return TWEET_NUMBER.matcher(word).matches() || Character.isLowerCase(word.codePointAt(0));
    }

    /** Whether a whitespace-free chunk is a link as {@link #LINK} reads one ({@code https://…}, {@code site.com/path…}). */
    static boolean isLink(String chunk) {
        return LINK.matcher(chunk).matches();
    }

    /** A line that is a domain alone; the regex runs only on a line of a domain's characters with a dot. */
    private static boolean isDomainOnly(String text) {
        boolean dot = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean domain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!domain && !space) {
                return false;
            }
            dot |= c == '.';
        }
        return dot && DOMAIN_ONLY.matcher(text).matches();
    }

    private static void inLine(Line line, List<int[]> noise, List<Mojibake.Decoded> readings) {
        String text = line.text();
        int base = line.start();
        int mentions = leadingMentions(text);
        if (mentions > 0) {
            noise.add(new int[] {base, base + mentions});
        }
        if (text.contains("](")) {
            Matcher markdown = MARKDOWN.matcher(text);
            while (markdown.find()) {
                noise.add(new int[] {base + markdown.start(), base + markdown.end()});
            }
            for (int bracket : markdownLinkOpens(text)) {
                noise.add(new int[] {base + bracket, base + bracket + 1});
            }
        }
        links(text, base, noise);
        if (text.contains("=\"")) {
            Matcher leaked = LEAKED_ATTRIBUTES.matcher(text);
            while (leaked.find()) {
                noise.add(new int[] {base + leaked.start(), base + leaked.end()});
            }
        }
        if (text.indexOf('<') >= 0) {
            Matcher tag = TAG.matcher(text);
            while (tag.find()) {
                noise.add(new int[] {base + tag.start(), base + tag.end()});
            }
        }
        imagePlaceholders(text, base, noise);
        for (String mark : MARKS) {
            for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + mark.length())) {
                noise.add(new int[] {base + at, base + at + mark.length()});
            }
        }
        for (int c = 0; c < text.length(); c++) {
            char ch = text.charAt(c);
            if (ch < 0x20 && ch != '\t' || ch == 0x7F) {
                noise.add(new int[] {base + c, base + c + 1});
            }
        }
        if (text.indexOf('&') >= 0) {
            Matcher entity = ENTITY.matcher(text);
            while (entity.find()) {
                String decoded = decodeEntity(entity);
                if (decoded != null) {
                    readings.add(new Mojibake.Decoded(base + entity.start(), base + entity.end(), decoded));
                }
            }
        }
        for (Mojibake.Decoded garbled : Mojibake.find(text)) {
            Mojibake.Decoded placed = new Mojibake.Decoded(base + garbled.start(), base + garbled.end(), garbled.text());
            if (MARKS.contains(garbled.text())) {
                noise.add(new int[] {placed.start(), placed.end()});
            } else {
                readings.add(placed);
            }
        }
    }

    /** Links are whitespace-free chunks holding a dot and a slash: only those are tried, so plain words cost nothing. */
    private static void links(String text, int base, List<int[]> noise) {
        int slash = text.indexOf('/');
        int i = 0;
        while (slash >= 0) {
            // the chunk holding the next slash: only chunks with one can be links
            int chunkStart = slash;
            while (chunkStart > i && !Character.isWhitespace(text.charAt(chunkStart - 1))) {
                chunkStart--;
            }
            i = slash;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            slash = text.indexOf('/', i);
            if (i - chunkStart > 4 && i - chunkStart < 4000 && firstInside(text, '/', chunkStart, i) && firstInside(text, '.', chunkStart, i)) {
                String chunk = text.substring(chunkStart, i);
                Matcher link = LINK.matcher(chunk);
                if (link.find() && (link.start() == 0 || !Character.isLetterOrDigit(chunk.charAt(link.start() - 1)))) {
                    // a link card's cut title leaves its ellipsis glued to the address ("…https://…/logo.png"), leaked
                    // markup its attribute's end ("\">https://…"): both go with the link
                    int start = link.start();
                    while (start > 0 && "\"'>\u201C\u2018\u2026".indexOf(chunk.charAt(start - 1)) >= 0) {
                        start--;
                    }
                    start = chunk.startsWith("...", Math.max(0, start - 3)) && start >= 3 ? start - 3 : start;
                    noise.add(new int[] {base + chunkStart + start, base + chunkStart + linkEnd(chunk, start, link.end())});
                }
            }
        }
    }

    /**
     * Where a link found in {@code chunk[start, end)} ends once the punctuation of the sentence around it is left
     * out, as autolinkers read it: a final {@code . , ; : ! ?} or a quote, and a closing bracket the link did not
     * open ("(see example.org/a).", "example.org/Foo_(bar)" keeps its own). Masked, those would hide a sentence end
     * or leave a bracket open, joining the sentences after it.
     */
    static int linkEnd(String chunk, int start, int end) {
        int last = end;
        while (last > start + 1) {
            char c = chunk.charAt(last - 1);
            if (c == '.' && chunk.startsWith("...", last - 3)) {
                break; // a link shortened with three dots keeps them, as it keeps "…"
            } else if (".,;:!?\"'\u201D\u2019".indexOf(c) >= 0) {
                last--;
            } else if (c == ')' && count(chunk, start, last, '(') < count(chunk, start, last, ')')
                    || c == ']' && count(chunk, start, last, '[') < count(chunk, start, last, ']')) {
                last--;
            } else {
                break;
            }
        }
        return last;
    }

    private static int count(String text, int start, int end, char c) {
        int count = 0;
        for (int i = start; i < end; i++) {
            count += text.charAt(i) == c ? 1 : 0;
        }
        return count;
    }

    /** Whether the first {@code c} of the chunk {@code [start, end)} stands inside it, not at its start. */
    private static boolean firstInside(String text, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return i > start;
            }
        }
        return false;
    }

    /**
     * The chars of the {@code @mention} run a reply opens with ({@code @a @b Text}, {@code @a@b text}),
     * white space after it included; 0 when the line does not open so or holds nothing after the run.
     */
    static int leadingMentions(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        int runEnd = -1;
        boolean federated = false;
        while (i < text.length() && text.charAt(i) == '@') {
            int nameStart = i + 1;
            int k = nameStart;
            while (k < text.length() && k - nameStart < MENTION_LIMIT + 1 && isHandleChar(text.charAt(k))) {
                k++;
            }
            if (k == nameStart || k - nameStart > MENTION_LIMIT || k < text.length() && isHandleChar(text.charAt(k))) {
                break;
            }
            int tail = domainTail(text, k);
            federated |= tail > k;
            k = tail;
            i = k;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            runEnd = i;
        }
        boolean restFollows = runEnd > 0 && runEnd < text.length() && !text.substring(runEnd).isBlank();
        // a Bluesky or Mastodon handle alone on its line is the page's byline, not a post's words
        return restFollows || federated && runEnd > 0 ? runEnd : 0;
    }

    /**
     * The end of a handle's server or domain part after its name, or {@code at} when there is none: Mastodon's
     * {@code @user@host.social} and Bluesky's {@code @name.bsky.social}; it must end the word.
     */
    private static int domainTail(String text, int at) {
        if (at >= text.length() || text.charAt(at) != '@' && text.charAt(at) != '.') {
            return at;
        }
        int end = at + 1;
        int labels = 0;
        while (true) {
            int label = end;
            while (end < text.length() && (isHandleChar(text.charAt(end)) || text.charAt(end) == '-')) {
                end++;
            }
            if (end == label) {
                return at;
            }
            labels++;
            if (end < text.length() && text.charAt(end) == '.' && end + 1 < text.length() && isHandleChar(text.charAt(end + 1))) {
                end++;
                continue;
            }
            break;
        }
        boolean endsWord = end == text.length() || Character.isWhitespace(text.charAt(end));
        boolean enough = text.charAt(at) == '.' || labels >= 2;
        return endsWord && enough ? end : at;
    }

    private static boolean isHandleChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private static String decodeEntity(Matcher entity) {
        try {
            if (entity.group(1) != null) {
                return new String(Character.toChars(Integer.parseInt(entity.group(1))));
            }
            if (entity.group(2) != null) {
                return new String(Character.toChars(Integer.parseInt(entity.group(2), 16)));
            }
        } catch (IllegalArgumentException notACodePoint) {
            return null;
        }
        return switch (entity.group(3)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> " ";
        };
    }

    /** A card title stands on its own line after a tweet's text and holds no sentence punctuation at its end. */
    private static boolean isCardTitle(List<Line> lines, int index) {
        String text = lines.get(index).text().strip();
        boolean afterText = index > 0 && lines.get(index - 1).number() == lines.get(index).number() - 1;
        return !text.isEmpty() && text.length() <= LONGEST_CARD_TITLE && afterText && !endsWithPunctuation(text);
    }

    private static boolean endsWithPunctuation(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") || text.endsWith(":");
    }

    /** The '[' of each Markdown link {@code [text](url)} (not an image), in one pass. */
    private static List<Integer> markdownLinkOpens(String line) {
        List<Integer> opens = new ArrayList<>();
        int open = -1;
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '[') {
                open = i > 0 && line.charAt(i - 1) == '!' ? -1 : i;
            } else if (c == ']' && line.charAt(i + 1) == '(') {
                if (open >= 0) {
                    opens.add(open);
                }
                open = -1;
            }
        }
        return opens;
    }
}
