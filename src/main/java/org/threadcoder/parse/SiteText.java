package org.threadcoder.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Thread Reader App's own text: headers, dividers, footers, help and donation blocks.
 * Boilerplate is recognised here and nowhere else.
 */
final class SiteText {

    static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";

    /** {@code Jonathan Shedler Profile picture}. */
    static final Pattern AUTHOR_LINE = Pattern.compile("^\\s*(.+?)\\s+Profile picture\\s*$");

    /** {@code Jun 11, 2021 7 tweets 2 min read Read on X}, {@code Oct 18 18 tweets 5 min read}, {@code 21 Jun, 21 tweets, 5 min read}. */
    static final Pattern HEADER = Pattern.compile(
            "^\\s*(?<date>(?:" + MONTH + " \\d{1,2}(?:, \\d{4})?)|(?:\\d{1,2} " + MONTH + "(?:,? \\d{4})?))?"
                    + "[,\\s•]*(?<count>\\d{1,4}) tweets?[,\\s•]+\\d+ min(?:ute)?s? read[\\s•]*(?:Read on (?:X|Twitter)\\s*)?$");

    /** A preview's date line: {@code Apr 13}, {@code 13 Jan}, {@code Sep 17, 2024}. */
    static final Pattern DATE_LINE = Pattern.compile(
            "^\\s*(?<date>(?:" + MONTH + " \\d{1,2}(?:, \\d{4})?)|(?:\\d{1,2} " + MONTH + "(?:,? \\d{4})?))\\s*$");

    /** {@code Read 12 tweets}: closes a preview. */
    static final Pattern READ_COUNT = Pattern.compile("^\\s*Read (\\d{1,4}) tweets?\\s*$");

    /** {@code More from @JonathanShedler}. */
    static final Pattern MORE_FROM = Pattern.compile("^\\s*(?:#+\\s*)?More from @(\\w{1,15})\\s*$");

    /** {@code Keep Current with Jonathan Shedler}. */
    static final Pattern KEEP_CURRENT = Pattern.compile("^\\s*Keep Current with (.+?)\\s*$");

    /** The {@code • • •} divider after the unrolled thread. */
    static final Pattern DIVIDER = Pattern.compile("^\\s*•(?:\\s*•){2,}\\s*$");

    /** Lines where the site's own text begins; a thread body never runs past one. */
    private static final List<Pattern> BLOCK_STARTS = List.of(
            DIVIDER,
            Pattern.compile("^\\s*Missing some Tweet", Pattern.CASE_INSENSITIVE),
            KEEP_CURRENT,
            Pattern.compile("^\\s*Did Thread Reader help you today\\?"),
            Pattern.compile("^\\s*Support us! We are indie developers"),
            Pattern.compile("^\\s*This Thread may be Removed Anytime"),
            Pattern.compile("^\\s*Try unrolling a thread yourself"),
            Pattern.compile("^\\s*Become a Premium Member"),
            Pattern.compile("^\\s*Follow Us!\\s*$"),
            MORE_FROM);

    private SiteText() {
    }

    /** Whether a line starts a block of site text. */
    static boolean startsSiteBlock(String line) {
        for (Pattern pattern : BLOCK_STARTS) {
            if (pattern.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}
