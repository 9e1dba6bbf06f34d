package org.threadcoder.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.threadcoder.InputException;

/**
 * Tells from a file's first line whether it is tweet JSON ({@link TweetJsonParser} reads it), other JSON
 * (refused), or text. Every input passes here, so it reads with Jackson's streaming parser alone: data
 * binding, a fifth of a second of class loading, is loaded only for a file of tweets.
 */
public final class TweetJsonSniffer {
    private static final JsonFactory FACTORY = factory();

    private TweetJsonSniffer() {
    }

    /** A factory whose parsers refuse nesting deeper than {@value TweetJsonParser#MAX_DEPTH} levels. */
    static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(TweetJsonParser.MAX_DEPTH).build()).build();
    }

    /** Whether the first non-blank line is a JSON object that is an API response or a tweet. */
    public static boolean recognises(String content) {
        String first = firstNonBlankLine(content);
        if (first == null || !first.startsWith("{")) {
            return false;
        }
        try (JsonParser parser = FACTORY.createParser(first)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            Set<String> keys = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            return keys.contains("data") || keys.contains("conversation_id") || keys.contains("id") && keys.contains("text");
        } catch (IOException notJson) {
            return false;
        }
    }

    /**
     * Refuses a file whose first line is JSON but not tweets: nested deeper than {@value TweetJsonParser#MAX_DEPTH}
     * levels (a {@code [[[[…} line is read no further), or a whole JSON value that
     * {@link #recognises} did not take. Text that only starts like JSON ({@code [THREAD]}, a
     * Markdown link) is left to the text parser.
     */
    static void rejectDeepJson(String source, String content) throws InputException {
        String first = firstNonBlankLine(content);
        if (first == null || !(first.startsWith("[") || first.startsWith("{"))) {
            return;
        }
        try (JsonParser parser = FACTORY.createParser(first)) {
            parser.nextToken();
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return; // "[1] A claim…": JSON only at its start
            }
        } catch (StreamConstraintsException tooDeep) {
            throw new InputException(source, "line 1: JSON nested deeper than " + TweetJsonParser.MAX_DEPTH + " levels, not tweets");
        } catch (IOException notJson) {
            return;
        }
        throw new InputException(source, "JSON that is not tweets (expected twarc2 / X API v2 JSON Lines: one API response "
                + "or one tweet object per line)");
    }

    private static String firstNonBlankLine(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        // lines() is lazy: only the first lines of a large file are looked at
        return text.lines().filter(line -> !line.isBlank()).findFirst().map(String::strip).orElse(null);
    }
}
