package no.samrad.party.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A party entered the register under {@code key}. {@code establishedOn} is {@code null} for a
 * party that existed before the register's records begin (1 January 1990).
 */
@Revision("1")
public record PartyEstablished(String registerId, String key, String code, PartyKind kind, String name,
                               String nameEn, String orgNo, LocalDate establishedOn, String source)
        implements RegisterEvent {

    @Override
    public LocalDate effectiveOn() {
        return establishedOn;
    }
}
