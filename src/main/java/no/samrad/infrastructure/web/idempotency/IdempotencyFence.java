package no.samrad.infrastructure.web.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.axon.AxonModule;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Ties an idempotency key to the command it guards: as the command's events are appended, in its
 * own transaction, the reservation is marked with the record and version they wrote, so that the
 * mark and the events commit together or not at all. A reservation that another request has taken
 * over (its holder was presumed gone) fails the mark, and the command rolls back instead of
 * acting twice.
 */
@ApplicationScoped
class IdempotencyFence implements AxonModule, MessageDispatchInterceptor<EventMessage<?>> {

    private final IdempotencyStore store;

    IdempotencyFence(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.onInitialize(configuration -> configuration.onStart(() ->
                configuration.eventStore().registerDispatchInterceptor(this)));
    }

    /** Called by the event store with a unit of work's events, in that unit of work's transaction. */
    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof DomainEventMessage<?> last) {
                IdempotencyReservation.ofCurrentRequest().ifPresent(held -> mark(held, last));
                break;
            }
        }
        return (index, event) -> event;
    }

    private void mark(IdempotencyReservation.Held held, DomainEventMessage<?> last) {
        if (!store.markCommitted(held.key(), held.requestId(), last.getAggregateIdentifier(),
                last.getSequenceNumber())) {
            throw new DomainException(CommonErrors.IDEMPOTENCY_KEY_IN_USE,
                    "Another request with this Idempotency-Key took it over; nothing was stored."
                            + " Retry to get its answer.",
                    IdempotencyInterceptor.HEADER);
        }
    }
}
