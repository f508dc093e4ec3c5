package no.samrad.audit.chain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.samrad.infrastructure.api.EffectiveDated;
import no.samrad.infrastructure.axon.EventLogKeeper;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Chains every stored event, once, in the order its processor sees them committed: the event gets
 * the next dense position and a hash over its stored form and the hash before it. An event chained
 * already (a redelivery) is passed by. The processor has one segment, so one chainer runs at a
 * time across all instances, and its token moves in the same transaction as the chain rows. A
 * batch of events is chained at once as it commits: one read of the chain's head, one read of the
 * batch's stored rows, and one batched write of its links; then the log's Merkle tree takes the
 * batch's leaves, in the same transaction.
 */
@ApplicationScoped
@ProcessingGroup(EventChainer.PROCESSOR)
public class EventChainer implements EventLogKeeper {

    public static final String PROCESSOR = "event-chain";
    /** The events of the batch, in the order seen, kept as long as the batch's unit of work. */
    private static final String PENDING = "samrad.event-chain.pending";

    /** An event to chain: its id and what the chain keeps beside it. */
    private record Pending(String eventId, String requestId, LocalDate effectiveOn) {
    }

    private final ChainStore store;
    private final PublishedTree tree;
    private final SamradClock clock;
    /** The time of each batch, and of its share that extends the tree: what the tree costs the log (P8). */
    private final Timer batches;
    private final Timer treeExtensions;
    private final Counter leavesAppended;

    EventChainer(ChainStore store, PublishedTree tree, SamradClock clock, MeterRegistry registry) {
        this.store = store;
        this.tree = tree;
        this.clock = clock;
        this.batches = Timer.builder("samrad.audit.chain.batches")
                .description("Time to chain a batch of events and extend the Merkle tree with it").register(registry);
        this.treeExtensions = Timer.builder("samrad.audit.tree.extensions")
                .description("Time to extend the Merkle tree with a chained batch").register(registry);
        this.leavesAppended = Counter.builder("samrad.audit.chain.events")
                .description("Events chained").register(registry);
    }

    @Override
    public String processorName() {
        return PROCESSOR;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) batch.resources().computeIfAbsent(PENDING, key -> {
            List<Pending> events = new ArrayList<>();
            batch.onPrepareCommit(committing -> chain(events));
            return events;
        });
        Object requestId = message.getMetaData().get(EventMetadata.REQUEST_ID);
        pending.add(new Pending(message.getIdentifier(), requestId == null ? null : requestId.toString(),
                payload instanceof EffectiveDated dated ? dated.effectiveOn() : null));
    }

    private void chain(List<Pending> pending) {
        batches.record(() -> chainTimed(pending));
    }

    private void chainTimed(List<Pending> pending) {
        Map<String, StoredEvent> unchained = store.unchained(pending.stream().map(Pending::eventId).toList());
        ChainLink head = store.head().orElse(new ChainLink(0, null, null, StoredEvent.GENESIS));
        List<ChainStore.NewLink> links = new ArrayList<>();
        List<PublishedTree.Leaf> leaves = new ArrayList<>();
        for (Pending event : pending) {
            StoredEvent stored = unchained.remove(event.eventId());
            if (stored != null) {
                long position = head.position() + 1;
                StoredEvent.Hashes hashes = stored.hashes(position, head.hash());
                leaves.add(new PublishedTree.Leaf(position, hashes.leaf()));
                head = new ChainLink(position, stored.eventId(), head.hash(), hashes.link());
                links.add(new ChainStore.NewLink(head, event.requestId(), event.effectiveOn()));
            }
        }
        store.appendAll(links, clock.now());
        treeExtensions.record(() -> tree.extend(leaves));
        leavesAppended.increment(leaves.size());
    }
}
