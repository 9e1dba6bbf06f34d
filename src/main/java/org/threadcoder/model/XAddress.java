package org.threadcoder.model;

import java.util.regex.Pattern;

/**
 * Addresses on X built from what an input says: only a valid handle ({@code [A-Za-z0-9_]{1,15}})
 * and an all-digit tweet id go into a URL, so a username such as {@code @SUM(1,1)} never becomes
 * part of a link.
 */
public final class XAddress {
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern TWEET_ID = Pattern.compile("[0-9]{1,25}");

    private XAddress() {
    }

    /** Whether a handle (without {@code @}) is one X allows. */
    public static boolean isHandle(String handle) {
        return handle != null && HANDLE.matcher(handle).matches();
    }

    /** Whether a tweet id is all digits. */
    public static boolean isTweetId(String id) {
        return id != null && TWEET_ID.matcher(id).matches();
    }

    /**
     * A thread's address from its first tweet: {@code https://x.com/<handle>/status/<id>}, with
     * {@code i} for a missing or invalid handle; null when the id is not a tweet id.
     */
    public static String thread(String handle, String tweetId) {
        return isTweetId(tweetId) ? "https://x.com/" + (isHandle(handle) ? handle : "i") + "/status/" + tweetId : null;
    }

    /** The handle when it is valid, else null. */
    public static String handleOrNull(String handle) {
        return isHandle(handle) ? handle : null;
    }

    /**
     * {@code https://x.com/<handle>/status/<id>}; {@code https://x.com/i/web/status/<id>} when the
     * handle is missing or not valid; null when the id is not a tweet id.
     */
    public static String tweet(String handle, String tweetId) {
        if (!isTweetId(tweetId)) {
            return null;
        }
        return "https://x.com/" + (isHandle(handle) ? handle : "i/web") + "/status/" + tweetId;
    }
}
