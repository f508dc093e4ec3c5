package no.samrad.party.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a party without a successor; {@code abolishedOn} is its first day out of existence. */
public record AbolishParty(@TargetAggregateIdentifier String registerId, String key, LocalDate abolishedOn,
                           String source) implements RegisterChange {
}
