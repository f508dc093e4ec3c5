package no.samrad.infrastructure.axon;

import java.util.Optional;

/**
 * Marks a CDI bean whose {@code @EventHandler} methods keep a read model. {@link AxonRuntime}
 * registers every one with a pooled streaming processor named by its {@code @ProcessingGroup}.
 */
public interface Projection {

    /**
     * The fold that makes each of the model's views from its record's events, where the views are
     * exactly that fold (one entity per record, keyed by the record's id). {@link ProjectionRebuilder}
     * then replays the history in memory and writes each view once, instead of running the handlers
     * event by event against the database. Empty where the handlers must run.
     */
    default Optional<TimeTravel.Folder<?>> fold() {
        return Optional.empty();
    }
}
