package no.samrad.infrastructure.axon;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Rebuilds a read model from its history while commands go on writing to it, and replaces its
 * rows at once, so that its readers see the last complete data until the rebuilt model commits.
 *
 * <p>First, with no lock, every record's events are folded into its view in memory with the
 * projection's own fold. Then the model's write barrier is taken ({@link ReadModels}): the
 * commands that have written to the model have committed, and the rest wait. In one
 * transaction, the records whose events have moved on since (commands that committed during the
 * fold, or transactions that committed late behind the head) are folded again from their own
 * events, the model's tables are emptied and every view is written once; on PostgreSQL the
 * tables are locked against writers first, which holds other instances off too. The barrier is
 * let go once that transaction has committed; a rebuild that fails rolls back and leaves the
 * model as it was.
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

    private final ReadModels readModels;
    private final ProjectionCatchUp catchUp;
    private final AxonRuntime axon;
    private final AgroalDataSource dataSource;
    private final SamradClock clock;
    private final boolean postgresql;
    private final int timeoutSeconds;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "samrad-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilder(ReadModels readModels, ProjectionCatchUp catchUp, AxonRuntime axon,
                        AgroalDataSource dataSource, SamradClock clock,
                        @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind,
                        @ConfigProperty(name = "samrad.rebuild.timeout", defaultValue = "6h") Duration timeout) {
        this.readModels = readModels;
        this.catchUp = catchUp;
        this.axon = axon;
        this.dataSource = dataSource;
        this.clock = clock;
        this.postgresql = databaseKind.startsWith("postgres");
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
    }

    /** Starts a rebuild unless one of this model runs already; answers whether it started. */
    public synchronized boolean start(String model) {
        Run current = runs.get(model);
        if (current != null && current.running()) {
            return false;
        }
        Run run = new Run(clock.now(), Math.max(0, catchUp.headPosition() + 1));
        runs.put(model, run);
        executor.submit(() -> rebuild(model, run));
        return true;
    }

    /** Rebuilds the model here and now, on the caller's thread; for start-up. */
    public void rebuildNow(String model) {
        Run run = new Run(clock.now(), Math.max(0, catchUp.headPosition() + 1));
        runs.put(model, run);
        rebuild(model, run);
        if (run.error != null) {
            throw new IllegalStateException("The rebuild of " + model + " failed: " + run.error);
        }
    }

    /** The latest rebuild of the model, running or ended. */
    public Optional<Progress> progress(String model) {
        return Optional.ofNullable(runs.get(model)).map(run -> run.progress(clock.now()));
    }

    private void rebuild(String model, Run run) {
        Projection projection = readModels.projection(model).orElseThrow();
        try {
            @SuppressWarnings("unchecked")
            TimeTravel.Folder<Object> fold = (TimeTravel.Folder<Object>) projection.fold();
            Folded folded = foldHistory(fold, run.total - 1, run);
            Lock exclusive = readModels.barrier(model).writeLock();
            exclusive.lock();
            try {
                QuarkusTransaction.requiringNew().timeout(timeoutSeconds)
                        .run(() -> replace(projection, fold, folded));
            } finally {
                exclusive.unlock();
            }
            run.finish(clock.now(), null);
            LOG.infof("Rebuilt %s from %d events", model, run.processed.get());
        } catch (Exception e) {
            run.finish(clock.now(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.errorf(e, "The rebuild of %s failed and was rolled back; the model is as it was", model);
        }
    }

    /** Every record's view as its events up to the head make it, and the last event folded of each record. */
    private record Folded(Map<String, Object> views, Map<String, Long> lastSequences) {
    }

    private Folded foldHistory(TimeTravel.Folder<Object> fold, long head, Run run) {
        Map<String, Object> views = new LinkedHashMap<>();
        Map<String, Long> lastSequences = new HashMap<>();
        if (head < 0) {
            return new Folded(views, lastSequences);
        }
        try (BlockingStream<TrackedEventMessage<?>> events = axon.configuration().eventStore().openStream(null)) {
            while (events.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = events.nextAvailable();
                long position = event.trackingToken().position().orElse(-1);
                if (position > head) {
                    break;
                }
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    String record = domainEvent.getAggregateIdentifier();
                    Object after = fold.apply(views.get(record), domainEvent);
                    if (after != null) {
                        views.put(record, after);
                    }
                    lastSequences.put(record, domainEvent.getSequenceNumber());
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
        return new Folded(views, lastSequences);
    }

    /**
     * With the model held off from writers: folds again the records whose events have moved on,
     * empties the model's tables and writes each view once, in JDBC batches.
     */
    private void replace(Projection projection, TimeTravel.Folder<Object> fold, Folded folded) {
        EntityManager entityManager = Panache.getEntityManager();
        if (postgresql) {
            entityManager.createNativeQuery("LOCK TABLE " + String.join(", ", projection.tables())
                    + " IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        }
        latestSequences().forEach((record, latest) -> {
            if (latest > folded.lastSequences().getOrDefault(record, -1L)) {
                Object view = null;
                for (DomainEventMessage<?> event : axon.configuration().eventStore().readEvents(record, 0)
                        .asStream().toList()) {
                    view = fold.apply(view, event);
                }
                if (view == null) {
                    folded.views().remove(record);
                } else {
                    folded.views().put(record, view);
                }
            }
        });
        for (String table : projection.tables()) {
            entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        int written = 0;
        for (Object view : folded.views().values()) {
            entityManager.persist(view);
            if (++written % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
    }

    /** The sequence number of every record's latest committed event. */
    private Map<String, Long> latestSequences() {
        Map<String, Long> latest = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT aggregate_identifier,"
                     + " MAX(sequence_number) FROM domain_event_entry GROUP BY aggregate_identifier");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                latest.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not read the records' latest events", e);
        }
        return latest;
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

        void finish(Instant now, String failure) {
            error = failure;
            endedAt = now;
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
