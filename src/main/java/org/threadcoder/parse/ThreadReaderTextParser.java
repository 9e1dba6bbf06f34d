package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.Span;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.Tweet;

/**
 * Reads a Thread Reader App page saved as text or clipped as Markdown: unrolled threads (author
 * line, header, tweets), author pages (profile, then thread previews under their own headers) and
 * {@code More from @handle} previews, dropping all site text.
 */
public final class ThreadReaderTextParser {
    private static final Pattern STATUS_URL = Pattern.compile("https://(?:x|twitter)\\.com/\\w{1,15}/status/\\d+");
    private static final Pattern FRONT_MATTER_SOURCE = Pattern.compile("^source:\\s*\"?(https?://[^\"\\s]+)\"?\\s*$");
    private static final int HEADER_LOOKAROUND = 6;

    /** A header found at a line, possibly joined from several. */
    private record Header(String dateText, int count, int lines, String url) {
    }

    /** Who wrote a thread, as the lines above its header say. */
    private record Byline(String author, String handle) {
    }

    /** Page-level facts every thread may fall back on. */
    private record PageFacts(String author, String handle, boolean authorPage, String url) {
    }

    /** Whether a text looks like a Thread Reader page: it has an author line, a thread header or a More-from section. */
    public static boolean recognises(String text) {
        List<Line> lines = Line.split(text);
        for (int i = 0; i < lines.size(); i++) {
            String view = lines.get(i).view();
            if (SiteText.match(SiteText.AUTHOR_LINE, view).matches() || SiteText.match(SiteText.MORE_FROM, view).matches() || header(lines, i) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses one page.
     *
     * @param source    the source name the outputs show
     * @param text      the page text every offset refers to
     * @param sha256    hash of the input bytes
     * @param extracted whether {@code text} was derived from the input (repaired) rather than read as is
     * @param warnings  what reading the input already noted
     * @throws InputException when the text holds no thread
     */
    public Page parse(String source, String text, String sha256, boolean extracted, List<String> warnings) throws InputException {
        SourceText sourceText = new SourceText(text);
        List<Line> lines = Line.split(text);
        int first = afterFrontMatter(lines);
        PageFacts facts = facts(lines, first);
        List<TweetThread> threads = new ArrayList<>();

        boolean moreFrom = false;
        int i = first;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (SiteText.match(SiteText.MORE_FROM, line.view()).matches()) {
                moreFrom = true;
                i++;
                continue;
            }
            Header header = header(lines, i);
            if (header != null) {
                Byline byline = byline(lines, i, first);
                i = addThread(source, sourceText, lines, i + header.lines(), moreFrom, byline.author() != null ? byline.author() : facts.author(),
                        byline.handle() != null ? byline.handle() : facts.handle(), header.dateText(), header.count(), !facts.authorPage(),
                        header.url() != null ? header.url() : threads.isEmpty() ? facts.url() : null, threads);
                continue;
            }
            Matcher author = SiteText.match(SiteText.AUTHOR_LINE, line.view());
            if (author.matches() && !facts.authorPage() && threads.isEmpty() && !headerFollows(lines, i) && startsText(lines, i + 1)) {
                // a page without a header: the tweets follow the author line
                i = addThread(source, sourceText, lines, i + 1, false, author.group(1), facts.handle(), null, null, true, facts.url(), threads);
                continue;
            }
            Matcher date = SiteText.match(SiteText.DATE_LINE, line.view());
            if (moreFrom && date.matches()) {
                i = addThread(source, sourceText, lines, i + 1, true, facts.author(), facts.handle(), date.group("date"), null, false, null, threads);
                continue;
            }
            i++;
        }
        if (threads.isEmpty()) {
            throw new InputException(source, "no Thread Reader thread found (no 'Profile picture' author line followed by tweets, "
                    + "no 'N tweets N min read' header, no 'More from @handle' previews)");
        }
        return new Page(source, sourceText, threads, warnings, sha256, extracted);
    }

    /**
     * Adds the thread whose body starts at line {@code from}; returns the line after it. The body runs
     * to the first site text, the next thread's header or author line, or {@code Read N tweets}.
     */
    private int addThread(String source, SourceText text, List<Line> lines, int from, boolean inMoreFrom, String author, String handle,
                          String dateText, Integer count, boolean complete, String url, List<TweetThread> threads) {
        int end = from;
        Integer announced = count;
        int next = lines.size();
        while (end < lines.size()) {
            Line line = lines.get(end);
            Matcher readCount = SiteText.match(SiteText.READ_COUNT, line.view());
            if (readCount.matches()) {
                announced = Integer.valueOf(readCount.group(1));
                next = end + 1;
                break;
            }
            if (SiteText.startsSiteBlock(line) || header(lines, end) != null
                    || SiteText.match(SiteText.AUTHOR_LINE, line.view()).matches() && headerFollows(lines, end)
                    || inMoreFrom && SiteText.match(SiteText.DATE_LINE, line.view()).matches()
                    || isBylineAboveHeader(lines, end)) {
                next = end;
                break;
            }
            end++;
        }
        List<Line> content = trim(lines.subList(from, end));
        if (!content.isEmpty()) {
            threads.add(thread(source, text, content, author, handle, dateText, announced, complete, url, threads.size() + 1));
        }
        return Math.max(next, from);
    }

    private static TweetThread thread(String source, SourceText text, List<Line> content, String author, String handle, String dateText,
                                 Integer announced, boolean complete, String url, int number) {
        String page = text.text();
        int start = content.get(0).start() + leadingSpace(content.get(0).text());
        int end = content.get(content.size() - 1).end();
        List<Span> noise = new ArrayList<>();
        for (int[] range : TweetNoise.find(content)) {
            noise.add(text.span(range[0], range[1]));
        }
        List<TweetBoundaries.Start> starts = TweetBoundaries.markers(content, announced);
        if (starts.isEmpty()) {
            starts = complete ? TweetBoundaries.infer(content, announced) : List.of(new TweetBoundaries.Start(start, -1, -1, true));
        }
        if (starts.get(0).at() > start) {
            // an unnumbered first tweet before the first marker ("text… 2/ more text")
            starts = new ArrayList<>(starts);
            starts.add(0, new TweetBoundaries.Start(start, -1, -1, false));
        }
        List<Tweet> tweets = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            TweetBoundaries.Start tweetStart = starts.get(k);
            int tweetEnd = k + 1 < starts.size() ? starts.get(k + 1).at() : end;
            while (tweetEnd > tweetStart.at() && Character.isWhitespace(page.charAt(tweetEnd - 1))) {
                tweetEnd--;
            }
            Span marker = tweetStart.markerStart() < 0 ? null : text.span(tweetStart.markerStart(), tweetStart.markerEnd());
            tweets.add(new Tweet(k + 1, text.span(tweetStart.at(), tweetEnd), marker, tweetStart.inferred(), null));
        }
        String trimmedDate = dateText == null ? null : dateText.strip();
        return new TweetThread(source + "#t" + number, source, author, handle, trimmedDate, PageDates.isoDate(trimmedDate), announced, complete,
                text.span(start, end), noise, tweets, url);
    }

    /** A thread header at line {@code i}: on one line, or split over two or three short lines (the 2026 layout). */
    private static Header header(List<Line> lines, int i) {
        boolean mentionsTweets = false;
        for (int k = i; k < Math.min(lines.size(), i + 3); k++) {
            mentionsTweets |= lines.get(k).view().contains("tweet");
        }
        if (!mentionsTweets) {
            return null;
        }
        for (int span = 3; span >= 1; span--) {
            if (i + span > lines.size()) {
                continue;
            }
            StringBuilder joined = new StringBuilder();
            boolean usable = true;
            for (int k = i; k < i + span; k++) {
                String view = lines.get(k).view().strip();
                usable &= !view.isEmpty() && (span == 1 || view.length() <= 40);
                joined.append(k > i ? " " : "").append(view);
            }
            if (!usable) {
                continue;
            }
            Matcher header = SiteText.match(SiteText.HEADER, joined.toString());
            if (header.matches()) {
                Matcher url = STATUS_URL.matcher(lines.get(i).text());
                return new Header(header.group("date"), Integer.parseInt(header.group("count")), span, url.find() ? url.group() : null);
            }
        }
        return null;
    }

    /** The author and handle on the lines just above a header: a Profile-picture line, a name, {@code Name @handle}, {@code @handle}. */
    private static Byline byline(List<Line> lines, int headerLine, int first) {
        String author = null;
        String handle = null;
        String plainName = null;
        int looked = 0;
        for (int k = headerLine - 1; k >= first && looked < HEADER_LOOKAROUND; k--) {
            Line line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            looked++;
            String view = line.view();
            Matcher authorLine = SiteText.match(SiteText.AUTHOR_LINE, view);
            Matcher handleLine = SiteText.match(SiteText.HANDLE_LINE, view);
            if (authorLine.matches()) {
                author = author == null ? authorLine.group(1) : author;
                break;
            } else if (handleLine.matches()) {
                handle = handle == null ? handleLine.group(2) : handle;
                author = author == null ? handleLine.group(1) : author;
            } else if (SiteText.SUBSCRIBE.matcher(view).matches()) {
                continue;
            } else if (isName(view) && (handle != null || plainName == null && k == headerLine - 1)) {
                plainName = plainName == null ? view.strip() : plainName;
            } else {
                break;
            }
        }
        return new Byline(author != null ? author : plainName, handle);
    }

    /** Whether line {@code i} is a name, handle or subscribe line standing right above a header. */
    private static boolean isBylineAboveHeader(List<Line> lines, int i) {
        String view = lines.get(i).view();
        boolean bylineLike = SiteText.match(SiteText.HANDLE_LINE, view).matches() || SiteText.SUBSCRIBE.matcher(view).matches();
        return bylineLike && headerFollows(lines, i);
    }

    /** Whether a header follows within a few lines, past only name, handle and subscribe lines. */
    private static boolean headerFollows(List<Line> lines, int from) {
        int looked = 0;
        for (int k = from + 1; k < lines.size() && looked < HEADER_LOOKAROUND; k++) {
            Line line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            looked++;
            if (header(lines, k) != null) {
                return true;
            }
            String view = line.view();
            if (!SiteText.match(SiteText.HANDLE_LINE, view).matches() && !SiteText.SUBSCRIBE.matcher(view).matches() && !isName(view)) {
                return false;
            }
        }
        return false;
    }

    /** Whether the first non-blank line from {@code from} is thread text rather than site text. */
    private static boolean startsText(List<Line> lines, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return !SiteText.startsSiteBlock(lines.get(k)) && !SiteText.match(SiteText.AUTHOR_LINE, lines.get(k).view()).matches();
            }
        }
        return false;
    }

    private static boolean isName(String view) {
        String text = view.strip();
        return !text.isEmpty() && text.length() <= 50 && text.split("\\s+").length <= 5 && !text.matches(".*[.!?:;,/]$") && !text.contains("@");
    }

    /** Page-wide author and handle, whether it is an author page, and a thread address from Markdown front matter. */
    private static PageFacts facts(List<Line> lines, int first) {
        String author = null;
        String handle = null;
        String profileHandle = null;
        boolean authorPage = false;
        for (int i = first; i < lines.size(); i++) {
            String view = lines.get(i).view();
            Matcher keepCurrent = SiteText.match(SiteText.KEEP_CURRENT, view);
            Matcher moreFrom = SiteText.match(SiteText.MORE_FROM, view);
            Matcher authorLine = SiteText.match(SiteText.AUTHOR_LINE, view);
            Matcher handleLine = SiteText.match(SiteText.HANDLE_LINE, view);
            if (keepCurrent.matches() && author == null) {
                author = keepCurrent.group(1);
            } else if (moreFrom.matches() && handle == null) {
                handle = moreFrom.group(1);
            } else if (SiteText.match(SiteText.SUBSCRIBERS, view).matches()) {
                authorPage = true;
            } else if (handleLine.matches() && profileHandle == null && i < first + HEADER_LOOKAROUND) {
                profileHandle = handleLine.group(2);
            }
            if (authorLine.matches() && author == null && i < first + HEADER_LOOKAROUND) {
                author = authorLine.group(1);
            }
        }
        return new PageFacts(author, handle != null ? handle : authorPage ? profileHandle : null, authorPage, frontMatterUrl(lines, first));
    }

    /** The line after a Markdown clipping's YAML front matter, or 0. */
    private static int afterFrontMatter(List<Line> lines) {
        if (lines.isEmpty() || !lines.get(0).text().strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).text().strip().equals("---")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String frontMatterUrl(List<Line> lines, int first) {
        for (int i = 1; i < first - 1; i++) {
            Matcher source = FRONT_MATTER_SOURCE.matcher(lines.get(i).text().strip());
            if (source.matches()) {
                return source.group(1);
            }
        }
        return null;
    }

    /** Drops blank lines at both ends, and noise-only lines ({@code /end}) at the end. */
    private static List<Line> trim(List<Line> body) {
        int from = 0;
        int to = body.size();
        while (from < to && body.get(from).isBlank()) {
            from++;
        }
        while (to > from && (body.get(to - 1).isBlank() || TweetNoise.isNoiseLine(body.get(to - 1)))) {
            to--;
        }
        return body.subList(from, to);
    }

    private static int leadingSpace(String line) {
        return line.length() - line.stripLeading().length();
    }
}
