package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import no.samrad.infrastructure.axon.EffectiveDated;
import no.samrad.infrastructure.axon.EventLogKeeper;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Chains every stored event, once, in the order its processor sees them committed: the event gets
 * the next dense position and a hash over its stored form and the hash before it. An event chained
 * already (a redelivery) is passed by. The processor
 * has one segment, so one chainer runs at a time across all instances, and its token moves in the
 * same transaction as the chain rows.
 */
@ApplicationScoped
@ProcessingGroup(EventChainer.PROCESSOR)
public class EventChainer implements EventLogKeeper {

    public static final String PROCESSOR = "event-chain";
    /**
     * The chain's head as this batch has left it. It lives as long as the batch's unit of work, so
     * it is read once per batch, and a batch that rolls back takes it along.
     */
    private static final String HEAD = "samrad.event-chain.head";

    private final ChainStore store;
    private final SamradClock clock;

    EventChainer(ChainStore store, SamradClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String processorName() {
        return PROCESSOR;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        Optional<StoredEvent> unchained = store.unchained(message.getIdentifier());
        if (unchained.isEmpty()) {
            return;
        }
        StoredEvent stored = unchained.get();
        Map<String, Object> batch = CurrentUnitOfWork.get().root().resources();
        ChainLink head = (ChainLink) batch.computeIfAbsent(HEAD,
                key -> store.head().orElse(new ChainLink(0, null, null, StoredEvent.GENESIS)));
        long position = head.position() + 1;
        ChainLink link = new ChainLink(position, stored.eventId(), head.hash(), stored.hash(position, head.hash()));
        Object requestId = message.getMetaData().get(EventMetadata.REQUEST_ID);
        store.append(link, requestId == null ? null : requestId.toString(),
                payload instanceof EffectiveDated dated ? dated.effectiveOn() : null, clock.now());
        batch.put(HEAD, link);
    }
}
