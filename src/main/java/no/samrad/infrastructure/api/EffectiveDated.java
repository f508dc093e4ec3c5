package no.samrad.infrastructure.api;

import java.time.LocalDate;

/**
 * An event that takes effect on a calendar date of its own, which may differ from the moment it
 * was recorded: an agreement entered on 20 April 2018 may be recorded in 2026.
 */
public interface EffectiveDated {

    LocalDate effectiveOn();
}
