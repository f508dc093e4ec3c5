package no.samrad.infrastructure.axon;

/**
 * Marks a CDI bean whose {@code @EventHandler} methods keep a read model. {@link AxonRuntime}
 * registers every one with a subscribing processor named by its {@code @ProcessingGroup}, so its
 * handlers run in the unit of work that publishes the events, in the command's own transaction.
 */
public interface Projection {

    /**
     * The entity each record's view is, one per record and keyed by the record's id: its mapping
     * names the model's tables, which a rebuild fills afresh ({@link ProjectionRebuilder}). The
     * counts name it.
     */
    default Class<? extends TimeTravel.Stamped> viewType() {
        return counts().viewType();
    }

    /**
     * The model's views counted by what its lists filter on, kept with them in the command's
     * transaction (by {@link ReadModels}, around the handlers) and written afresh by a rebuild.
     */
    ViewCounts<?> counts();

    /**
     * The fold that makes each of the model's views from its record's events (one entity per
     * record, keyed by the record's id), the same one its handlers apply. {@link ProjectionRebuilder}
     * replays the history through it in memory and writes each view once.
     */
    TimeTravel.Folder<?> fold();
}
