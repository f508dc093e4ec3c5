package no.samrad.infrastructure.axon;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * The events the current request's commands appended: each event's id, record and sequence
 * number, noted as the event store appends them, for the promise the answer makes about them.
 */
@RequestScoped
public class RequestEvents {

    /** One event a request caused. */
    public record Appended(String eventId, String recordId, long sequence) {
    }

    private final List<Appended> appended = new ArrayList<>();

    public List<Appended> appended() {
        return List.copyOf(appended);
    }

    void add(Appended event) {
        appended.add(event);
    }

    /** Notes, for the request that sends them, every domain event the store is about to append. */
    static MessageDispatchInterceptor<EventMessage<?>> noting() {
        return messages -> {
            ManagedContext requestContext = Arc.container().requestContext();
            if (requestContext.isActive()) {
                RequestEvents request = Arc.container().instance(RequestEvents.class).get();
                for (EventMessage<?> message : messages) {
                    if (message instanceof DomainEventMessage<?> event) {
                        request.add(new Appended(event.getIdentifier(), event.getAggregateIdentifier(),
                                event.getSequenceNumber()));
                    }
                }
            }
            return (BiFunction<Integer, EventMessage<?>, EventMessage<?>>) (index, message) -> message;
        };
    }
}
