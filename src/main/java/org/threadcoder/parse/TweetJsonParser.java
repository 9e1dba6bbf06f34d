package org.threadcoder.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.XAddress;

/**
 * Reads tweets collected with twarc2 or the X API v2, as JSON Lines: either one API response a line
 * ({@code {"data":[tweet…],"includes":{"users":[…]}}}) or one flattened tweet a line (a tweet with
 * its {@code author} embedded, as {@code twarc2 flatten} writes).
 *
 * <p>Tweets are grouped into threads by {@code conversation_id}; a thread is the conversation
 * author's own chain, so replies by other users are left out (and counted in a warning). The
 * page's text is extracted as for HTML pages: tweets one line break apart, threads three.
 */
public final class TweetJsonParser {
    /** Tweets and API responses nest a few levels; anything deeper is not tweets, and is refused before it costs time. */
    static final int MAX_DEPTH = 64;
    /** Longer lines are skipped, with their number: an API response of a hundred tweets is well under a megabyte. */
    static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
    /** The only entities the API leaves in tweet text. */
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
    private static final Comparator<String> NUMERIC_ID = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());
    /** Order of posting: created_at, then id (ids grow with time, and break ties). */
    private static final Comparator<Posted> POSTING_ORDER = Comparator
            .comparing(Posted::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Posted::id, NUMERIC_ID);

    /** One tweet as read from the file. */
    private record Posted(String id, String text, String authorId, String conversationId, Instant createdAt, List<String> repliedTo,
                          boolean retweet, int line) {
    }

    /** A conversation's own chain: its author's tweets in posting order. */
    private record Chain(String conversationId, List<Posted> tweets) {
    }

    /** A user's display name and handle. */
    private record User(String name, String username) {
    }

    /** Data binding for the tweets, loaded with the first tweet file a run meets: text pages are told apart by {@link TweetJsonSniffer}. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper(TweetJsonSniffer.factory());
    }

    /**
     * Parses one JSON Lines file. A line that is not JSON, too deep or too long is skipped with its
     * number in a warning; the others are read.
     *
     * @param source  the source name the outputs show
     * @param content the file's text
     * @param sha256  hash of the input bytes
     * @throws InputException when the file holds no tweets
     */
    public Page parse(String source, String content, String sha256) throws InputException {
        Map<String, Posted> tweets = new LinkedHashMap<>();
        Map<String, User> users = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        int duplicates = 0;
        List<String> skipped = new ArrayList<>();
        java.util.Set<String> invalidHandles = new java.util.TreeSet<>();
        String text = stripByteOrderMark(content);
        int lineNumber = 0;
        for (int lineStart = 0; lineStart < text.length(); ) {
            int lineEnd = lineStart;
            while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            lineNumber++;
            int next = lineEnd + (text.startsWith("\r\n", lineEnd) ? 2 : 1);
            if (lineEnd - lineStart > MAX_LINE_CHARS) {
                skipped.add("line " + lineNumber + ": longer than " + MAX_LINE_CHARS / (1024 * 1024) + " MB, skipped");
                lineStart = next;
                continue;
            }
            String line = text.substring(lineStart, lineEnd);
            lineStart = next;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = readLine(line, lineNumber, skipped);
            if (node == null) {
                continue;
            }
            if (!node.isObject()) {
                warnings.add("line " + lineNumber + ": not a JSON object, skipped");
                continue;
            }
            List<JsonNode> tweetNodes = tweetNodes(node);
            if (tweetNodes.isEmpty()) {
                warnings.add("line " + lineNumber + ": no tweets" + (node.has("errors") ? " (an error response)" : "") + ", skipped");
            }
            for (JsonNode user : node.path("includes").path("users")) {
                addUser(user, users, invalidHandles);
            }
            for (JsonNode tweetNode : tweetNodes) {
                addUser(tweetNode.path("author"), users, invalidHandles);
                Posted tweet = posted(tweetNode, lineNumber, warnings);
                if (tweet == null) {
                    continue;
                }
                if (tweets.putIfAbsent(tweet.id(), tweet) != null) {
                    // pages of a search overlap, and twarc may fetch a conversation twice
                    duplicates++;
                }
            }
        }
        warnings.addAll(skipped);
        if (!invalidHandles.isEmpty()) {
            warnings.add("usernames that are not X handles ([A-Za-z0-9_]{1,15}) left out: " + String.join(", ", invalidHandles));
        }
        if (tweets.isEmpty()) {
            throw new InputException(source, "no tweets found" + (skipped.isEmpty() ? "" : " (" + skipped.size() + " "
                    + plural(skipped.size(), "line") + " skipped; the first: " + skipped.get(0) + ")"));
        }
        if (duplicates > 0) {
            warnings.add(duplicates + " duplicate " + plural(duplicates, "tweet") + " counted once");
        }
        return threads(source, sha256, tweets, users, warnings);
    }

    /** A line's JSON, or null when it is not JSON (noted in {@code skipped} with its number and the reason). */
    private static JsonNode readLine(String line, int lineNumber, List<String> skipped) {
        try {
            return Mapper.JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException tooDeep) {
            skipped.add("line " + lineNumber + ": JSON nested deeper than " + MAX_DEPTH + " levels, skipped");
        } catch (JsonProcessingException malformed) {
            String reason = malformed.getOriginalMessage() == null ? "malformed" : malformed.getOriginalMessage().lines().findFirst().orElse("");
            skipped.add("line " + lineNumber + ": not JSON (" + reason + "), skipped");
        }
        return null;
    }

    /** The tweets a line holds: an API response's {@code data} (array or single object) or the line itself. */
    private static List<JsonNode> tweetNodes(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode data = node.get("data");
        if (data != null && data.isArray()) {
            data.forEach(found::add);
        } else if (data != null && data.isObject()) {
            found.add(data);
        } else if (node.has("id") && (node.has("text") || node.has("note_tweet"))) {
            found.add(node);
        }
        return found;
    }

    /** Records a user; a username that is no valid handle is left out (it would otherwise reach a URL and the handle column). */
    private static void addUser(JsonNode user, Map<String, User> users, java.util.Set<String> invalidHandles) {
        String id = text(user, "id");
        if (id != null && !users.containsKey(id)) {
            String username = text(user, "username");
            if (username != null && !XAddress.isHandle(username)) {
                invalidHandles.add("'" + (username.length() > 40 ? username.substring(0, 40) + "…" : username) + "'");
                username = null;
            }
            users.put(id, new User(text(user, "name"), username));
        }
    }

    private static Posted posted(JsonNode node, int lineNumber, List<String> warnings) {
        String id = text(node, "id");
        // a long post's full text is in note_tweet; "text" holds only its first 280 characters
        String body = node.path("note_tweet").hasNonNull("text") ? text(node.path("note_tweet"), "text") : text(node, "text");
        if (id == null || body == null) {
            warnings.add("line " + lineNumber + ": a tweet without id or text, skipped");
            return null;
        }
        Instant createdAt = null;
        String created = text(node, "created_at");
        if (created != null) {
            try {
                createdAt = Instant.parse(created);
            } catch (DateTimeParseException unreadable) {
                warnings.add("line " + lineNumber + ": tweet " + id + " has created_at '" + created + "', not an ISO instant");
            }
        }
        List<String> repliedTo = new ArrayList<>();
        boolean retweet = false;
        for (JsonNode reference : node.path("referenced_tweets")) {
            String type = text(reference, "type");
            if ("replied_to".equals(type) && text(reference, "id") != null) {
                repliedTo.add(text(reference, "id"));
            } else if ("retweeted".equals(type)) {
                retweet = true;
            }
        }
        String conversation = text(node, "conversation_id");
        return new Posted(id, decodeEntities(body), text(node, "author_id"), conversation == null ? id : conversation, createdAt,
                repliedTo, retweet, lineNumber);
    }

    /** Groups tweets into threads, keeps each conversation author's own chain, and lays out the text. */
    private Page threads(String source, String sha256, Map<String, Posted> tweets, Map<String, User> users, List<String> warnings)
            throws InputException {
        Map<String, List<Posted>> conversations = new LinkedHashMap<>();
        for (Posted tweet : tweets.values()) {
            conversations.computeIfAbsent(tweet.conversationId(), key -> new ArrayList<>()).add(tweet);
        }
        int othersReplies = 0;
        int retweets = 0;
        List<Chain> chains = new ArrayList<>();
        for (Map.Entry<String, List<Posted>> conversation : conversations.entrySet()) {
            List<Posted> all = new ArrayList<>(conversation.getValue());
            all.sort(POSTING_ORDER);
            Posted root = tweets.get(conversation.getKey());
            String author = root != null ? root.authorId() : all.get(0).authorId();
            List<Posted> chain = new ArrayList<>();
            for (Posted tweet : all) {
                if (tweet.retweet()) {
                    retweets++;
                } else if (author == null ? tweet.authorId() != null : !author.equals(tweet.authorId())) {
                    othersReplies++;
                } else {
                    chain.add(tweet);
                }
            }
            if (!chain.isEmpty()) {
                chains.add(new Chain(conversation.getKey(), chain));
            }
        }
        if (othersReplies > 0) {
            warnings.add(othersReplies + " " + plural(othersReplies, "reply") + " by other users left out");
        }
        if (retweets > 0) {
            warnings.add(retweets + " " + plural(retweets, "retweet") + " left out");
        }
        if (chains.isEmpty()) {
            throw new InputException(source, "no tweets found (only retweets)");
        }
        chains.sort(Comparator.comparing(chain -> chain.tweets().get(0), POSTING_ORDER));

        ExtractedText text = new ExtractedText();
        List<List<Posted>> kept = new ArrayList<>();
        for (Chain chain : chains) {
            text.startThread();
            List<Posted> shown = new ArrayList<>();
            for (Posted tweet : chain.tweets()) {
                String tweetText = ExtractedText.normalize(tweet.text());
                if (tweetText.isEmpty()) {
                    warnings.add("tweet " + tweet.id() + " has no text (media only?), left out");
                } else {
                    text.addTweet(tweetText, tweet.id());
                    shown.add(tweet);
                }
            }
            kept.add(shown);
        }
        SourceText sourceText = text.finish();

        List<TweetThread> threads = new ArrayList<>();
        Set<String> missingUsers = new HashSet<>();
        for (int i = 0; i < chains.size(); i++) {
            if (kept.get(i).isEmpty()) {
                continue;
            }
            List<Posted> chain = chains.get(i).tweets();
            String conversationId = chains.get(i).conversationId();
            String id = source + "#t" + (threads.size() + 1);
            User user = chain.get(0).authorId() == null ? null : users.get(chain.get(0).authorId());
            if (user == null) {
                missingUsers.add(String.valueOf(chain.get(0).authorId()));
            }
            String handle = user == null ? null : user.username();
            Instant firstPosted = chain.get(0).createdAt();
            LocalDate date = firstPosted == null ? null : LocalDate.ofInstant(firstPosted, ZoneOffset.UTC);
            boolean complete = complete(id, conversationId, chain, tweets, warnings);
            threads.add(new TweetThread(id, source, user == null ? null : user.name(), handle, null, date, null, complete,
                    text.span(i), text.noise(i), text.tweets(i), XAddress.thread(handle, conversationId)));
        }
        if (!missingUsers.isEmpty()) {
            warnings.add("no user record (includes.users or author) for author id " + String.join(", ", missingUsers.stream().sorted().toList())
                    + "; author and handle left empty");
        }
        return new Page(source, sourceText, threads, warnings, sha256, true);
    }

    /** Complete when the root tweet is present and every tweet of the chain replies to a tweet in the file. */
    private static boolean complete(String threadId, String conversationId, List<Posted> chain, Map<String, Posted> tweets, List<String> warnings) {
        if (!tweets.containsKey(conversationId)) {
            warnings.add(threadId + ": the conversation's first tweet " + conversationId + " is not in the file; the thread starts at "
                    + chain.get(0).id());
            return false;
        }
        for (Posted tweet : chain) {
            for (String target : tweet.repliedTo()) {
                if (!tweets.containsKey(target)) {
                    warnings.add(threadId + ": tweet " + tweet.id() + " replies to " + target + ", which is not in the file");
                    return false;
                }
            }
        }
        return true;
    }

    /** Decodes {@code &amp; &lt; &gt;} in one pass, so "&amp;lt;" stays the text "&lt;". */
    static String decodeEntities(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String replacement = switch (entity.group(1)) {
                case "amp" -> "&";
                case "lt" -> "<";
                default -> ">";
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String plural(int count, String word) {
        if (count == 1) {
            return word;
        }
        return word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s";
    }

    private static String stripByteOrderMark(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }
}
