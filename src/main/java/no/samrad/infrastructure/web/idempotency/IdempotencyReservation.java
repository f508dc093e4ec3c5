package no.samrad.infrastructure.web.idempotency;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The idempotency key this request holds, if it was sent with one: the command's transaction
 * reads it to mark the reservation as committed.
 */
@RequestScoped
class IdempotencyReservation {

    /** A key held by a request. */
    public record Held(IdempotencyStore.Key key, String requestId) {
    }

    private Held held;

    void hold(IdempotencyStore.Key key, String requestId) {
        this.held = new Held(key, requestId);
    }

    void letGo() {
        this.held = null;
    }

    /** The key the current request holds; empty outside a request or for a request without one. */
    static Optional<Held> ofCurrentRequest() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return Optional.empty();
        }
        return Arc.container().instance(IdempotencyReservation.class).get().held();
    }

    Optional<Held> held() {
        return Optional.ofNullable(held);
    }
}
