package no.samrad.support;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import no.samrad.infrastructure.time.SamradClock;

/**
 * The system clock until a test moves it; tests that move it put it back afterwards. Endpoint
 * tests keep their data apart by dating it in years of their own, far ahead; what has happened is
 * never dated after today, so such a test moves "today" past its facts before it records them.
 */
@Mock
@ApplicationScoped
public class MovableClock implements SamradClock {

    private volatile Instant fixed;

    @Override
    public Instant now() {
        Instant current = fixed;
        return current == null ? Instant.now() : current;
    }

    /** Makes "today" in Europe/Oslo the given day, at noon. */
    public void setToday(LocalDate day) {
        fixed = day.atTime(12, 0).atZone(OSLO).toInstant();
    }

    public void reset() {
        fixed = null;
    }
}
