package no.samrad.party.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Divides a party among two or more parts from {@code splitOn}. */
public record SplitParty(@TargetAggregateIdentifier String registerId, String key, LocalDate splitOn,
                         List<SuccessorPart> parts, String source) implements RegisterChange {
}
