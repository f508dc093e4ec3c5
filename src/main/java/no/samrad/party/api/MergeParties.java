package no.samrad.party.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes two or more parties one from {@code mergedOn}. */
public record MergeParties(@TargetAggregateIdentifier String registerId, List<String> keys, LocalDate mergedOn,
                           SuccessorPart into, String source) implements RegisterChange {
}
