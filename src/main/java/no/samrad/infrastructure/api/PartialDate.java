package no.samrad.infrastructure.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date the sources know only to the year ("2. møte 2007"), to the month ("presented to the
 * Storting in April 2021") or to the day. Written {@code yyyy}, {@code yyyy-MM} or
 * {@code yyyy-MM-dd}.
 */
public record PartialDate(int year, Integer month, Integer day) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (day != null && month == null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        try {
            if (day != null) {
                LocalDate.of(year, month, day);
            } else if (month != null) {
                YearMonth.of(year, month);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a calendar date: " + e.getMessage());
        }
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    @JsonCreator
    public static PartialDate parse(String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("must be yyyy, yyyy-MM or yyyy-MM-dd");
        }
        return new PartialDate(Integer.parseInt(matcher.group(1)),
                matcher.group(2) == null ? null : Integer.parseInt(matcher.group(2)),
                matcher.group(3) == null ? null : Integer.parseInt(matcher.group(3)));
    }

    /** The first day the date may mean. */
    public LocalDate earliest() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** The last day the date may mean. */
    public LocalDate latest() {
        if (day != null) {
            return LocalDate.of(year, month, day);
        }
        return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
    }

    /** Whether {@code date} is a day this partial date may mean. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(earliest()) && !date.isAfter(latest());
    }

    @JsonValue
    @Override
    public String toString() {
        if (month == null) {
            return String.format("%04d", year);
        }
        return day == null ? String.format("%04d-%02d", year, month) : String.format("%04d-%02d-%02d", year, month, day);
    }
}
