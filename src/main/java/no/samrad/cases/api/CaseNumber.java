package no.samrad.cases.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A case's human number, {@code 2021/0007}: the year it was reported and its place in that year. */
public record CaseNumber(int year, int sequence) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})/(\\d{4,9})");

    public CaseNumber {
        if (year < 1000 || year > 9999 || sequence < 1) {
            throw new IllegalArgumentException("Not a case number: " + year + "/" + sequence);
        }
    }

    /** The number written as {@code yyyy/nnnn}, or empty when the text is not one. */
    public static java.util.Optional<CaseNumber> parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches() || Long.parseLong(matcher.group(2)) > Integer.MAX_VALUE
                || Integer.parseInt(matcher.group(2)) < 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CaseNumber(Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2))));
    }

    @Override
    public String toString() {
        return String.format("%d/%04d", year, sequence);
    }
}
