package org.threadcoder.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Thread Reader App's own text: headers, dividers, footers, help, donation and profile blocks.
 * Boilerplate is recognised here and nowhere else. Patterns read {@link Line#view()}, so Markdown
 * clippings of the same page match too.
 */
final class SiteText {

    static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    private static final String DATE = "(?:" + MONTH + " \\d{1,2}(?:, \\d{4})?|\\d{1,2} " + MONTH + "(?:,? \\d{4})?)";

    /** {@code Jonathan Shedler Profile picture}. */
    static final Pattern AUTHOR_LINE = Pattern.compile("^\\s*(.+?)\\s+Profile picture\\s*$");

    /**
     * A thread header, on one line or joined from several: {@code Jun 11, 2021 7 tweets 2 min read Read on X},
     * {@code Oct 18 18 tweets 5 min read}, {@code 21 Jun, 21 tweets, 5 min read}, {@code , 25 tweets, 6 min read Read on Twitter},
     * {@code Apr 3 • 12 tweets • 4 min read}.
     */
    static final Pattern HEADER = Pattern.compile(
            "^\\s*(?<date>" + DATE + ")?[,\\s•]*(?<count>\\d{1,4}) tweets?[,\\s•]+\\d+ min(?:ute)?s? read[\\s•]*(?:Read on (?:X|Twitter)\\s*)?$");

    /** A preview's date line: {@code Apr 13}, {@code 13 Jan}, {@code Sep 17, 2024}. */
    static final Pattern DATE_LINE = Pattern.compile("^\\s*(?<date>" + DATE + ")\\s*$");

    /** {@code Read 12 tweets}: closes a preview. */
    static final Pattern READ_COUNT = Pattern.compile("^\\s*Read (\\d{1,4}) tweets?\\s*$");

    /** {@code More from @JonathanShedler}. */
    static final Pattern MORE_FROM = Pattern.compile("^\\s*More from @(\\w{1,15})\\s*$");

    /** {@code Keep Current with Jonathan Shedler}. */
    static final Pattern KEEP_CURRENT = Pattern.compile("^\\s*Keep Current with (.+?)\\s*$");

    /** {@code @handle} alone, or {@code Name @handle}, in a header block. */
    static final Pattern HANDLE_LINE = Pattern.compile("^\\s*(?:(.+?)\\s+)?@(\\w{1,15})\\s*$");

    /** {@code 1,234 subscribers}: the mark of an author page. */
    static final Pattern SUBSCRIBERS = Pattern.compile("^\\s*[\\d,.]+[KkM]?\\s+subscribers?\\s*$", Pattern.CASE_INSENSITIVE);

    /** A subscribe button's label in a header block. */
    static final Pattern SUBSCRIBE = Pattern.compile("^\\s*Subscribe\\s*$");

    /** The {@code • • •} divider after the unrolled thread. */
    static final Pattern DIVIDER = Pattern.compile("^\\s*•(?:\\s*•){2,}\\s*$");

    /** Lines where the site's own text begins; a thread body never runs past one. */
    private static final List<Pattern> BLOCK_STARTS = List.of(
            DIVIDER,
            Pattern.compile("^\\s*Missing some Tweet", Pattern.CASE_INSENSITIVE),
            KEEP_CURRENT,
            Pattern.compile("^\\s*Did Thread Reader help you today\\?"),
            Pattern.compile("^\\s*Support us! We are indie developers"),
            Pattern.compile("^\\s*This (?:Thread|content) may be Removed Anytime", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*Try unrolling a thread yourself"),
            Pattern.compile("^\\s*Become a Premium Member"),
            Pattern.compile("^\\s*Like this thread\\? Get email updates"),
            Pattern.compile("^\\s*Subscribe to "),
            Pattern.compile("^\\s*Add to \"My Authors\""),
            Pattern.compile("^\\s*Save this thread as PDF"),
            Pattern.compile("^\\s*Help \\| About \\| TOS \\| Privacy"),
            Pattern.compile("^\\s*Load more\\s*$"),
            Pattern.compile("^\\s*Follow Us!\\s*$"),
            MORE_FROM);

    /** A pattern that never matches, for lines a cheap test already ruled out. */
    private static final Pattern NEVER = Pattern.compile("(?!)");

    /** Cheap tests a line must pass before the (backtracking) pattern runs: most lines are tweet text. */
    private static final java.util.Map<Pattern, java.util.function.Predicate<String>> PRECHECKS = java.util.Map.of(
            AUTHOR_LINE, view -> view.contains("Profile picture"),
            HANDLE_LINE, view -> view.indexOf('@') >= 0 && view.length() < 80,
            KEEP_CURRENT, view -> view.contains("Keep Current"),
            MORE_FROM, view -> view.contains("More from"),
            SUBSCRIBERS, view -> view.contains("ubscriber"),
            HEADER, view -> view.contains("tweet") && view.length() < 120,
            DATE_LINE, view -> view.length() < 24,
            READ_COUNT, view -> view.contains("Read ") && view.length() < 40);

    private SiteText() {
    }

    /** A matcher of {@code pattern} on a line's view, skipping the pattern when a cheap test rules the line out. */
    static java.util.regex.Matcher match(Pattern pattern, String view) {
        java.util.function.Predicate<String> precheck = PRECHECKS.get(pattern);
        return precheck == null || precheck.test(view) ? pattern.matcher(view) : NEVER.matcher("");
    }

    /** Whether a line starts a block of site text. */
    static boolean startsSiteBlock(Line line) {
        for (Pattern pattern : BLOCK_STARTS) {
            if (pattern.matcher(line.view()).find()) {
                return true;
            }
        }
        return false;
    }
}
