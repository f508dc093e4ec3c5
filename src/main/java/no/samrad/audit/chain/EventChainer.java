package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import no.samrad.infrastructure.axon.EffectiveDated;
import no.samrad.infrastructure.axon.EventLogKeeper;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * Chains every stored event, once, in the order its processor sees them committed: the event gets
 * the next dense position and a hash over its stored form and the hash before it. The processor
 * has one segment, so one chainer runs at a time across all instances, and its token moves in the
 * same transaction as the chain rows.
 */
@ApplicationScoped
@ProcessingGroup(EventChainer.PROCESSOR)
public class EventChainer implements EventLogKeeper {

    public static final String PROCESSOR = "event-chain";

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
        if (store.isChained(message.getIdentifier())) {
            return;
        }
        StoredEvent stored = store.storedEvent(message.getIdentifier()).orElseThrow(() -> new IllegalStateException(
                "Event " + message.getIdentifier() + " was delivered but is not in the event store"));
        ChainLink head = store.head().orElse(new ChainLink(0, null, null, StoredEvent.GENESIS));
        long position = head.position() + 1;
        ChainLink link = new ChainLink(position, stored.eventId(), head.hash(), stored.hash(position, head.hash()));
        Object requestId = message.getMetaData().get(EventMetadata.REQUEST_ID);
        store.append(link, requestId == null ? null : requestId.toString(),
                payload instanceof EffectiveDated dated ? dated.effectiveOn() : null, clock.now());
    }
}
