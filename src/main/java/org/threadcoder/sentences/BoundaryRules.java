package org.threadcoder.sentences;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules around a statistical sentence detector: they add the boundaries it misses (runs of
 * {@code !?}, in-line list items, four-dot ellipses) and remove the ones it wrongly makes
 * (after titles and initials, before a lower-case word, inside parentheses, after a three-dot ellipsis).
 */
final class BoundaryRules {

    /** Abbreviations that never end a sentence: titles before a name, page and number words. */
    private static final Set<String> NEVER_FINAL = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "mt", "sr", "gen", "rep", "sen", "gov", "lt", "col", "capt", "rev",
            "vs", "cf", "approx", "p", "pp", "no", "nos", "vol", "fig", "e.g", "i.e", "ca", "w", "n°");
    /** Of those, the ones that abbreviate only before a number ("No. 5", "p. 12"): "I said NO. Then" ends a sentence. */
    private static final Set<String> BEFORE_NUMBER_ONLY = Set.of("p", "pp", "no", "nos", "vol", "fig");

    static final Pattern INITIAL = Pattern.compile("(?:^|\\s)\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\.\\s*$");
    // possessive quantifiers and a run-start lookbehind: each run of marks is read once, so the rules stay linear on any input
    private static final Pattern STRONG_END = Pattern.compile("(?<![!?])[!?]++[\"”'’)\\]]*+(?=\\s++[\"“'‘(\\[]?\\p{Lu})");
    static final Pattern PERIOD_AFTER_WORD = Pattern.compile("\\b\\p{Ll}{3,}+[\"”'’)\\]]?\\.[\"”'’)\\]]*+(?=\\s++[\"“'‘(\\[]?\\p{Lu})");
    private static final Pattern FOUR_DOTS = Pattern.compile("\\.(?:\\.\\.\\.|(?: \\.){3})(?=\\s++\\p{Lu})");
    static final Pattern THREE_DOTS = Pattern.compile("(?:\\.\\.\\.|…|\\. \\. \\.)[\"”'’]*\\s*$");
    private static final Pattern FIRST_LIST_MARKER = Pattern.compile("^\\s*(?:[•⁃▪◦‣*-]\\s*)?(\\d{1,2}|[a-z])(?:\\.\\)|[.)])\\s");
    private static final int WINDOW = 80;
    /**
     * Lower-case words that open a sentence even for a writer who capitalises elsewhere: the pronoun
     * "i" as many write it ("that's the thread. i am not a clinician"), alone or with its contraction.
     */
    private static final Pattern LOWER_CASE_OPENER = Pattern.compile("^i(?=[\\s'’]|$)");
    static final Pattern LIST_MARKER_ONLY = Pattern.compile("\\s*(?:[•⁃▪◦‣*-]\\s*)?(?:\\d{1,2}|[a-z])(?:\\.\\)|[.)])\\s*");
    private static final Pattern LEADING_QUOTES = Pattern.compile("^[\\s\"“'‘(\\[]*");
    /** A sentence end before a lower-case word, after a word: what a writer who never capitalises ends sentences with. */
    private static final Pattern LOWER_CASE_START = Pattern.compile("(?<=[\\p{L}\\d\"”'’)])[.!?]++[\"”'’)\\]]*+(?=\\s++\\p{Ll})");
    /** A sentence end before a capital. */
    private static final Pattern UPPER_CASE_START = Pattern.compile("[.!?][\"”'’)\\]]*+\\s++[\"“'‘(\\[]?\\p{Lu}");

    private BoundaryRules() {
    }

    /**
     * Refines detector sentence ends over one segment.
     *
     * @param segment  the segment text
     * @param detected char offsets of the sentence ends the detector found
     * @param lineBreaks the char offsets where the segment's lines ended (read as spaces in {@code segment})
     * @return char ranges {@code [start, end)} of the sentences, trimmed, non-empty, in order
     */
    static List<int[]> sentences(String segment, List<Integer> detected, BitSet lineBreaks) {
        TreeSet<Integer> ends = new TreeSet<>(detected);
        boolean lowerCase = writtenInLowerCase(segment);
        if (lowerCase) {
            addMatches(ends, LOWER_CASE_START.matcher(segment));
        }
        if (segment.indexOf('!') >= 0 || segment.indexOf('?') >= 0) {
            addMatches(ends, STRONG_END.matcher(segment));
        }
        ends.addAll(periodsAfterWords(segment));
        if (segment.contains("....") || segment.contains(". . . .")) {
            addFourDotEllipses(ends, segment);
        }
        addListItems(ends, segment);
        TreeSet<Integer> kept = new TreeSet<>();
        int previous = 0;
        Brackets sincePrevious = new Brackets(segment, lineBreaks);
        for (int end : ends) {
            if (end > 0 && end < segment.length() && keeps(segment, previous, end, sincePrevious.balancedUpTo(end), lowerCase)) {
                kept.add(end);
                previous = end;
                sincePrevious.restartAt(end);
            }
        }
        kept.add(segment.length());
        ends = kept;

        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        for (int end : ends) {
            SentenceText.addTrimmed(segment, start, end, sentences);
            start = end;
        }
        return sentences;
    }

    private static void addMatches(TreeSet<Integer> ends, Matcher matcher) {
        while (matcher.find()) {
            ends.add(matcher.end());
        }
    }

    /**
     * The ends {@code PERIOD_AFTER_WORD} finds, with the regex tried only where one of its matches can start: at
     * the start of a run of lower-case letters that a period ends (or a closing mark and a period). Tried there
     * with transparent bounds, it sees the text around as a search of the whole segment does.
     */
    static List<Integer> periodsAfterWords(String segment) {
        List<Integer> ends = new ArrayList<>();
        if (segment.indexOf('.') < 0) {
            return ends;
        }
        Matcher matcher = null;
        int length = segment.length();
        int i = 0;
        boolean previousLower = false;
        while (i < length) {
            int codePoint = segment.codePointAt(i);
            boolean lower = isLowerCase(codePoint);
            if (lower && !previousLower) {
                int runEnd = i;
                int letters = 0;
                while (runEnd < length && isLowerCase(segment.codePointAt(runEnd))) {
                    runEnd += Character.charCount(segment.codePointAt(runEnd));
                    letters++;
                }
                boolean period = runEnd < length && (segment.charAt(runEnd) == '.'
                        || runEnd + 1 < length && CLOSING.indexOf(segment.charAt(runEnd)) >= 0 && segment.charAt(runEnd + 1) == '.');
                if (letters >= 3 && period) {
                    if (matcher == null) {
                        matcher = PERIOD_AFTER_WORD.matcher(segment).useTransparentBounds(true).useAnchoringBounds(false);
                    }
                    matcher.region(i, length);
                    if (matcher.lookingAt()) {
                        ends.add(matcher.end());
                    }
                }
                // the rest of the run can start no match: a word boundary cannot stand inside it
                i = runEnd;
                previousLower = true;
                continue;
            }
            previousLower = lower;
            i += Character.charCount(codePoint);
        }
        return ends;
    }

    /** The closing marks {@code PERIOD_AFTER_WORD} allows between a word and its period. */
    private static final String CLOSING = "\"”'’)]";

    private static boolean isLowerCase(int codePoint) {
        return codePoint < 0x80 ? codePoint >= 'a' && codePoint <= 'z' : Character.getType(codePoint) == Character.LOWERCASE_LETTER;
    }

    /** {@code word. . . . Next} ends after the word's period; {@code word .... Next} and {@code word . . . . Next} after the dots. */
    private static void addFourDotEllipses(TreeSet<Integer> ends, String segment) {
        Matcher matcher = FOUR_DOTS.matcher(segment);
        while (matcher.find()) {
            boolean attachedSpaced = matcher.start() > 0 && !Character.isWhitespace(segment.charAt(matcher.start() - 1))
                    && segment.startsWith(". ", matcher.start());
            int end = attachedSpaced ? matcher.start() + 1 : matcher.end();
            // the detector's own ends inside the dots are not sentence ends
            ends.subSet(matcher.start(), true, matcher.end(), true).clear();
            ends.add(end);
        }
    }

    /** In-line list items ({@code 1) first 2) second}, {@code a. first b. second}, {@code • 9. first • 10. second}) each start a sentence. */
    private static void addListItems(TreeSet<Integer> ends, String segment) {
        Matcher first = FIRST_LIST_MARKER.matcher(segment);
        if (!first.find()) {
            return;
        }
        String label = first.group(1);
        String bullet = segment.substring(first.start(), first.start(1)).strip();
        String punctuation = segment.substring(first.end(1), first.end()).strip();
        int from = first.end();
        while (true) {
            label = next(label);
            String marker = (bullet.isEmpty() ? "" : Pattern.quote(bullet) + "\\s*") + Pattern.quote(label) + Pattern.quote(punctuation) + "\\s";
            Matcher item = Pattern.compile("(?<=\\s)" + marker).matcher(segment);
            if (!item.find(from)) {
                return;
            }
            ends.subSet(from, true, item.start(), false).clear();
            ends.add(item.start());
            from = item.end();
        }
    }

    private static String next(String label) {
        if (Character.isDigit(label.charAt(0))) {
            return Integer.toString(Integer.parseInt(label) + 1);
        }
        return String.valueOf((char) (label.charAt(0) + 1));
    }

    /**
     * Whether the sentence since the last kept boundary closes as many brackets as it opens, per
     * kind: counted as the text is read, once, rather than recounted at every candidate boundary.
     */
    private static final class Brackets {
        private final String segment;
        private final BitSet lineBreaks;
        private int position;
        private int parentheses;
        private int squares;

        Brackets(String segment, BitSet lineBreaks) {
            this.segment = segment;
            this.lineBreaks = lineBreaks;
        }

        boolean balancedUpTo(int end) {
            for (; position < end; position++) {
                if (lineBreaks.get(position)) {
                    // a bracket still open at a line's end was cut off with it (a shortened link: "(see
                    // thelancet.com/journals/lance…"), or it holds lines that read as sentences of their own
                    parentheses = 0;
                    squares = 0;
                }
                switch (segment.charAt(position)) {
                    case '(' -> parentheses++;
                    case ')' -> parentheses--;
                    case '[' -> squares++;
                    case ']' -> squares--;
                    default -> {
                    }
                }
            }
            return parentheses <= 0 && squares <= 0;
        }

        void restartAt(int end) {
            position = end;
            parentheses = 0;
            squares = 0;
        }
    }

    /**
     * Whether a segment is written in lower case ("you feel it? that's your brain. have compassion"): it opens with a
     * lower-case letter or an acronym, and more of its sentence ends stand before a lower-case word than before a capital
     * (a lower-case writer still starts some with a name, an acronym or a quote: "nope on all counts. ADHD is real"). Such
     * a writer's sentences end before lower-case words too.
     */
    static boolean writtenInLowerCase(String segment) {
        int first = 0;
        while (first < segment.length() && !Character.isLetter(segment.codePointAt(first))) {
            first += Character.charCount(segment.codePointAt(first));
        }
        if (first >= segment.length() || !(Character.isLowerCase(segment.codePointAt(first)) || opensWithAcronym(segment, first))) {
            return false;
        }
        Matcher lower = LOWER_CASE_START.matcher(segment);
        int lowerStarts = 0;
        while (lower.find()) {
            lowerStarts++;
        }
        Matcher upper = UPPER_CASE_START.matcher(segment);
        int upperStarts = 0;
        while (upperStarts < lowerStarts && upper.find()) {
            upperStarts++;
        }
        return lowerStarts > upperStarts;
    }

    /** Whether the word at {@code first} is an acronym of two or more capitals ("OCD is not about tidiness. here's why"). */
    private static boolean opensWithAcronym(String segment, int first) {
        int end = first;
        while (end < segment.length() && Character.isLetter(segment.codePointAt(end))) {
            if (!Character.isUpperCase(segment.codePointAt(end))) {
                return false;
            }
            end += Character.charCount(segment.codePointAt(end));
        }
        return end - first >= 2;
    }

    /**
     * Whether a boundary at {@code end} stands; {@code balanced} says whether the sentence so far closes its brackets,
     * {@code lowerCase} whether the segment is {@link #writtenInLowerCase written in lower case}.
     */
    private static boolean keeps(String segment, int sentenceStart, int end, boolean balanced, boolean lowerCase) {
        // look only at a short window before and after: keeps the rules linear in the text
        if (atMostNonSpace(segment, sentenceStart, end, LONGEST_LIST_MARKER)
                && LIST_MARKER_ONLY.matcher(segment).region(sentenceStart, end).matches()) {
            return false;
        }
        String before = segment.substring(Math.max(sentenceStart, end - WINDOW), end);
        String after = segment.substring(end, Math.min(segment.length(), end + WINDOW));
        Matcher quotes = LEADING_QUOTES.matcher(after);
        String afterWords = quotes.lookingAt() ? after.substring(quotes.end()) : after;
        if (afterWords.isEmpty()) {
            return true;
        }
        if (startsListItem(after)) {
            return true;
        }
        int next = afterWords.codePointAt(0);
        if (Character.isLowerCase(next) && !lowerCase && !LOWER_CASE_OPENER.matcher(afterWords).find()) {
            return false;
        }
        String lastWord = wordBeforeFinalPeriod(before);
        String abbreviation = lastWord == null ? null : lastWord.toLowerCase(java.util.Locale.ROOT);
        if (abbreviation != null && NEVER_FINAL.contains(abbreviation)
                && !(BEFORE_NUMBER_ONLY.contains(abbreviation) && !Character.isDigit(next) && next != '#')) {
            return false;
        }
        if (mayEndWithInitial(before) && INITIAL.matcher(before).find()) {
            return false;
        }
        if (mayEndWithDots(before) && THREE_DOTS.matcher(before).find() && !before.stripTrailing().endsWith("....") && !before.stripTrailing().endsWith(". . . .")) {
            return false;
        }
        return balanced;
    }

    /** Whether the text holds the dots {@code THREE_DOTS} needs. */
    static boolean mayEndWithDots(String text) {
        return text.contains("...") || text.indexOf('…') >= 0 || text.contains(". . .");
    }

    /** The most non-space characters a sentence that is only a list marker holds ({@code •}, two digits, {@code .)}). */
    static final int LONGEST_LIST_MARKER = 5;

    /** Whether {@code [from, to)} holds at most {@code most} characters other than the regex's white space {@code \s}. */
    static boolean atMostNonSpace(String text, int from, int to, int most) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!isRegexSpace(text.charAt(i)) && ++count > most) {
                return false;
            }
        }
        return true;
    }

    /** {@code \s} without Unicode classes: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * Whether the text ends (before white space, and before a final line terminator, where {@code $} also matches)
     * with a capital and a period: what {@code INITIAL} needs at its end.
     */
    static boolean mayEndWithInitial(String text) {
        int length = text.length();
        char last = length == 0 ? 0 : text.charAt(length - 1);
        return capitalAndPeriodBefore(text, length)
                || (last == '\u0085' || last == '\u2028' || last == '\u2029') && capitalAndPeriodBefore(text, length - 1);
    }

    private static boolean capitalAndPeriodBefore(String text, int end) {
        int k = end;
        while (k > 0 && isRegexSpace(text.charAt(k - 1))) {
            k--;
        }
        return k >= 2 && text.charAt(k - 1) == '.' && Character.getType(text.codePointBefore(k - 1)) == Character.UPPERCASE_LETTER;
    }

    /**
     * The word before a final period ({@code Dr.}, {@code e.g.}, {@code n°.}): letters, dots and
     * {@code °}, starting with a letter or {@code °}, then the period, closing quotes and white space;
     * null when the text does not end so. Read backwards from the end, so it costs the word's length.
     */
    static String wordBeforeFinalPeriod(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && "\"”'’)]".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0 || text.charAt(end - 1) != '.') {
            return null;
        }
        int wordEnd = end - 1;
        int start = wordEnd;
        while (start > 0 && isWordPart(text.charAt(start - 1))) {
            start--;
        }
        while (start < wordEnd && text.charAt(start) == '.') {
            start++;
        }
        return start < wordEnd ? text.substring(start, wordEnd) : null;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetter(c) || c == '.' || c == '°';
    }

    private static boolean startsListItem(String after) {
        return FIRST_LIST_MARKER.matcher(after).lookingAt();
    }
}
