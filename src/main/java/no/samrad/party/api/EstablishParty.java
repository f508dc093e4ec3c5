package no.samrad.party.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enters a party in the register; its key is its code, or the code and the year where the code was used before. */
public record EstablishParty(@TargetAggregateIdentifier String registerId, String code, PartyKind kind, String name,
                             String nameEn, String orgNo, LocalDate establishedOn, String source)
        implements RegisterChange {
}
