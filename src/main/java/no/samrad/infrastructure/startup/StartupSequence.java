package no.samrad.infrastructure.startup;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import no.samrad.infrastructure.axon.AxonMetrics;
import no.samrad.infrastructure.axon.AxonRuntime;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.security.TokenVerification;
import org.jboss.logging.Logger;

/**
 * Orders Samråd's start: Flyway has migrated before {@link StartupEvent}; then the local token
 * issuer's keys are made where no real issuer is configured, Axon starts, the
 * startup tasks run, and {@link ApplicationReady} is announced. Scheduled jobs check
 * {@link #isReady()} so that they never race the tasks.
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class);

    private final TokenVerification tokens;
    private final AxonRuntime axon;
    private final List<StartupTask> tasks;
    private final Event<ApplicationReady> ready;
    private final AxonMetrics metrics;
    private final ProjectionCatchUp projections;
    private volatile boolean isReady;
    private volatile CompletionStage<ApplicationReady> readyObserved = new CompletableFuture<>();

    StartupSequence(TokenVerification tokens, AxonRuntime axon, @All List<StartupTask> tasks,
                    Event<ApplicationReady> ready, AxonMetrics metrics, ProjectionCatchUp projections) {
        this.metrics = metrics;
        this.projections = projections;
        this.tokens = tokens;
        this.axon = axon;
        this.tasks = tasks;
        this.ready = ready;
    }

    void onStart(@Observes StartupEvent event) {
        tokens.prepare();
        axon.start();
        metrics.watchLag(projections);
        tasks.stream().sorted(Comparator.comparingInt(StartupTask::order)).forEach(task -> {
            LOG.debugf("Running startup task %s", task.getClass().getSimpleName());
            task.run();
        });
        isReady = true;
        readyObserved = ready.fireAsync(new ApplicationReady());
    }

    void onStop(@Observes ShutdownEvent event) {
        isReady = false;
        axon.shutdown();
    }

    public boolean isReady() {
        return isReady;
    }

    /** Completes when every observer of {@link ApplicationReady} (the first expiry sweep) has run. */
    public CompletionStage<ApplicationReady> readyObserved() {
        return readyObserved;
    }
}
