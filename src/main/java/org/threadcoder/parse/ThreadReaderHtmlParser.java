package org.threadcoder.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.Span;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.Tweet;

/**
 * Reads a Thread Reader App page saved as HTML: each tweet is a {@code div.content-tweet} with its
 * id in {@code data-tweet} and the author's handle in {@code data-screenname}; the author's name,
 * the date and the tweet count come from the header above the tweets.
 *
 * <p>The page's text is extracted ({@link Page#extracted()}): tweet texts with line breaks kept,
 * images, scripts and site text left out, tweets one line break apart and threads three. Offsets
 * refer to that text, which the run writes beside the outputs.
 */
public final class ThreadReaderHtmlParser {
    private static final Pattern TWEET_COUNT = Pattern.compile("(\\d[\\d,]*)\\s+tweets?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_START = Pattern.compile("^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Elements whose content is never tweet text: media, the permalink icon, scripts. */
    private static final Set<String> SKIPPED_TAGS = Set.of("img", "picture", "video", "audio", "svg", "script", "style", "noscript",
            "button", "iframe", "object", "template");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "table", "tr");

    /** Whether the content is an HTML document (a page the HTML parser should explain, tweets or not). */
    public static boolean looksLikeHtml(String content) {
        String head = content.length() > 4096 ? content.substring(0, 4096) : content;
        return HTML_START.matcher(stripByteOrderMark(head)).find();
    }

    /** Whether the content is HTML with at least one Thread Reader tweet ({@code div.content-tweet}). */
    public static boolean recognises(String content) {
        // the cheap test first: most inputs are text pages that never mention the class
        return content.contains("content-tweet") && !Jsoup.parse(content).select("div.content-tweet").isEmpty();
    }

