package no.samrad.infrastructure.axon;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.RepositorySpanFactory;

/**
 * An event-sourced repository that refuses a stale expected version as it loads the record,
 * before any command handler decides. Axon's own repository defers that check to the commit, so
 * that a handler may resolve the conflict; a handler that refused first then answered with its
 * own rule instead (and revealed the record's current state to a client that had not seen it).
 */
public final class VersionCheckedRepository<T> extends EventSourcingRepository<T> {

    private VersionCheckedRepository(Builder<T> builder) {
        super(builder);
    }

    /**
     * The configuration of an event-sourced aggregate whose repository checks versions on load, with
     * a snapshot every {@code snapshotThreshold} events (none for 0).
     */
    public static <T> AggregateConfigurer<T> aggregate(Class<T> type, int snapshotThreshold) {
        return AggregateConfigurer.defaultConfiguration(type).configureRepository(c ->
                new VersionCheckedRepository<>(EventSourcingRepository.builder(type)
                        .eventStore(c.eventStore())
                        .parameterResolverFactory(c.parameterResolverFactory())
                        .handlerDefinition(c.handlerDefinition(type))
                        .snapshotTriggerDefinition(snapshotTrigger(c, snapshotThreshold))
                        .repositoryProvider(c::repository)
                        .spanFactory(c.getComponent(RepositorySpanFactory.class))));
    }

    private static SnapshotTriggerDefinition snapshotTrigger(Configuration c, int threshold) {
        return threshold > 0 ? new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold)
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        if (expectedVersion != null && aggregate.version() != null && !expectedVersion.equals(aggregate.version())) {
            throw new ConflictingAggregateVersionException(aggregate.identifierAsString(), expectedVersion,
                    aggregate.version());
        }
    }
}
