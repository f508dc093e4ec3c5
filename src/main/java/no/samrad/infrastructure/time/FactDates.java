package no.samrad.infrastructure.time;

import java.time.LocalDate;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.PartialDate;

/**
 * The one rule for the dates of facts: what happened (a meeting held, a case concluded, an
 * answer given, a milestone reached) is dated on or before the day it is recorded, in
 * Europe/Oslo. What is planned (a meeting scheduled, a term that starts next year) may lie ahead.
 * A date known only to the month or the year is refused only when it begins after today.
 */
public final class FactDates {

    private FactDates() {
    }

    public static void requireHappened(LocalDate date, SamradClock clock, String field) {
        if (date != null) {
            requireHappenedFrom(date, clock.today(), date.toString(), field);
        }
    }

    public static void requireHappened(PartialDate date, SamradClock clock, String field) {
        if (date != null) {
            requireHappenedFrom(date.earliest(), clock.today(), date.toString(), field);
        }
    }

    private static void requireHappenedFrom(LocalDate earliest, LocalDate today, String written, String field) {
        if (earliest.isAfter(today)) {
            throw new DomainException(CommonErrors.DATE_IN_FUTURE, field + " " + written + " is after today, "
                    + today + ": what has happened is dated on or before the day it is recorded.", field);
        }
    }
}
