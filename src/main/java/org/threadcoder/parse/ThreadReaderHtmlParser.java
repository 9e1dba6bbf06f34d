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
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.XAddress;

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
    /** Tried only at the start of a run of digits and commas, possessively: linear on any header text. */
    private static final Pattern TWEET_COUNT = Pattern.compile("(?<![\\d,]),*+(\\d[\\d,]*+)\\s++tweets?\\b", Pattern.CASE_INSENSITIVE);
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

    /** Whether the content is HTML with at least one Thread Reader tweet ({@code div.content-tweet}) in its body. */
    public static boolean recognises(String content) {
        // the cheap test first: most inputs are text pages that never mention the class
        return content.contains("content-tweet") && !tweetElements(Jsoup.parse(content)).isEmpty();
    }

    /**
     * The tweets of a page: {@code div.content-tweet} in the body only, and not inside an element
     * whose content is never shown (a template, a script, an SVG…), so markup hidden in the head or
     * in templates never becomes a tweet.
     */
    private static Elements tweetElements(Document document) {
        Elements tweets = new Elements();
        if (document.body() == null) {
            return tweets;
        }
        for (Element tweet : document.body().select("div.content-tweet")) {
            boolean hidden = false;
            for (Element parent = tweet.parent(); parent != null && !hidden; parent = parent.parent()) {
                hidden = SKIPPED_TAGS.contains(parent.normalName());
            }
            if (!hidden) {
                tweets.add(tweet);
            }
        }
        return tweets;
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
        Elements tweetElements = tweetElements(document);
        if (tweetElements.isEmpty()) {
            throw new InputException(source, "an HTML page with no Thread Reader tweets (no div.content-tweet)");
        }
        Map<Element, Integer> order = documentOrder(document);
        Elements names = document.select(".twitter_name");
        Elements infos = document.select(".thread-info");
        Elements screenNames = document.select(".screenName");
        Elements avatars = document.select("img[alt$=Profile picture]");

        List<String> warnings = new ArrayList<>();
        Set<String> invalidHandles = new java.util.TreeSet<>();
        ExtractedText text = new ExtractedText();
        List<ThreadHeader> headers = new ArrayList<>();
        int previousEnd = -1;
        Element previous = null;
        for (Element tweet : tweetElements) {
            int at = order.get(tweet);
            String handle = tweet.attr("data-screenname").strip();
            if (!handle.isEmpty() && !XAddress.isHandle(handle)) {
                invalidHandles.add("'" + (handle.length() > 40 ? handle.substring(0, 40) + "…" : handle) + "'");
            }
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

        if (!invalidHandles.isEmpty()) {
            warnings.add("data-screenname values that are not X handles ([A-Za-z0-9_]{1,15}) left out: " + String.join(", ", invalidHandles));
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
                String alt = avatar.attr("alt").strip();
                author = (alt.endsWith("Profile picture") ? alt.substring(0, alt.length() - "Profile picture".length()) : alt).strip();
            }
        }
        String handle = screenName;
        if (handle.isEmpty()) {
            Element shown = lastBetween(screenNames, order, after, before);
            handle = shown == null ? "" : shown.text().strip();
            handle = handle.startsWith("@") ? handle.substring(1) : handle;
        }
        handle = XAddress.handleOrNull(handle);

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
        String url = XAddress.thread(handle, firstTweetId);
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

    /**
     * The last of {@code candidates} strictly between two document positions, or null. Candidates
     * come from {@code select}, in document order, so a binary search finds it.
     */
    private static Element lastBetween(Elements candidates, Map<Element, Integer> order, int after, int before) {
        int low = 0;
        int high = candidates.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.get(candidates.get(middle)) < before) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low == 0) {
            return null;
        }
        Element found = candidates.get(low - 1);
        return order.get(found) > after ? found : null;
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

    /**
     * A tweet's text as a reader sees it: {@code <br>} as a line break, links as their text, no
     * media. Walked with jsoup's iterative traversal, so deeply nested markup cannot overflow the stack.
     */
    private static String visibleText(Element tweet) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == tweet) {
                    return FilterResult.CONTINUE;
                }
                if (node instanceof TextNode textNode) {
                    // source line breaks in HTML text are plain white space; only <br> and blocks break lines
                    out.append(textNode.getWholeText().replaceAll("[\\s\\h]+", " "));
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (SKIPPED_TAGS.contains(tag) || element.hasClass("tw-permalink") || element.hasClass("entity-image")
                            || element.hasClass("entity-video")) {
                        return FilterResult.SKIP_ENTIRELY;
                    } else if (BLOCK_TAGS.contains(tag)) {
                        out.append('\n');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node != tweet && node instanceof Element element && BLOCK_TAGS.contains(element.normalName())) {
                    out.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        }, tweet);
        return out.toString();
    }

    private static String stripByteOrderMark(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }
}
