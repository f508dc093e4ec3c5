package no.samrad.infrastructure.axon;

/**
 * Marks a CDI bean whose {@code @EventHandler} methods keep a read model. {@link AxonRuntime}
 * registers every one with a pooled streaming processor named by its {@code @ProcessingGroup}.
 */
public interface Projection {

    /**
     * The fold that makes each of the model's views from its record's events (one entity per
     * record, keyed by the record's id), the same one its handlers apply. {@link ProjectionRebuilder}
     * replays the history through it in memory and writes each view once.
     */
    TimeTravel.Folder<?> fold();
}
