package org.threadcoder.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a large, varied set of Thread Reader text pages in our own words: each page one unrolled
 * thread and one "More from" preview, so {@code pages} pages give {@code 2 × pages} threads. Authors,
 * dates (with and without a year), tweet counts (some pages announce none), thread lengths and
 * sentences vary from page to page, drawn from fixed word lists by a fixed arithmetic sequence: the
 * same call always writes the same bytes.
 */
final class GeneratedRun {
    private static final String[] FIRST_NAMES = {"Ada", "Bram", "Celia", "Dario", "Esme", "Farid", "Greta", "Hugo", "Ines",
        "Jonas", "Kaia", "Lior", "Maren", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Soren", "Talia"};
    private static final String[] LAST_NAMES = {"Okafor", "Lindqvist", "Moreau", "Castell", "Brennan", "Haddad", "Novak",
        "Ferreira", "Kowal", "Ashby"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] OPENERS = {"In my practice", "After many years of supervision", "On a slow Tuesday",
        "When a new client arrives", "In the training clinic", "Between two sessions", "During the intake call",
        "At the end of a long week", "In group consultation", "Reading my old notes"};
    /** Phrases that name codebook concepts, and plain ones that name none. */
    private static final String[] PHRASES = {"the working alliance matters more than the technique",
        "a small rupture in the alliance can be repaired", "trust grows slowly with a careful listener",
        "we need mutual agreement about the goals of the work", "the methods to be used should be agreed together",
        "a case formulation guides what I say next", "patient privacy is the ground everything stands on",
        "confidentiality has limits that I explain early", "people open up when shame is met with patience",
        "the research evidence is thinner than the brochures suggest", "a randomized controlled trial answers a narrow question",
        "the treatment outcome depends on the fit between people", "the purpose of therapy is not always symptom relief",
        "self-reflection takes practice and some courage", "insight arrives late and in pieces",
        "CBT helps some people a great deal", "psychodynamic therapy asks for patience from both sides",
        "medication can open a door that talking alone cannot", "regular exercise lifts the mood of many clients",
        "brief therapy suits a clear and recent problem", "depression flattens the week into one grey day",
        "the insurance company decides how many sessions remain", "a licensing board sets the floor for ethics",
        "honesty with a client is kinder than false comfort", "the waiting room needs a softer lamp",
        "the first phone call sets the tone", "a cancelled appointment tells its own story",
        "the weekly schedule shapes more than we admit", "silence in the room can be useful",
        "the kettle in the staff kitchen is always broken", "a good chair makes a long day easier",
        "notes written the same evening are the clearest"};
    private static final String[] CLOSERS = {"and I keep relearning it", "more often than I expected", "at least for me",
        "which surprised me at first", "if we are honest about it", "even on difficult days", "in most of the cases I see",
        "and the clients notice it"};

    private GeneratedRun() {
    }

    /** Writes {@code pages} pages into {@code folder} (page-000.txt, ...). */
    static void write(Path folder, int pages) {
        try {
            Files.createDirectories(folder);
            for (int page = 0; page < pages; page++) {
                Files.writeString(folder.resolve(String.format(Locale.ROOT, "page-%03d.txt", page)), page(page),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static String author(int page) {
        int index = (page * 7) % (FIRST_NAMES.length * 2);
        return FIRST_NAMES[index % FIRST_NAMES.length] + " " + LAST_NAMES[(index + index / FIRST_NAMES.length) % LAST_NAMES.length];
    }

    /** The author's handle: the name without spaces, cut to Twitter's 15 characters. */
    private static String handle(int page) {
        String name = author(page).replace(" ", "");
        return name.substring(0, Math.min(15, name.length()));
    }

    private static String page(int page) {
        StringBuilder text = new StringBuilder();
        int tweets = 3 + page % 6;
        text.append(author(page)).append(" Profile picture\n");
        if (page % 12 != 5) {
            // every twelfth page has no header line: no date, no tweet count (shown as unknown)
            text.append(MONTHS[(page * 5) % 12]).append(' ').append(1 + (page * 3) % 28).append(", ").append(2019 + page % 6)
                    .append(' ').append(tweets).append(" tweets ").append(1 + tweets / 3).append(" min read Read on X\n");
        }
        tweets(text, page, tweets, 0);
        text.append("\n• • •\n\nMissing some Tweet in this thread? You can try to force a refresh\n\n");
        text.append("More from @").append(handle(page)).append("\n\n");
        String year = page % 3 == 0 ? ", " + (2018 + page % 5) : "";
        text.append(MONTHS[(page * 7 + 2) % 12]).append(' ').append(1 + (page * 11) % 28).append(year).append('\n');
        int previewTweets = 2 + page % 2;
        tweets(text, page, previewTweets, 1000);
        if (page % 4 != 1) {
            text.append("Read ").append(previewTweets + 2 + page % 7).append(" tweets\n");
        }
        return text.toString();
    }

    private static void tweets(StringBuilder text, int page, int count, int salt) {
        for (int tweet = 1; tweet <= count; tweet++) {
            text.append(tweet).append("/ ");
            int sentences = 1 + (page + tweet + salt) % 2;
            for (int sentence = 0; sentence < sentences; sentence++) {
                int seed = page * 31 + tweet * 17 + sentence * 7 + salt;
                if (sentence > 0) {
                    text.append(' ');
                }
                text.append(OPENERS[seed % OPENERS.length]).append(", ").append(PHRASES[(seed * 13 + page) % PHRASES.length]);
                if (seed % 5 == 0) {
                    // some sentences carry two phrases, so some carry two concepts
                    text.append(", while ").append(PHRASES[(seed * 7 + 3) % PHRASES.length]);
                }
                text.append(' ').append(CLOSERS[(seed / 3) % CLOSERS.length]).append('.');
            }
            text.append('\n');
        }
    }

    /** The plain phrases, which name no concept: sentences built on them are the tool's "no concept" cases. */
    static List<String> plainPhrases() {
        return List.of(PHRASES).subList(24, PHRASES.length);
    }
}
