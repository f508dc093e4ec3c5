package no.samrad.infrastructure.axon;

/**
 * Marks a CDI bean whose {@code @EventHandler} methods keep a read model. {@link AxonRuntime}
 * registers every one with a subscribing processor named by its {@code @ProcessingGroup}, so its
 * handlers run in the unit of work that publishes the events, in the command's own transaction.
 */
public interface Projection {

    /** The model's tables, each before any it refers to: the order a rebuild empties them in. */
    java.util.List<String> tables();

    /**
     * The fold that makes each of the model's views from its record's events (one entity per
     * record, keyed by the record's id), the same one its handlers apply. {@link ProjectionRebuilder}
     * replays the history through it in memory and writes each view once.
     */
    TimeTravel.Folder<?> fold();
}
