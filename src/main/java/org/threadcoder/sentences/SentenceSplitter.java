package org.threadcoder.sentences;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetector;
import org.threadcoder.model.Reading;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.SourceText;
import org.threadcoder.model.Span;
import org.threadcoder.model.TweetThread;
import org.threadcoder.model.Tweet;
import org.threadcoder.parse.ContinuationWords;

/**
 * Splits a thread into sentences: OpenNLP's sentence detector inside segments that thread text
 * rules mark off (blank lines, list items, a line or tweet that starts a new sentence), with
 * {@link BoundaryRules} around the detector. Tweet markers and noise are masked, not removed, so
 * every sentence keeps its exact source offsets.
 *
 * <p>Not thread-safe when the detector is not (OpenNLP's {@code SentenceDetectorME} is not): use one per worker.
 */
public final class SentenceSplitter {
    /**
     * A list item opening a line: {@code 1.} {@code 1)} {@code (1)} {@code a)} {@code 1️⃣} {@code •} {@code ●} {@code ■} {@code →} {@code -} with a space,
     * a dash glued to a capital ({@code -Regular support}), or an emoji bullet ({@code ✨not addictive}, {@code 🔴 Late pressing}).
     */
    private static final Pattern LIST_ITEM = Pattern.compile(
            "^(?:(?:\\d{1,2}(?:\\.\\)|[.)])|\\(\\d{1,2}\\)|\\d\\x{FE0F}?\\x{20E3}|[a-z][.)]|[•‣⁃*\\x{2190}-\\x{21FF}\\x{25A0}-\\x{25FF}-])\\s|-(?=\\p{Lu})|[\\x{2600}-\\x{27BF}\\x{1F300}-\\x{1FAFF}])");

    /** White space a blank line holds when an unroller wrote it between tweets (twtext's lines of spaces). */
    private static final int UNROLLER_SEPARATOR = 8;
    /** How far a sentence's span may reach over masked text to its line's start or end. */
    private static final int LINE_REACH = 2000;
    /** The longest "sentence" kept whole, in chars; longer ones are cut (see {@link #split(SourceText, TweetThread, List)}). */
    public static final int MAX_SENTENCE = 5_000;
    /**
     * The longest text given to the detector at once: a longer segment (a page of one line) is read in
     * windows, since the detector copies its input and keeps every candidate end of it.
     */
    static final int DETECTOR_WINDOW = 100_000;

    private final SentenceDetector detector;

    public SentenceSplitter(SentenceDetector detector) {
        if (detector == null) {
            throw new IllegalArgumentException("sentence detector must not be null");
        }
        this.detector = detector;
    }

    /** The sentences of one thread, in order, with ids {@code <thread id>.s<n>}. */
    public List<Sentence> split(SourceText source, TweetThread thread) {
        return split(source, thread, new ArrayList<>());
    }

