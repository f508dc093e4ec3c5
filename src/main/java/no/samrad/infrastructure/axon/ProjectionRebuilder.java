package no.samrad.infrastructure.axon;

import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Rebuilds a read model from the first event in one database transaction, so that its readers
 * keep seeing the last complete data until the rebuilt model commits and takes over at once.
 *
 * <p>The model's processor is stopped for the rebuild and started again afterwards; it then
 * resumes from where it stopped, and its handlers skip what the rebuild has applied already
 * (every projection is idempotent by sequence number). A rebuild that fails rolls back and
 * leaves the model as it was.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);
    /** Views written between flushes, which bounds what Hibernate's session holds. */
    private static final int FLUSH_EVERY = 500;

    /** What a rebuild has done so far; {@code secondsLeft} is an estimate from the rate so far. */
    @Schema(name = "RebuildProgress")
    public record Progress(String state, Instant startedAt, long processed, long total, double eventsPerSecond,
                           Long secondsLeft, String error) {
    }

    private final Map<String, Projection> projections;
    private final ProjectionCatchUp catchUp;
    private final AxonRuntime axon;
    private final SamradClock clock;
    private final int timeoutSeconds;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "samrad-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilder(@All java.util.List<Projection> projections, ProjectionCatchUp catchUp, AxonRuntime axon,
                        SamradClock clock,
                        @ConfigProperty(name = "samrad.rebuild.timeout", defaultValue = "6h") Duration timeout) {
        this.projections = projections.stream().collect(Collectors.toMap(ProjectionRebuilder::processingGroup,
                Function.identity()));
        this.catchUp = catchUp;
        this.axon = axon;
        this.clock = clock;
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
    }

    /** Starts a rebuild unless one of this model runs already; answers whether it started. */
    public synchronized boolean start(String processingGroup) {
        Run current = runs.get(processingGroup);
        if (current != null && current.running()) {
            return false;
        }
        Run run = new Run(clock.now(), Math.max(0, catchUp.headPosition() + 1));
        runs.put(processingGroup, run);
        executor.submit(() -> rebuild(processingGroup, run));
        return true;
    }

    /** The latest rebuild of the model, running or ended. */
    public Optional<Progress> progress(String processingGroup) {
        return Optional.ofNullable(runs.get(processingGroup)).map(run -> run.progress(clock.now()));
    }

    private void rebuild(String processingGroup, Run run) {
        StreamingEventProcessor processor = catchUp.processor(processingGroup);
        processor.shutDown();
        try {
            long head = run.total - 1;
            Projection projection = projections.get(processingGroup);
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(
                    ClientProxy.unwrap(projection), axon.configuration().parameterResolverFactory());
            QuarkusTransaction.requiringNew().timeout(timeoutSeconds)
                    .run(() -> replay(projection.fold(), handlers, head, run));
            run.finish(null);
            LOG.infof("Rebuilt %s from %d events", processingGroup, run.processed.get());
        } catch (Exception e) {
            run.finish(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.errorf(e, "The rebuild of %s failed and was rolled back; the model is as it was", processingGroup);
        } finally {
            processor.start();
        }
    }

    /**
     * Folds every record's events into its view in memory, in one pass over the history, then
     * empties the model (its reset handler) and writes each view once: one insert per row, in JDBC
     * batches, where the handlers would read, change and flush a view for every event.
     */
    @SuppressWarnings("unchecked")
    private void replay(TimeTravel.Folder<?> fold, AnnotationEventHandlerAdapter handlers, long head, Run run) {
        TimeTravel.Folder<Object> step = (TimeTravel.Folder<Object>) fold;
        Map<String, Object> views = new LinkedHashMap<>();
        if (head >= 0) {
            try (BlockingStream<TrackedEventMessage<?>> events = axon.configuration().eventStore().openStream(null)) {
                while (events.hasNextAvailable(10, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = events.nextAvailable();
                    long position = event.trackingToken().position().orElse(-1);
                    if (position > head) {
                        break;
                    }
                    if (event instanceof DomainEventMessage<?> domainEvent) {
                        String record = domainEvent.getAggregateIdentifier();
                        Object after = step.apply(views.get(record), domainEvent);
                        if (after != null) {
                            views.put(record, after);
                        }
                    }
                    run.processed.incrementAndGet();
                    if (position == head) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The rebuild was interrupted", e);
            }
        }
        try {
            handlers.prepareReset();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        EntityManager entityManager = Panache.getEntityManager();
        int written = 0;
        for (Object view : views.values()) {
            entityManager.persist(view);
            if (++written % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
    }

    private static String processingGroup(Projection projection) {
        return ClientProxy.unwrap(projection).getClass().getAnnotation(ProcessingGroup.class).value();
    }

    private static final class Run {
        private final Instant startedAt;
        private final long total;
        private final AtomicLong processed = new AtomicLong();
        private volatile Instant endedAt;
        private volatile String error;

        Run(Instant startedAt, long total) {
            this.startedAt = startedAt;
            this.total = total;
        }

        boolean running() {
            return endedAt == null;
        }

        void finish(String failure) {
            error = failure;
            endedAt = Instant.now();
        }

        Progress progress(Instant now) {
            long done = processed.get();
            double seconds = Math.max(0.001, Duration.between(startedAt, endedAt == null ? now : endedAt)
                    .toMillis() / 1000.0);
            double rate = done / seconds;
            Long left = endedAt != null ? Long.valueOf(0) : rate <= 0 ? null
                    : Long.valueOf((long) Math.ceil(Math.max(0, total - done) / rate));
            String state = endedAt == null ? "RUNNING" : error == null ? "DONE" : "FAILED";
            return new Progress(state, startedAt, done, total, Math.round(rate * 10) / 10.0, left, error);
        }
    }
}
