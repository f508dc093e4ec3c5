package no.samrad.infrastructure.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Samråd's one source of the current time. "Today" and "this year" are always taken in
 * Europe/Oslo, the arrangement's own calendar, whatever the server's zone. Tests replace the
 * bean with one they can move.
 */
public interface SamradClock {

    ZoneId OSLO = ZoneId.of("Europe/Oslo");

    Instant now();

    default LocalDate today() {
        return LocalDate.ofInstant(now(), OSLO);
    }
}
