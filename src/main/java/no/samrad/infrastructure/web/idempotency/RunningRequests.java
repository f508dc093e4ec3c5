package no.samrad.infrastructure.web.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.samrad.infrastructure.instance.ServiceInstances;
import no.samrad.infrastructure.time.SamradClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the request that holds an idempotency key is still running. On this instance that is
 * known for certain; a request on another instance is taken to be running while that instance is
 * alive and the request is younger than {@code samrad.idempotency.in-flight-timeout}, longer than
 * any request can take.
 */
@ApplicationScoped
class RunningRequests {

    private final Set<String> here = ConcurrentHashMap.newKeySet();
    private final ServiceInstances instances;
    private final SamradClock clock;
    private final Duration inFlightTimeout;

    RunningRequests(ServiceInstances instances, SamradClock clock,
                    @ConfigProperty(name = "samrad.idempotency.in-flight-timeout") Duration inFlightTimeout) {
        this.instances = instances;
        this.clock = clock;
        this.inFlightTimeout = inFlightTimeout;
    }

    void started(String requestId) {
        here.add(requestId);
    }

    void ended(String requestId) {
        here.remove(requestId);
    }

    boolean holds(IdempotencyStore.Entry entry) {
        if (instances.self().equals(entry.instanceId())) {
            return here.contains(entry.requestId());
        }
        return entry.instanceId() != null && entry.reservedAt() != null
                && entry.reservedAt().plus(inFlightTimeout).isAfter(clock.now())
                && instances.isAlive(entry.instanceId());
    }
}
