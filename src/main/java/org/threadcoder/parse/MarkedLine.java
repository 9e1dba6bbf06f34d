package org.threadcoder.parse;

import java.util.Map;

/**
 * A line with what the site-text step made of it: tweet text (no rule), or the rule that names it
 * as site text, noise or a blank line, and the metadata the rule captured.
 */
record MarkedLine(Line line, SiteRule rule, Map<String, String> captures) {

    MarkedLine {
        captures = captures == null ? Map.of() : Map.copyOf(captures);
    }

    static MarkedLine text(Line line) {
        return new MarkedLine(line, null, Map.of());
    }

    /** Tweet text: no rule named the line. */
    boolean isText() {
        return rule == null;
    }

    SiteRule.Role role() {
        return rule == null ? null : rule.role();
    }

    /** Whether the line is kept inside a thread (text, noise, blank) rather than dropped as site text. */
    boolean staysInThread() {
        return rule == null || rule.role() == SiteRule.Role.NOISE;
    }

    String capture(String group) {
        return captures.get(group);
    }

    MarkedLine as(SiteRule other, Map<String, String> otherCaptures) {
        return new MarkedLine(line, other, otherCaptures);
    }
}