    /**
     * Parses one saved page.
     *
     * @param source  the source name the outputs show
     * @param content the HTML, as read
     * @param sha256  hash of the input bytes
     * @throws InputException when the page holds no Thread Reader tweet
     */
    public Page parse(String source, String content, String sha256) throws InputException {
        Document document = Jsoup.parse(stripByteOrderMark(content));
        Elements tweetElements = document.select("div.content-tweet");
        if (tweetElements.isEmpty()) {
            throw new InputException(source, "an HTML page with no Thread Reader tweets (no div.content-tweet)");
        }
        Map<Element, Integer> order = documentOrder(document);
        Elements names = document.select(".twitter_name");
        Elements infos = document.select(".thread-info");
        Elements screenNames = document.select(".screenName");
        Elements avatars = document.select("img[alt$=Profile picture]");

        List<String> warnings = new ArrayList<>();
        ExtractedText text = new ExtractedText();
        List<ThreadHeader> headers = new ArrayList<>();
        int previousEnd = -1;
        Element previous = null;
        for (Element tweet : tweetElements) {
            int at = order.get(tweet);
            String handle = tweet.attr("data-screenname").strip();
            // a header between two tweets, or another author, starts the next thread
            boolean newThread = previous == null || lastBetween(infos, order, previousEnd, at) != null
                    || !handle.equalsIgnoreCase(previous.attr("data-screenname").strip());
            if (newThread) {
                headers.add(withKnownAuthor(header(names, infos, screenNames, avatars, order, previousEnd, at, handle,
                        tweet.attr("data-tweet").strip()), headers));
                text.startThread();
            }
            String tweetText = ExtractedText.normalize(visibleText(tweet));
            String tweetId = tweet.attr("data-tweet").strip();
            if (tweetText.isEmpty()) {
                warnings.add("tweet " + (tweetId.isEmpty() ? "#" + tweet.elementSiblingIndex() : tweetId) + " has no text (media only?), left out");
            } else {
                text.addTweet(tweetText, tweetId.isEmpty() ? null : tweetId);
            }
            previous = tweet;
            previousEnd = at;
        }

        SourceText sourceText = text.finish();
        List<TweetThread> threads = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            ThreadHeader header = headers.get(i);
            if (text.tweetCount(i) == 0) {
                continue;
            }
            String id = source + "#t" + (threads.size() + 1);
            if (header.tweetCount() != null && header.tweetCount() != text.tweetCount(i)) {
                warnings.add(id + ": the header announces " + header.tweetCount() + " tweets, the page shows " + text.tweetCount(i));
            }
            threads.add(new TweetThread(id, source, header.author(), header.handle(), header.dateText(), PageDates.isoDate(header.dateText()),
                    header.tweetCount(), true, text.span(i), text.noise(i), text.tweets(i), header.url()));
        }
        if (threads.isEmpty()) {
            throw new InputException(source, "the Thread Reader tweets on this HTML page have no text");
        }
        return new Page(source, sourceText, threads, warnings, sha256, true);
    }

    /** A thread's metadata as the page header shows it. */
    private record ThreadHeader(String author, String handle, String dateText, Integer tweetCount, String url) {
    }

    private static ThreadHeader header(Elements names, Elements infos, Elements screenNames, Elements avatars, Map<Element, Integer> order,
                                       int after, int before, String screenName, String firstTweetId) {
        String author = null;
        Element name = lastBetween(names, order, after, before);
        if (name != null && !name.text().isBlank()) {
            author = name.text().strip();
        } else {
            Element avatar = lastBetween(avatars, order, after, before);
            if (avatar != null) {
                author = avatar.attr("alt").replaceFirst("\\s*Profile picture\\s*$", "").strip();
            }
        }
        String handle = screenName;
        if (handle.isEmpty()) {
            Element shown = lastBetween(screenNames, order, after, before);
            handle = shown == null ? "" : shown.text().strip().replaceFirst("^@", "");
        }
        handle = handle.isEmpty() ? null : handle;

        String dateText = null;
        Integer tweetCount = null;
        Element info = lastBetween(infos, order, after, before);
        if (info != null) {
            Element time = info.selectFirst(".time");
            String infoText = info.text().replace('\u00A0', ' ');
            if (time != null && !time.text().isBlank()) {
                dateText = time.text().strip();
            } else {
                // "Mar 9, 2022 • 6 tweets • 2 min read": the date is what comes before the first bullet
                String first = infoText.split("[•·]", 2)[0].strip();
                dateText = first.isEmpty() || TWEET_COUNT.matcher(first).find() ? null : first;
            }
            Matcher count = TWEET_COUNT.matcher(infoText);
            if (count.find()) {
                tweetCount = Integer.valueOf(count.group(1).replace(",", ""));
            }
        }
        String url = firstTweetId.isEmpty() ? null : "https://x.com/" + (handle == null ? "i" : handle) + "/status/" + firstTweetId;
        return new ThreadHeader(author, handle, dateText, tweetCount, url);
    }

    /** A later thread whose header omits the name takes it from an earlier thread by the same handle. */
    private static ThreadHeader withKnownAuthor(ThreadHeader header, List<ThreadHeader> earlier) {
        if (header.author() != null || header.handle() == null) {
            return header;
        }
        for (ThreadHeader known : earlier) {
            if (known.author() != null && header.handle().equalsIgnoreCase(known.handle())) {
                return new ThreadHeader(known.author(), header.handle(), header.dateText(), header.tweetCount(), header.url());
            }
        }
        return header;
    }

    /** The last of {@code candidates} strictly between two document positions, or null. */
    private static Element lastBetween(Elements candidates, Map<Element, Integer> order, int after, int before) {
        Element found = null;
        for (Element candidate : candidates) {
            int at = order.get(candidate);
            if (at > after && at < before) {
                found = candidate;
            }
        }
        return found;
    }

    /** Each element's position in document order; identity keys, since equal-looking elements are distinct. */
    private static Map<Element, Integer> documentOrder(Document document) {
        Map<Element, Integer> order = new IdentityHashMap<>();
        int position = 0;
        for (Element element : document.getAllElements()) {
            order.put(element, position++);
        }
        return order;
    }

    /** A tweet's text as a reader sees it: {@code <br>} as a line break, links as their text, no media. */
    private static String visibleText(Element tweet) {
        StringBuilder out = new StringBuilder();
        appendVisible(tweet, out);
        return out.toString();
    }

    private static void appendVisible(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode textNode) {
                // source line breaks in HTML text are plain white space; only <br> and blocks break lines
                out.append(textNode.getWholeText().replaceAll("[\\s\\h]+", " "));
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                } else if (SKIPPED_TAGS.contains(tag) || element.hasClass("tw-permalink") || element.hasClass("entity-image")
                        || element.hasClass("entity-video")) {
                    continue;
                } else if (BLOCK_TAGS.contains(tag)) {
                    out.append('\n');
                    appendVisible(element, out);
                    out.append('\n');
                } else {
                    appendVisible(element, out);
                }
            }
        }
    }

    private static String stripByteOrderMark(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }

    /**
     * The text a parser extracts from structured input (HTML, JSON), built thread by thread, with
     * each tweet's span, its numbering marker and the links in it (noise: never sentence text).
     * Shared by the HTML and JSON parsers so both lay out text the same way.
     */
    static final class ExtractedText {
        /**
         * One line break between tweets, not a blank line: the sentence splitter ends a sentence at
         * every blank line, and a sentence may run on into the next tweet ("…leaves patients to" /
         * "fend for themselves…"). Whether a new tweet starts a sentence is the splitter's call, as
         * for text pages, where tweets are one line break apart too.
         */
        static final String BETWEEN_TWEETS = "\n";
        static final String BETWEEN_THREADS = "\n\n\n";

        /** {@code 1/}, {@code 2/10}, {@code (3/8)}, {@code /4}: tweet numbering at a tweet's start or end. */
        private static final String MARKER = "(?:\\((\\d{1,3})/(\\d{1,3})?\\)|(\\d{1,3})/(\\d{1,3})?|/(\\d{1,3}))";
        private static final Pattern LEADING_MARKER = Pattern.compile("^" + MARKER + "(?=\\s|$)");
        private static final Pattern TRAILING_MARKER = Pattern.compile("(?<=\\s|^)" + MARKER + "$");
        /**
         * Noise inside a tweet: links ({@code https://t.co/…}, {@code www.…}, the shortened
         * {@code nytimes.com/2021/04/hea…} Thread Reader shows), and thread signs ({@code 🧵},
         * {@code [THREAD]}, a closing {@code /end}).
         */
        private static final Pattern NOISE = Pattern.compile("\\b(?:https?://|www\\.)\\S+|(?<![\\w@])(?:[A-Za-z0-9-]+\\.)+[a-z]{2,}/\\S*"
                + "|\\[/?thread\\]|🧵|(?<=\\s|^)/end$", Pattern.CASE_INSENSITIVE);
        private static final Pattern LINK_TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?)\"'”’]+$");

        private final StringBuilder text = new StringBuilder();
        private final List<List<int[]>> tweetRanges = new ArrayList<>();
        private final List<List<int[]>> markerRanges = new ArrayList<>();
        private final List<List<int[]>> noiseRanges = new ArrayList<>();
        private final List<List<String>> tweetIds = new ArrayList<>();
        private SourceText source;

        /** White space folded to single spaces within lines, lines trimmed, at most one blank line in a row. */
        static String normalize(String raw) {
            String[] lines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            StringBuilder out = new StringBuilder();
            int blankRun = 0;
            for (String line : lines) {
                String folded = line.replaceAll("[\\s\\h]+", " ").strip();
                if (folded.isEmpty()) {
                    blankRun++;
                    continue;
                }
                if (!out.isEmpty()) {
                    out.append(blankRun > 0 ? "\n\n" : "\n");
                }
                out.append(folded);
                blankRun = 0;
            }
            return out.toString();
        }

        /** Starts the next thread. */
        void startThread() {
            tweetRanges.add(new ArrayList<>());
            markerRanges.add(new ArrayList<>());
            noiseRanges.add(new ArrayList<>());
            tweetIds.add(new ArrayList<>());
        }

        /** Appends a tweet's normalized, non-empty text to the current thread. */
        void addTweet(String tweetText, String tweetId) {
            if (tweetRanges.isEmpty()) {
                startThread();
            }
            int thread = tweetRanges.size() - 1;
            List<int[]> tweets = tweetRanges.get(thread);
            if (!tweets.isEmpty()) {
                text.append(BETWEEN_TWEETS);
            } else if (!text.isEmpty()) {
                text.append(BETWEEN_THREADS);
            }
            int start = text.length();
            text.append(tweetText);
            tweets.add(new int[] {start, text.length()});
            tweetIds.get(thread).add(tweetId);
            markerRanges.get(thread).add(marker(tweetText, tweets.size(), start));
            Matcher noise = NOISE.matcher(tweetText);
            while (noise.find()) {
                int end = noise.end() - trailingPunctuation(noise.group());
                noiseRanges.get(thread).add(new int[] {start + noise.start(), start + end});
            }
        }

        /**
         * The numbering marker at the tweet's start, else at its end (the splitter masks one marker
         * a tweet). The number must be the tweet's position or a little past it (a thread may miss a
         * tweet or two), so "12/ days" in tweet 1 stays text.
         */
        private static int[] marker(String tweetText, int index, int offset) {
            for (Pattern pattern : List.of(LEADING_MARKER, TRAILING_MARKER)) {
                Matcher marker = pattern.matcher(tweetText);
                if (marker.find() && plausible(marker, index)) {
                    return new int[] {offset + marker.start(), offset + marker.end()};
                }
            }
            return null;
        }

        private static boolean plausible(Matcher marker, int index) {
            String numberText = marker.group(1) != null ? marker.group(1) : marker.group(3) != null ? marker.group(3) : marker.group(5);
            String totalText = marker.group(1) != null ? marker.group(2) : marker.group(4);
            int number = Integer.parseInt(numberText);
            boolean inSequence = number >= index && number <= index + 3;
            return inSequence && (totalText == null || Integer.parseInt(totalText) >= number);
        }

        private static int trailingPunctuation(String link) {
            Matcher trailing = LINK_TRAILING_PUNCTUATION.matcher(link);
            return trailing.find() ? trailing.group().length() : 0;
        }

        /** Ends the text; spans are available from here on. */
        SourceText finish() {
            source = new SourceText(text.toString());
            return source;
        }

        int tweetCount(int thread) {
            return tweetRanges.get(thread).size();
        }

        /** From the thread's first tweet to the end of its last. */
        Span span(int thread) {
            List<int[]> tweets = tweetRanges.get(thread);
            return source.span(tweets.get(0)[0], tweets.get(tweets.size() - 1)[1]);
        }

        List<Span> noise(int thread) {
            return noiseRanges.get(thread).stream().map(range -> source.span(range[0], range[1])).toList();
        }

        List<Tweet> tweets(int thread) {
            List<Tweet> tweets = new ArrayList<>();
            List<int[]> ranges = tweetRanges.get(thread);
            for (int k = 0; k < ranges.size(); k++) {
                int[] marker = markerRanges.get(thread).get(k);
                tweets.add(new Tweet(k + 1, source.span(ranges.get(k)[0], ranges.get(k)[1]),
                        marker == null ? null : source.span(marker[0], marker[1]), false, tweetIds.get(thread).get(k)));
            }
            return tweets;
        }
    }
}
