package org.threadcoder.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.Span;
import org.threadcoder.model.Thread;
import org.threadcoder.model.Tweet;

/**
 * Reads a Thread Reader App page saved as text: the unrolled thread (author line, header, tweets)
 * and the {@code More from @handle} previews, dropping all site text.
 */
public final class ThreadReaderTextParser {

    /** Tweet-level noise on a line of its own: never sentence text. */
    private static final Pattern NOISE_LINE = Pattern.compile("^\\s*(?:/end|\\[(?:end|/?thread)\\]|🧵|end/?)\\s*$", Pattern.CASE_INSENSITIVE);

    /** Whether a text looks like a Thread Reader page: it has an author line, a thread header or a More-from section. */
    public static boolean recognises(String text) {
        for (Line line : Line.split(text)) {
            if (SiteText.AUTHOR_LINE.matcher(line.text()).matches()
                    || SiteText.HEADER.matcher(line.text()).matches()
                    || SiteText.MORE_FROM.matcher(line.text()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses one page.
     *
     * @param source the source name the outputs show
     * @param text   the page text, as read
     * @param sha256 hash of the input bytes
     * @throws InputException when the text holds no thread
     */
    public Page parse(String source, String text, String sha256) throws InputException {
        SourceText sourceText = new SourceText(text);
        List<Line> lines = Line.split(text);
        String pageHandle = firstGroup(lines, SiteText.MORE_FROM);
        String pageAuthor = firstGroup(lines, SiteText.KEEP_CURRENT);
        List<Thread> threads = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        int position = mainThread(source, sourceText, lines, pageAuthor, pageHandle, threads);
        previews(source, sourceText, lines, position, pageAuthor, pageHandle, threads);

        if (threads.isEmpty()) {
            throw new InputException(source, "no Thread Reader thread found (no 'Profile picture' author line, "
                    + "no 'N tweets N min read' header, no 'More from @handle' section)");
        }
        return new Page(source, sourceText, threads, warnings, sha256, false);
    }

    /** Adds the unrolled thread, if the page has one; returns the line index where previews may start. */
    private int mainThread(String source, SourceText text, List<Line> lines, String pageAuthor, String pageHandle, List<Thread> threads) {
        int authorLine = -1;
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).text();
            if (SiteText.startsSiteBlock(line)) {
                break;
            }
            if (authorLine < 0 && SiteText.AUTHOR_LINE.matcher(line).matches()) {
                authorLine = i;
            } else if (SiteText.HEADER.matcher(line).matches()) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            return 0;
        }
        Matcher header = SiteText.HEADER.matcher(lines.get(headerLine).text());
        header.matches();
        int bodyEnd = headerLine + 1;
        while (bodyEnd < lines.size() && !SiteText.startsSiteBlock(lines.get(bodyEnd).text())) {
            bodyEnd++;
        }
        String author = pageAuthor;
        if (authorLine >= 0) {
            Matcher authorMatch = SiteText.AUTHOR_LINE.matcher(lines.get(authorLine).text());
            authorMatch.matches();
            author = authorMatch.group(1);
        }
        String dateText = header.group("date");
        addThread(source, text, lines.subList(headerLine + 1, bodyEnd), author, pageHandle, dateText,
                Integer.valueOf(header.group("count")), true, threads);
        return bodyEnd;
    }

    /** Adds the previews of a {@code More from} section: a date line, the first tweets, {@code Read N tweets}. */
    private void previews(String source, SourceText text, List<Line> lines, int from, String pageAuthor, String pageHandle, List<Thread> threads) {
        boolean inMoreFrom = false;
        int i = from;
        while (i < lines.size()) {
            String line = lines.get(i).text();
            if (SiteText.MORE_FROM.matcher(line).matches()) {
                inMoreFrom = true;
                i++;
                continue;
            }
            Matcher date = SiteText.DATE_LINE.matcher(line);
            if (!inMoreFrom || !date.matches()) {
                i++;
                continue;
            }
            int bodyStart = i + 1;
            int bodyEnd = bodyStart;
            Integer announced = null;
            while (bodyEnd < lines.size()) {
                String bodyLine = lines.get(bodyEnd).text();
                Matcher readCount = SiteText.READ_COUNT.matcher(bodyLine);
                if (readCount.matches()) {
                    announced = Integer.valueOf(readCount.group(1));
                    break;
                }
                if (SiteText.DATE_LINE.matcher(bodyLine).matches() || SiteText.startsSiteBlock(bodyLine)) {
                    break;
                }
                bodyEnd++;
            }
            addThread(source, text, lines.subList(bodyStart, bodyEnd), pageAuthor, pageHandle, date.group("date"),
                    announced, false, threads);
            i = announced != null ? bodyEnd + 1 : bodyEnd;
        }
    }

    private void addThread(String source, SourceText text, List<Line> body, String author, String handle, String dateText,
                           Integer announced, boolean complete, List<Thread> threads) {
        List<Line> content = trim(body);
        if (content.isEmpty()) {
            return;
        }
        String page = text.text();
        int start = content.get(0).start() + leadingSpace(content.get(0).text());
        int end = content.get(content.size() - 1).end();
        List<Span> noise = new ArrayList<>();
        for (Line line : content) {
            if (NOISE_LINE.matcher(line.text()).matches()) {
                noise.add(text.span(line.start(), line.end()));
            }
        }
        List<TweetBoundaries.Start> starts = TweetBoundaries.markers(page, content);
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
        String id = source + "#t" + (threads.size() + 1);
        LocalDate date = PageDates.isoDate(dateText);
        threads.add(new Thread(id, source, author, handle, dateText == null ? null : dateText.strip(), date, announced, complete,
                text.span(start, end), noise, tweets, null));
    }

    /** Drops blank and noise lines at both ends. */
    private static List<Line> trim(List<Line> body) {
        int from = 0;
        int to = body.size();
        while (from < to && body.get(from).isBlank()) {
            from++;
        }
        while (to > from && (body.get(to - 1).isBlank() || NOISE_LINE.matcher(body.get(to - 1).text()).matches())) {
            to--;
        }
        return body.subList(from, to);
    }

    private static int leadingSpace(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static String firstGroup(List<Line> lines, Pattern pattern) {
        for (Line line : lines) {
            Matcher matcher = pattern.matcher(line.text());
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return null;
    }
}
