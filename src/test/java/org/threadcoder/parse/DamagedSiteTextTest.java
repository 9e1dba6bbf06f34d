package org.threadcoder.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadcoder.InputException;
import org.threadcoder.model.Page;

/** Site text damaged the ways saved pages damage it stays site text: a stray or changed character, a line end inside it, a cut. */
class DamagedSiteTextTest {
    private static final String THREAD = "Therapy works best when both people agree on the goals.\nThat agreement is worth checking every few weeks.\n";

    private static String tweetText(String text) throws InputException {
        Page page = new TextPageParser().parse("damaged.txt", text, "0".repeat(64), false, new ArrayList<>());
        StringBuilder kept = new StringBuilder();
        page.threads().forEach(thread -> thread.tweets().forEach(tweet -> kept.append(page.text().slice(tweet.span())).append('\n')));
        return kept.toString();
    }

    private static String footer(String walletLine) {
        return "• • •\n\nMissing some Tweet in this thread? You can try to force a refresh\n\nOr Donate anonymously using crypto!\n\n"
                + "Ethereum\n\n" + walletLine + "\n\nBitcoin\n\n3ATGMxNzCUFzxpMCHL5sWSt4DVtS8UqXpi copy\n\nThank you for your support!\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "whole|0xfe58350B80634f60Fa6Dc149a72b4DFbc17D341E copy",
            "a character inserted|0xfe58350B80634f6•0Fa6Dc149a72b4DFbc17D341E copy",
            "a character changed past reading|0xfe58350B8063\uFEFFf60Fa6Dc149a72b4DFbc17D341E copy",
            "a line end inside it|0xfe58350B80634f60Fa6Dc14\n9a72b4DFbc17D341E copy"})
    void aWalletLineOfTheFooterStaysSiteTextAndTheFooterGoesOn(String damage, String walletLine) throws InputException {
        assertEquals(THREAD, tweetText(THREAD + "\n" + footer(walletLine)), damage);
    }

    @Test
    void aTweetLineMovedIntoTheFooterIsKeptAndTheFooterGoesOnAfterIt() throws InputException {
        String moved = "3/ A long tweet line that a broken save put between the footer's lines, well over a hundred and twenty characters.";
        String text = THREAD + "\n" + footer("0xfe58350B80634f60Fa6Dc149a72b4DFbc17D341E copy").replace("Ethereum\n", "Ethereum\n" + moved + "\n");
        String kept = tweetText(text);
        assertEquals(true, kept.contains(moved), "the moved line is tweet text");
        assertEquals(false, kept.contains("Bitcoin"), "the footer's own lines after it are still site text");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "whole|Jan 9, 2022 4 tweets 2 min read Read on X",
            "a space lost|Jan 9, 2022 4 tweets 2min read Read on X",
            "another space lost|Jan 9, 2022 4 tweets 2 minread Read onX",
            "an emoji inserted|Jan 9, 2022 4 tweets 2 min read Rea🧵d on X",
            "the minutes lost|Aug 19 • 6 tweets •  min read"})
    void aDamagedThreadReaderHeaderIsSiteText(String damage, String header) throws InputException {
        assertEquals(THREAD, tweetText("Lea Marsh Profile picture\n" + header + "\n" + THREAD), damage);
    }

    @Test
    void aHeaderCutInsideItsLastWordAtThePageEndIsSiteText() throws InputException {
        assertEquals(THREAD, tweetText(THREAD + "May 16 9 tweets 3 min read Twitter logo Re"));
    }

    @Test
    void aThreaderBylineWithABioAndAStrayCharacterInItsYearIsSiteText() throws InputException {
        String byline = "Dr Lea Marsh @leamarsh_psych Clinical psychologist. Writing about sleep, mood and the work of therapy. "
                + "Views my own. Sep. 20, 20#19 4 min read\n";
        assertEquals(THREAD, tweetText(byline + THREAD));
    }

    @Test
    void aMarkdownAvatarCutInsideItsLinkIsNoise() throws InputException {
        String clipping = "---\ntitle: \"Thread by @leamarsh on Thread Reader App\"\ntags:\n  - \"clippings\"\n---\n";
        String text = clipping + THREAD + "![Lea Marsh Profile picture](https://pbs.";
        Page page = new TextPageParser().parse("clip.md", text, "0".repeat(64), false, new ArrayList<>());
        int avatar = text.indexOf("![");
        boolean masked = page.threads().stream().flatMap(thread -> thread.noise().stream())
                .anyMatch(noise -> noise.start() <= avatar && noise.end() >= text.length());
        assertEquals(true, masked, "the cut image is noise up to the page's end, never sentence text");
    }

    @Test
    void aShortLineOfTweetTextAfterAFooterIsStillTweetText() throws InputException {
        // only a line between two lines of the footer is the footer's own: text after the footer's last line is kept
        String text = THREAD + "\n" + footer("0xfe58350B80634f60Fa6Dc149a72b4DFbc17D341E copy") + "\nOne more note on goals.\n";
        assertEquals(List.of(true), List.of(tweetText(text).contains("One more note on goals.")));
    }
    /** The damage repair reads "tweers" as "tweets", but a keyword's singular is a word as written, so a rule naming it still reads it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Quote Tweet", "Quote tweet"})
    void aKeywordsSingularIsReadAsWritten(String line) throws InputException {
        assertEquals(THREAD, tweetText("Therapy works best when both people agree on the goals.\n" + line
                + "\nThat agreement is worth checking every few weeks.\n"));
    }
}
