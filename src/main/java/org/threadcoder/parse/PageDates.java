package org.threadcoder.parse;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as Thread Reader writes them; an ISO date only when the text gives the year. */
final class PageDates {
    private static final Pattern MONTH_FIRST = Pattern.compile("^([A-Za-z]{3})[a-z]*\\.? (\\d{1,2})(?:, (\\d{4}))?$");
    private static final Pattern DAY_FIRST = Pattern.compile("^(\\d{1,2}) ([A-Za-z]{3})[a-z]*\\.?(?:,? (\\d{4}))?$");

    /** Each month's short English name, in order (looked up once: the JDK builds it from locale data on every call). */
    private static final java.util.List<String> SHORT_NAMES = java.util.Arrays.stream(Month.values())
            .map(month -> month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList();

    private PageDates() {
    }

    /** The ISO date of a page date, or null when it has no year or is not a date. */
    static LocalDate isoDate(String dateText) {
        if (dateText == null) {
            return null;
        }
        String text = dateText.strip();
        Matcher monthFirst = MONTH_FIRST.matcher(text);
        if (monthFirst.matches()) {
            return date(monthFirst.group(3), monthFirst.group(1), monthFirst.group(2));
        }
        Matcher dayFirst = DAY_FIRST.matcher(text);
        if (dayFirst.matches()) {
            return date(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1));
        }
        return null;
    }

    private static LocalDate date(String year, String monthName, String day) {
        if (year == null) {
            return null;
        }
        for (Month month : Month.values()) {
            if (SHORT_NAMES.get(month.ordinal()).equalsIgnoreCase(monthName)) {
                try {
                    return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
                } catch (java.time.DateTimeException invalid) {
                    return null;
                }
            }
        }
        return null;
    }
}