    /**
     * As {@link #split(SourceText, TweetThread)}; a "sentence" longer than {@value #MAX_SENTENCE}
     * chars (a list of words with no end, a line of symbols) is cut into pieces of at most that
     * length, at a space where there is one near the bound, and {@code warnings} says so. The bound
     * keeps tagging linear in the length of the text.
     */
    public List<Sentence> split(SourceText source, TweetThread thread, List<String> warnings) {
        String text = source.text();
        int regionStart = source.charIndex(thread.span().start());
        int regionEnd = source.charIndex(thread.span().end());
        List<Integer> tweetStarts = new ArrayList<>();
        List<Span> hidden = new ArrayList<>(thread.noise());
        for (Tweet tweet : thread.tweets()) {
            tweetStarts.add(source.charIndex(tweet.span().start()) - regionStart);
            if (tweet.marker() != null) {
                hidden.add(tweet.marker());
            }
        }
        hidden.sort(null);
        String work = masked(source, regionStart, regionEnd, hidden);

        List<Sentence> sentences = new ArrayList<>();
        int hiddenFrom = 0;
        List<Reading> readings = thread.readings();
        int readingFrom = 0;
        int cut = 0;
        int firstCut = -1;
        for (int[] segment : segments(work, tweetStarts)) {
            String lines = work.substring(segment[0], segment[1]);
            String segmentText = lines.replace('\n', ' ').replace('\r', ' ');
            List<Integer> ends = detectedEnds(segmentText);
            List<int[]> found = BoundaryRules.sentences(segmentText, ends, SentenceText.lineBreaks(lines));
            for (int[] whole : SentenceText.withTrailingSymbols(work, segment[0], found)) {
                List<int[]> pieces = SentenceText.bounded(segmentText, whole);
                if (pieces.size() > 1) {
                    cut++;
                    firstCut = firstCut < 0 ? source.codePointOffset(regionStart + segment[0] + whole[0]) : firstCut;
                }
                for (int[] range : pieces) {
                    int start = segment[0] + range[0];
                    int end = segment[0] + range[1];
                    if (!SentenceText.hasWordCharacter(work, start, end)) {
                        continue;
                    }
                    start = withMaskedBefore(work, text, regionStart, start);
                    end = withMaskedAfter(work, text, regionStart, end);
                    Span span = source.span(regionStart + start, regionStart + end);
                    while (hiddenFrom < hidden.size() && hidden.get(hiddenFrom).start() < span.start()) {
                        hiddenFrom++;
                    }
                    List<Span> inside = new ArrayList<>();
                    for (int h = hiddenFrom; h < hidden.size() && hidden.get(h).start() < span.end(); h++) {
                        if (span.contains(hidden.get(h))) {
                            inside.add(hidden.get(h));
                        }
                    }
                    while (readingFrom < readings.size() && readings.get(readingFrom).span().start() < span.start()) {
                        readingFrom++;
                    }
                    List<Reading> read = new ArrayList<>();
                    for (int r = readingFrom; r < readings.size() && readings.get(r).span().start() < span.end(); r++) {
                        if (span.contains(readings.get(r).span())) {
                            read.add(readings.get(r));
                        }
                    }
                    int index = sentences.size() + 1;
                    sentences.add(new Sentence(thread.id() + ".s" + index, thread.id(), index, span,
                            text.substring(regionStart + start, regionStart + end), SentenceText.clean(read(work, start, end, read, source, regionStart)),
                            Math.max(1, thread.tweetStartingSentenceAt(span.start())), Math.max(1, thread.tweetAt(span.end() - 1)), inside, read));
                }
            }
        }
        if (cut > 0) {
            warnings.add(thread.id() + ": " + cut + (cut == 1 ? " sentence" : " sentences") + " longer than " + MAX_SENTENCE
                    + " characters cut into pieces of at most " + MAX_SENTENCE + " (the first at offset " + firstCut + ")");
        }
        return sentences;
    }

    /**
     * The sentence ends the detector finds in a segment. A segment longer than {@value #DETECTOR_WINDOW}
     * chars is read window by window: the last two sentences of a window may be cut by its edge, so the
     * next window starts after the last end kept; the detector decides from a few words around each end.
     */
    private List<Integer> detectedEnds(String segment) {
        List<Integer> ends = new ArrayList<>();
        int from = 0;
        while (true) {
            int to = Math.min(segment.length(), from + DETECTOR_WINDOW);
            opennlp.tools.util.Span[] found = detector.sentPosDetect(from == 0 && to == segment.length() ? segment : segment.substring(from, to));
            if (to == segment.length()) {
                for (opennlp.tools.util.Span sentence : found) {
                    ends.add(from + sentence.getEnd());
                }
                return ends;
            }
            // the window's last sentence may be cut by its edge; the one before may end where the detector saw too little
            int keep = found.length - 2;
            for (int i = 0; i < (keep > 0 ? keep : found.length - 1); i++) {
                ends.add(from + found[i].getEnd());
            }
            from = keep > 0 ? from + found[keep - 1].getEnd() : to;
        }
    }

    /** The thread's region of the text with its hidden parts (markers, noise) blanked, copied once. */
    private static String masked(SourceText source, int regionStart, int regionEnd, List<Span> hidden) {
        char[] masked = new char[regionEnd - regionStart];
        source.text().getChars(regionStart, regionEnd, masked, 0);
        for (Span part : hidden) {
            mask(masked, source.charIndex(part.start()) - regionStart, source.charIndex(part.end()) - regionStart);
        }
        return new String(masked);
    }

