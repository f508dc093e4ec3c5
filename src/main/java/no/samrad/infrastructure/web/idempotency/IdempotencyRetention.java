package no.samrad.infrastructure.web.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import no.samrad.infrastructure.instance.WorkLeases;
import no.samrad.infrastructure.time.SamradClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets idempotency keys older than {@code samrad.idempotency.retention} (at least 24 hours),
 * hourly, on the one instance that holds the work ({@link WorkLeases}).
 */
@ApplicationScoped
class IdempotencyRetention {

    static final Duration MINIMUM = Duration.ofHours(24);

    static final String WORK = "idempotency-clean-up";

    private final IdempotencyStore store;
    private final SamradClock clock;
    private final Duration retention;
    private final WorkLeases leases;

    IdempotencyRetention(IdempotencyStore store, SamradClock clock,
                         @ConfigProperty(name = "samrad.idempotency.retention") Duration retention, WorkLeases leases) {
        this.store = store;
        this.leases = leases;
        this.clock = clock;
        this.retention = retention.compareTo(MINIMUM) < 0 ? MINIMUM : retention;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldKeys() {
        if (leases.runsHere(WORK)) {
            store.forgetBefore(clock.now().minus(retention));
        }
    }
}
