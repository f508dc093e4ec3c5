package no.samrad.support;

import java.time.Instant;
import java.time.LocalDate;
import no.samrad.infrastructure.time.SamradClock;

/** A clock that stands still at noon, Oslo time, on one day: for aggregate tests that need a "today". */
public record FixedClock(LocalDate today) implements SamradClock {

    /** The day the fixture tests take as today, well after the 2021 material and before the far future. */
    public static final FixedClock TODAY = new FixedClock(LocalDate.of(2026, 12, 2));

    @Override
    public Instant now() {
        return today.atTime(12, 0).atZone(OSLO).toInstant();
    }
}
