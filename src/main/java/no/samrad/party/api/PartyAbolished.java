package no.samrad.party.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A party ceased on {@code abolishedOn} without a successor; its last day is the day before. */
@Revision("1")
public record PartyAbolished(String registerId, String key, LocalDate abolishedOn, String source)
        implements RegisterEvent {

    @Override
    public LocalDate effectiveOn() {
        return abolishedOn;
    }
}
