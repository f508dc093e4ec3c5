package no.samrad.party.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the register with its history: the changes from the register's sources, in order, each
 * judged by the same rules as a change sent later.
 */
public record RecordRegisterHistory(@TargetAggregateIdentifier String registerId, List<RegisterChange> changes) {
}
