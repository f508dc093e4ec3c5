package no.samrad.infrastructure.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;

/**
 * Parses query parameters into values with a 400 for a bad one. JAX-RS would answer a query
 * parameter it cannot convert with a bare 404, which misleads the client.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The years a date or an instant may fall in: the record has nothing before, and four digits end after. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw invalid(name, "must be a date from " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date in the form yyyy-MM-dd");
        }
    }

    /** The OpenAPI description of every {@code asOf} parameter. */
    public static final String AS_OF = "An instant (ISO-8601 with its offset, such as 2026-01-31T12:00:00Z): answer as"
            + " the record stood then, folded from the events recorded up to it";

    /** An instant in ISO-8601 with its offset: {@code 2026-01-31T12:00:00Z} or {@code 2026-01-31T13:00+01:00}. */
    public static java.time.Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        java.time.OffsetDateTime parsed;
        try {
            parsed = java.time.OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an instant with its offset, such as 2026-01-31T12:00:00Z");
        }
        // Its own year first: the extremes Java reads cannot all be moved to UTC.
        boolean inRange = parsed.getYear() >= FIRST_YEAR && parsed.getYear() <= LAST_YEAR;
        int year = inRange ? parsed.atZoneSameInstant(java.time.ZoneOffset.UTC).getYear() : parsed.getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw invalid(name, "must be an instant from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return parsed.toInstant();
    }

    public static Integer integer(String value, String name, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw invalid(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number");
        }
    }

    /** The {@code limit} parameter: 1 to {@link Page#MAX_LIMIT}, {@link Page#DEFAULT_LIMIT} when absent. */
    public static int limit(String value) {
        Integer limit = integer(value, "limit", 1, Page.MAX_LIMIT);
        return limit == null ? Page.DEFAULT_LIMIT : limit;
    }

    /** The {@code offset} parameter: 0 or more, 0 when absent. */
    public static int offset(String value) {
        Integer offset = integer(value, "offset", 0, Integer.MAX_VALUE);
        return offset == null ? 0 : offset;
    }

    public static <E extends Enum<E>> E enumValue(String value, Class<E> type, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * A value of {@code type} as the records spell it ({@code AWAITING_DECISION}), or in the lower
     * case with hyphens that earlier releases asked for ({@code awaiting-decision}), kept as an alias.
     */
    public static <E extends Enum<E>> E named(String value, Class<E> type, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value) || hyphenated(constant).equals(value)) {
                return constant;
            }
        }
        throw invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                + " (or the same in lower case with hyphens)");
    }

    private static String hyphenated(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be a record id (a UUID)");
        }
    }

    /** A search text of at most {@code max} characters, one line of visible text ({@link TextRules}), in NFC. */
    public static String text(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw invalid(name, "must be at most " + max + " characters");
        }
        TextRules.refusal(value, false).ifPresent(reason -> {
            throw invalid(name, reason);
        });
        return java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
    }

    /** A position of the published log: a whole number, 0 or more; empty when the text is not one. */
    public static OptionalLong position(String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed >= 0 ? OptionalLong.of(parsed) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * An optional position of the published log, or tree size: a whole number, 1 or more; null when
     * absent; refused otherwise.
     */
    public static Long optionalPosition(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OptionalLong parsed = position(value);
        if (parsed.isEmpty() || parsed.getAsLong() < 1) {
            throw invalid(name, "must be a position: a whole number, 1 or more");
        }
        return parsed.getAsLong();
    }

    public static DomainException invalid(String name, String message) {
        return new DomainException(CommonErrors.INVALID_REQUEST, "Query parameter " + name + " " + message + ".",
                name);
    }
}
