package org.threadcoder.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadcoder.model.Sentence;
import org.threadcoder.model.Span;

/**
 * The one rule every word count follows ({@code words} in sentences.csv and threads.csv, {@code WC}
 * and the word shares in concepts.csv): a word is a run of letters, digits and combining marks; an
 * apostrophe ({@code '} or {@code ’}) or a hyphen between two such characters joins them into one word
 * ("don't", "self-exploration", "30-year-old"). Punctuation, emoji, {@code #} and {@code @} are not
 * words; the letters after them are. Tweet markers and noise (the sentence's hidden parts) are not
 * counted, so a sentence has as many words as its {@code clean_text}.
 */
public final class WordCounts {
    private static final String WORD_CHARACTER = "[\\p{L}\\p{M}\\p{N}]";
    private static final Pattern WORD = Pattern.compile(WORD_CHARACTER + "+(?:['\u2019\\-\u2010]" + WORD_CHARACTER + "+)*");

    private WordCounts() {
    }

    /** The number of words in a text. */
    public static int count(String text) {
        Matcher words = WORD.matcher(text);
        int count = 0;
        while (words.find()) {
            count++;
        }
        return count;
    }

    /** The source spans of a sentence's words, in order, its hidden parts (markers, noise) left out. */
    public static List<Span> words(Sentence sentence) {
        List<Span> spans = new ArrayList<>();
        walk(sentence, spans);
        return spans;
    }

    /** The number of {@link #words} of a sentence, without their spans. */
    public static int wordCount(Sentence sentence) {
        return walk(sentence, null);
    }

    /** Finds a sentence's words, adding their spans to {@code spans} unless it is null; returns how many. */
    private static int walk(Sentence sentence, List<Span> spans) {
        String text = sentence.text();
        int base = sentence.span().start();
        char[] visible = text.toCharArray();
        for (Span hidden : sentence.hidden()) {
            int from = text.offsetByCodePoints(0, hidden.start() - base);
            int to = text.offsetByCodePoints(from, hidden.length());
            java.util.Arrays.fill(visible, from, to, ' ');
        }
        int count = 0;
        int charIndex = 0;
        int codePoint = base;
        // the words WORD finds, found in one pass: a run of word characters, joined runs after it
        int i = 0;
        while (i < visible.length) {
            int first = Character.codePointAt(visible, i);
            if (!isWordCharacter(first)) {
                i += Character.charCount(first);
                continue;
            }
            int start = i;
            i = endOfRun(visible, i);
            while (i + 1 < visible.length && isJoiner(visible[i]) && isWordCharacter(Character.codePointAt(visible, i + 1))) {
                i = endOfRun(visible, i + 1);
            }
            count++;
            if (spans != null) {
                codePoint += text.codePointCount(charIndex, start);
                int startCodePoint = codePoint;
                codePoint += text.codePointCount(start, i);
                charIndex = i;
                spans.add(new Span(startCodePoint, codePoint));
            }
        }
        return count;
    }

    /** The end of the run of word characters starting at {@code from}. */
    private static int endOfRun(char[] chars, int from) {
        int i = from;
        while (i < chars.length) {
            int codePoint = Character.codePointAt(chars, i);
            if (!isWordCharacter(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /** {@code [\p{L}\p{M}\p{N}]}: a letter, a mark or a number. */
    static boolean isWordCharacter(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= 'A' && codePoint <= 'Z' || codePoint >= '0' && codePoint <= '9';
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                 Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '\u2019' || c == '-' || c == '\u2010';
    }
}
