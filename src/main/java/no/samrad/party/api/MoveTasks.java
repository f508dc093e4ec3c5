package no.samrad.party.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves tasks, and the records named, from one party to another from {@code movedOn}. */
public record MoveTasks(@TargetAggregateIdentifier String registerId, String fromKey, String toKey,
                        LocalDate movedOn, String tasks, List<String> records, String source)
        implements RegisterChange {
}
