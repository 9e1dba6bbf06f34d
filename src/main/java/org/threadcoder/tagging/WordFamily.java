package org.threadcoder.tagging;

import java.util.Map;

/**
 * The key two words share when they are inflections of one word: "trial", "trials"; "study",
 * "studies", "studied"; "agree", "agreed", "agreeing"; "fail", "fails", "failed", "failing"; and the
 * common irregular forms ("children", "went", "worse"). Derived words are other words: "effect" is
 * not "effective", "medical" is not "medication", "fail" is not "failure"; a codebook reaches them
 * by listing them or by a wildcard ({@code effective*}).
 *
 * <p>The rules are the inflectional steps of Porter's stemmer (plurals, {@code -ed}, {@code -ing},
 * a final {@code y} and {@code e}), written out so they stay predictable. Stateless: share it.
 */
final class WordFamily {
    /** Irregular forms, by the regular word they inflect. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("children", "child"), Map.entry("men", "man"), Map.entry("women", "woman"), Map.entry("people", "person"),
            Map.entry("feet", "foot"), Map.entry("teeth", "tooth"), Map.entry("mice", "mouse"), Map.entry("lives", "life"),
            Map.entry("wives", "wife"), Map.entry("selves", "self"), Map.entry("themselves", "themself"), Map.entry("analyses", "analysis"),
            Map.entry("hypotheses", "hypothesis"), Map.entry("diagnoses", "diagnosis"), Map.entry("crises", "crisis"),
            Map.entry("theses", "thesis"), Map.entry("data", "datum"), Map.entry("criteria", "criterion"), Map.entry("phenomena", "phenomenon"),
            Map.entry("went", "go"), Map.entry("gone", "go"), Map.entry("goes", "go"), Map.entry("did", "do"), Map.entry("done", "do"),
            Map.entry("does", "do"), Map.entry("was", "be"), Map.entry("were", "be"), Map.entry("is", "be"), Map.entry("are", "be"),
            Map.entry("been", "be"), Map.entry("am", "be"), Map.entry("has", "have"), Map.entry("had", "have"), Map.entry("made", "make"),
            Map.entry("said", "say"), Map.entry("says", "say"), Map.entry("took", "take"), Map.entry("taken", "take"),
            Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("got", "get"), Map.entry("gotten", "get"),
            Map.entry("felt", "feel"), Map.entry("thought", "think"), Map.entry("told", "tell"), Map.entry("knew", "know"),
            Map.entry("known", "know"), Map.entry("saw", "see"), Map.entry("seen", "see"), Map.entry("found", "find"),
            Map.entry("kept", "keep"), Map.entry("left", "leave"), Map.entry("brought", "bring"), Map.entry("began", "begin"),
            Map.entry("begun", "begin"), Map.entry("understood", "understand"), Map.entry("fell", "fall"), Map.entry("fallen", "fall"),
            Map.entry("wrote", "write"), Map.entry("written", "write"), Map.entry("spoke", "speak"), Map.entry("spoken", "speak"),
            Map.entry("worse", "bad"), Map.entry("worst", "bad"), Map.entry("better", "good"), Map.entry("best", "good"),
            Map.entry("led", "lead"), Map.entry("met", "meet"), Map.entry("paid", "pay"), Map.entry("sought", "seek"),
            Map.entry("taught", "teach"), Map.entry("bought", "buy"), Map.entry("lost", "lose"), Map.entry("meant", "mean"),
            Map.entry("held", "hold"), Map.entry("stood", "stand"), Map.entry("heard", "hear"), Map.entry("ran", "run"),
            Map.entry("came", "come"), Map.entry("became", "become"), Map.entry("chose", "choose"), Map.entry("chosen", "choose"),
            Map.entry("used", "use"), Map.entry("uses", "use"), Map.entry("using", "use"));

    /** The family key of a lower-case word. */
    String key(String word) {
        String irregular = IRREGULAR.get(word);
        String w = irregular != null ? irregular : word;
        if (w.length() <= 3 || !isLetters(w)) {
            return w;
        }
        String singular = plural(w);
        // a plural -ing word is a noun ("findings", "feelings"): it keeps its -ing, unlike the verb form
        boolean nounInIng = !singular.equals(w) && singular.endsWith("ing");
        w = nounInIng ? singular : pastOrProgressive(singular);
        if (w.length() > 3 && w.endsWith("y") && !isVowel(w.charAt(w.length() - 2))) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        if (w.length() > 4 && w.endsWith("e") && !w.endsWith("ee")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** {@code -sses} → {@code -ss}, {@code -ies} → {@code -i}, a plain {@code -s} dropped ({@code -ss}, {@code -us}, {@code -is} kept). */
    private static String plural(String w) {
        if (w.endsWith("sses")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "i";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** {@code -eed} → {@code -ee}; {@code -ed} and {@code -ing} dropped when a vowel stays, with Porter's repairs. */
    private static String pastOrProgressive(String w) {
        if (w.endsWith("eed")) {
            return w.length() > 4 ? w.substring(0, w.length() - 1) : w;
        }
        String stem = null;
        if (w.endsWith("ied") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "i";
        }
        if (w.endsWith("ed") && hasVowel(w, w.length() - 2)) {
            stem = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ing") && hasVowel(w, w.length() - 3) && w.length() > 5) {
            stem = w.substring(0, w.length() - 3);
        }
        if (stem == null) {
            return w;
        }
        if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
            return stem + "e";
        }
        char last = stem.charAt(stem.length() - 1);
        if (stem.length() > 2 && last == stem.charAt(stem.length() - 2) && !isVowel(last) && last != 'l' && last != 's' && last != 'z') {
            return stem.substring(0, stem.length() - 1);
        }
        if (isShort(stem)) {
            return stem + "e";
        }
        return stem;
    }

    /** A short stem ends consonant–vowel–consonant (not w, x, y): "hop" of "hoping" takes back its e. */
    private static boolean isShort(String stem) {
        int n = stem.length();
        if (n < 3 || n > 4) {
            return false;
        }
        char c1 = stem.charAt(n - 3);
        char v = stem.charAt(n - 2);
        char c2 = stem.charAt(n - 1);
        return !isVowel(c1) && isVowel(v) && !isVowel(c2) && c2 != 'w' && c2 != 'x' && c2 != 'y';
    }

    private static boolean hasVowel(String w, int before) {
        for (int i = 0; i < before; i++) {
            if (isVowel(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean isLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
