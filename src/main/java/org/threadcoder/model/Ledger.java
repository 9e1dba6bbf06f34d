package org.threadcoder.model;

/**
 * Where every code point of a page went: into a thread's text, dropped as site text by a named
 * rule, or masked as noise (blank lines, markers, links, placeholders). The three add up to the page.
 *
 * @param chars     code points of the text the offsets index
 * @param inThreads code points kept as tweet text
 * @param siteText  code points dropped as site text
 * @param noise     code points masked or dropped as noise
 */
public record Ledger(int chars, int inThreads, int siteText, int noise) implements java.io.Serializable {

    public Ledger {
        if (chars < 0 || inThreads < 0 || siteText < 0 || noise < 0) {
            throw new IllegalArgumentException("ledger counts must be >= 0, got " + chars + " " + inThreads + " " + siteText + " " + noise);
        }
        if (inThreads + siteText + noise != chars) {
            throw new IllegalArgumentException("ledger does not add up: " + inThreads + " in threads + " + siteText + " site text + "
                    + noise + " noise != " + chars + " chars");
        }
    }

    /** The share of the page kept as tweet text, 0..1 (1 for an empty page). */
    public double keptShare() {
        return chars == 0 ? 1.0 : inThreads / (double) chars;
    }
}