    /**
     * A sentence that opens its line takes what was masked before it on that line (a marker, a reply's
     * {@code @mention} run, a 🧵), so its span covers the line as written; its clean text does not change.
     */
    private static int withMaskedBefore(String work, String text, int regionStart, int start) {
        int lineStart = start;
        while (lineStart > 0 && start - lineStart < LINE_REACH && work.charAt(lineStart - 1) != '\n' && work.charAt(lineStart - 1) != '\r') {
            if (!Character.isWhitespace(work.charAt(lineStart - 1))) {
                return start;
            }
            lineStart--;
        }
        boolean atLineStart = lineStart == 0 || work.charAt(lineStart - 1) == '\n' || work.charAt(lineStart - 1) == '\r';
        if (!atLineStart) {
            return start;
        }
        for (int i = lineStart; i < start; i++) {
            if (!Character.isWhitespace(text.charAt(regionStart + i))) {
                return i;
            }
        }
        return start;
    }

    /** A sentence that ends its line takes what was masked after it on that line (a trailing marker, a link). */
    private static int withMaskedAfter(String work, String text, int regionStart, int end) {
        int lineEnd = end;
        while (lineEnd < work.length() && lineEnd - end < LINE_REACH && work.charAt(lineEnd) != '\n' && work.charAt(lineEnd) != '\r') {
            if (!Character.isWhitespace(work.charAt(lineEnd))) {
                return end;
            }
            lineEnd++;
        }
        boolean atLineEnd = lineEnd == work.length() || work.charAt(lineEnd) == '\n' || work.charAt(lineEnd) == '\r';
        if (!atLineEnd) {
            return end;
        }
        for (int i = lineEnd; i > end; i--) {
            if (!Character.isWhitespace(text.charAt(regionStart + i - 1))) {
                return i;
            }
        }
        return end;
    }

