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
        String text = sentence.text();
        int base = sentence.span().start();
        char[] visible = text.toCharArray();
        for (Span hidden : sentence.hidden()) {
            int from = text.offsetByCodePoints(0, hidden.start() - base);
            int to = text.offsetByCodePoints(from, hidden.length());
            java.util.Arrays.fill(visible, from, to, ' ');
        }
        List<Span> spans = new ArrayList<>();
        Matcher words = WORD.matcher(new String(visible));
        int charIndex = 0;
        int codePoint = base;
        while (words.find()) {
            codePoint += text.codePointCount(charIndex, words.start());
            int start = codePoint;
            codePoint += text.codePointCount(words.start(), words.end());
            charIndex = words.end();
            spans.add(new Span(start, codePoint));
        }
        return spans;
    }
}