    /** The masked text of {@code [start, end)} with each reading's span replaced by what it reads as. */
    private static String read(String work, int start, int end, List<Reading> readings, SourceText source, int regionStart) {
        if (readings.isEmpty()) {
            return work.substring(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        int at = start;
        for (Reading reading : readings) {
            int from = source.charIndex(reading.span().start()) - regionStart;
            int to = source.charIndex(reading.span().end()) - regionStart;
            if (from < at) {
                continue;
            }
            out.append(work, at, from).append(reading.text());
            at = to;
        }
        return out.append(work, at, end).toString();
    }

    private static void mask(char[] chars, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(chars.length, to); i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
    }

    /**
     * Char ranges of the thread text that no sentence crosses: split at blank lines, before list
     * items, and at a line or tweet start where the text before has no final punctuation but the
     * new line starts a capitalised word and the text before does not end in a word like "to" or "the".
     */
    private static List<int[]> segments(String work, List<Integer> tweetStarts) {
        List<Integer> cuts = new ArrayList<>();
        // a thread written in lower case throughout starts its sentences in lower case at line breaks too
        boolean lowerCase = BoundaryRules.writtenInLowerCase(work);
        int lineStart = 0;
        boolean previousBlank = false;
        boolean previousSeparator = false;
        boolean previousListItem = false;
        while (lineStart <= work.length()) {
            int lineEnd = lineEnd(work, lineStart);
            String line = work.substring(lineStart, lineEnd);
            boolean blank = line.isBlank();
            // a blank line ends a sentence; an unroller's separator (a line of spaces) does not when the text runs on in lower case
            boolean afterGap = previousBlank && !(previousSeparator && startsLowerCase(line));
            if (lineStart > 0 && !blank && (afterGap || previousListItem && !startsLowerCase(line) || startsSentence(work, lineStart + indent(line), lowerCase))) {
                cuts.add(lineStart);
            }
            previousBlank = blank;
            previousSeparator = blank && line.length() >= UNROLLER_SEPARATOR;
            // a list item is one line: the next line starts anew
            previousListItem = !blank && LIST_ITEM.matcher(line.stripLeading()).lookingAt();
            // CR, LF and CRLF all end a line
            lineStart = lineEnd + (work.startsWith("\r\n", lineEnd) ? 2 : 1);
        }
        for (int tweetStart : tweetStarts) {
            if (tweetStart > 0 && !isLineEnd(work.charAt(tweetStart - 1)) && startsSentence(work, tweetStart, lowerCase)) {
                cuts.add(tweetStart);
            }
        }
        cuts.sort(null);
        List<int[]> segments = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            if (cut > start) {
                segments.add(new int[] {start, cut});
                start = cut;
            }
        }
        segments.add(new int[] {start, work.length()});
        return segments;
    }

    /** The index of the line end (CR or LF) at or after {@code from}, or the text's length. */
    private static int lineEnd(String work, int from) {
        for (int i = from; i < work.length(); i++) {
            if (isLineEnd(work.charAt(i))) {
                return i;
            }
        }
        return work.length();
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean startsSentence(String work, int at, boolean lowerCase) {
        // short windows on both sides keep this linear in the thread's length
        String rest = work.substring(at, Math.min(work.length(), at + 40)).stripLeading();
        if (rest.isEmpty()) {
            return false;
        }
        if (LIST_ITEM.matcher(rest).lookingAt()) {
            return true;
        }
        String before = work.substring(Math.max(0, at - 80), at).stripTrailing();
        if (before.isEmpty()) {
            return false;
        }
        // an ellipsis runs on inside a line, but one that closes a line or tweet (inside a closing quote) before a capital ends the sentence
        int unquoted = before.length();
        while (unquoted > 0 && before.length() - unquoted < 3 && "\"”'’)]".indexOf(before.charAt(unquoted - 1)) >= 0) {
            unquoted--;
        }
        if ((before.startsWith("...", unquoted - 3) || before.startsWith("\u2026", unquoted - 1)) && Character.isUpperCase(rest.codePointAt(0))) {
            return true;
        }
        if (endsSentence(before)) {
            return false;
        }
        String lastWord = lastWord(before);
        boolean runsOn = lastWord != null && ContinuationWords.contains(lastWord);
        int first = rest.codePointAt(0);
        return !runsOn && (Character.isUpperCase(first) || lowerCase && Character.isLowerCase(first) || Character.isDigit(first)
                || "#@\"“'‘".indexOf(first) >= 0);
    }

    /**
     * Whether the text ends a sentence, as {@code [.!?…]["”'’)\]]*$} finds: a final mark and closing marks only after
     * it, up to the end or to a final line terminator ({@code $} matches before one).
     */
    static boolean endsSentence(String text) {
        int length = text.length();
        if (endsSentenceAt(text, length)) {
            return true;
        }
        if (text.endsWith("\r\n")) {
            return endsSentenceAt(text, length - 2);
        }
        return length > 0 && isLineTerminator(text.charAt(length - 1)) && endsSentenceAt(text, length - 1);
    }

    private static boolean endsSentenceAt(String text, int end) {
        int k = end;
        while (k > 0 && "\"”'’)]".indexOf(text.charAt(k - 1)) >= 0) {
            k--;
        }
        return k > 0 && ".!?…".indexOf(text.charAt(k - 1)) >= 0;
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The last run of letters, {@code &} and {@code '} (what {@code ([\p{L}&']+)[^\p{L}&']*$} captures); null when there is none. */
    static String lastWord(String text) {
        int end = text.length();
        while (end > 0 && !isWordOrJoin(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        if (end == 0) {
            return null;
        }
        int start = end;
        while (start > 0 && isWordOrJoin(text.codePointBefore(start))) {
            start -= Character.charCount(text.codePointBefore(start));
        }
        return text.substring(start, end);
    }

    private static boolean isWordOrJoin(int codePoint) {
        return codePoint == '&' || codePoint == '\'' || Character.isLetter(codePoint);
    }

    private static boolean startsLowerCase(String line) {
        String rest = line.stripLeading();
        return !rest.isEmpty() && Character.isLowerCase(rest.codePointAt(0));
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
