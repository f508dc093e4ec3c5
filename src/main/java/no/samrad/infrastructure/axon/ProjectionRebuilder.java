package no.samrad.infrastructure.axon;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Rebuilds read models from their history beside the live ones, while commands go on writing to
 * the live tables and readers read them, and swaps the rebuilt tables in at once.
 *
 * <p>One pass over the history feeds every model being rebuilt: each record's events are folded
 * into its view in memory with the model's own fold. The views are written in bulk into tables
 * made beside the live ones ({@link RebuildTables}: {@code COPY} on PostgreSQL), which then get
 * the live tables' keys and indexes. What committed meanwhile is read from where the pass ended
 * (gaps included) and the records it touched are written again, until little is left. Then the
 * models' write barriers are taken ({@link ReadModels}), so this process's commands on them wait,
 * and in one transaction the live tables are locked (which holds other instances off too), the
 * last events are applied and the rebuilt tables take the live ones' place. If the live tables
 * cannot be locked soon, because a long read holds them, the transaction gives up, the barriers
 * are let go and it tries again later. Until the swap commits the live tables are untouched: a
 * rebuild that fails, or a process killed during one, leaves the models as they were.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);
    /** Catching up stops, and the swap begins, once a round has fewer records than this to write again. */
    private static final int FEW_RECORDS = 100;
    private static final int MAX_CATCH_UP_ROUNDS = 10;
    /** How long the swap waits for one model's barrier before it lets go of the others and tries again. */
    private static final long BARRIER_TRY_MILLIS = 200;

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
    private final Duration swapLockTimeout;
    private final int swapAttempts;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "samrad-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilder(ReadModels readModels, ProjectionCatchUp catchUp, AxonRuntime axon,
                        AgroalDataSource dataSource, SamradClock clock,
                        @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind,
                        @ConfigProperty(name = "samrad.rebuild.timeout") Duration timeout,
                        @ConfigProperty(name = "samrad.rebuild.swap-lock-timeout") Duration swapLockTimeout,
                        @ConfigProperty(name = "samrad.rebuild.swap-attempts") int swapAttempts) {
        this.readModels = readModels;
        this.catchUp = catchUp;
        this.axon = axon;
        this.dataSource = dataSource;
        this.clock = clock;
        this.postgresql = databaseKind.startsWith("postgres");
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
        this.swapLockTimeout = swapLockTimeout;
        this.swapAttempts = swapAttempts;
    }

    /**
     * Starts one rebuild of these models, in one pass over the history, unless one of them is being
     * rebuilt already, here or by another instance; answers whether it started.
     */
    public synchronized boolean start(Collection<String> models) {
        Optional<Run> run = claim(models);
        run.ifPresent(claimed -> executor.submit(() -> rebuild(claimed)));
        return run.isPresent();
    }

    /** Rebuilds the models here and now, on the caller's thread; for start-up. */
    public void rebuildNow(Collection<String> models) {
        Run run;
        synchronized (this) {
            run = claim(models).orElseThrow(() -> new IllegalStateException("The read models " + models
                    + " are being rebuilt by another instance; start again once it is done"));
        }
        rebuild(run);
        if (run.error != null) {
            throw new IllegalStateException("The rebuild of " + models + " failed: " + run.error);
        }
    }

    /** The latest rebuild of the model, running or ended. */
    public Optional<Progress> progress(String model) {
        return Optional.ofNullable(runs.get(model)).map(run -> run.progress(clock.now()));
    }

    private Optional<Run> claim(Collection<String> models) {
        SortedSet<String> names = new TreeSet<>(models);
        if (names.stream().map(runs::get).anyMatch(run -> run != null && run.running())) {
            return Optional.empty();
        }
        RebuildTables tables = postgresql ? new PostgresRebuildTables() : new H2RebuildTables();
        Connection claim = null;
        try {
            claim = dataSource.getConnection();
            if (!tables.claim(claim, names)) {
                claim.close();
                return Optional.empty();
            }
        } catch (SQLException e) {
            closeQuietly(claim);
            throw new jakarta.persistence.PersistenceException("Could not claim the rebuild of " + names, e);
        }
        Run run = new Run(names, tables, claim, clock.now(), Math.max(0, catchUp.headPosition() + 1));
        names.forEach(name -> runs.put(name, run));
        return Optional.of(run);
    }

    private void rebuild(Run run) {
        List<Model> models = run.models.stream().map(name -> new Model(readModels.projection(name).orElseThrow(),
                readModels.rows(name), readModels.rebuildTables(name))).toList();
        List<ViewRows.Table> allTables = models.stream().flatMap(model -> model.tables.stream()).toList();
        try {
            withConnection(connection -> run.tables.create(connection, allTables));
            fold(run, models);
            withConnection(connection -> {
                connection.setAutoCommit(false);
                try {
                    for (Model model : models) {
                        for (ViewRows.Table table : model.tables) {
                            run.tables.write(connection, table, model.rows(table, model.views.values()));
                        }
                        model.written();
                    }
                    connection.commit();
                } finally {
                    connection.setAutoCommit(true);
                }
                run.tables.complete(connection, allTables);
            });
            catchUp(run, models);
            swap(run, models, allTables);
            run.finish(clock.now(), null);
            LOG.infof("Rebuilt %s from %d events", run.models, run.processed.get());
        } catch (Exception e) {
            run.finish(clock.now(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.errorf(e, "The rebuild of %s failed; the live read models are as they were", run.models);
        } finally {
            try {
                withConnection(connection -> run.tables.drop(connection, allTables));
            } catch (SQLException e) {
                LOG.warnf(e, "Could not drop the tables the rebuild of %s left; the next rebuild drops them",
                        run.models);
            }
            run.release();
        }
    }

    /** Folds every event after the run's token into the models' views, and moves the token on. */
    private void fold(Run run, List<Model> models) {
        try (Stream<? extends TrackedEventMessage<?>> events = axon.storageEngine().readEvents(run.token, false)) {
            events.forEach(event -> {
                run.token = event.trackingToken();
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    for (Model model : models) {
                        model.apply(domainEvent);
                    }
                }
                run.processed.incrementAndGet();
            });
        }
    }

    /** Brings the rebuilt tables up to what committed since, until a round has few records left. */
    private void catchUp(Run run, List<Model> models) throws SQLException {
        for (int round = 0; round < MAX_CATCH_UP_ROUNDS; round++) {
            fold(run, models);
            int pending = models.stream().mapToInt(model -> model.pending.size()).sum();
            withConnection(connection -> writePending(run, models, connection));
            if (pending < FEW_RECORDS) {
                return;
            }
        }
    }

    /**
     * Writes again, in the rebuilt tables, every record whose view changed since it was written, and
     * the model's counts.
     */
    private static void writePending(Run run, List<Model> models, Connection connection) throws SQLException {
        for (Model model : models) {
            if (model.pending.isEmpty()) {
                continue;
            }
            List<Object> views = model.pending.stream().map(model.views::get).toList();
            List<Object> ids = views.stream().map(model.rows::id).toList();
            List<ViewRows.Table> viewTables = model.rows.tables();
            for (int table = viewTables.size() - 1; table >= 0; table--) {
                run.tables.delete(connection, viewTables.get(table), ids);
            }
            for (ViewRows.Table table : viewTables) {
                run.tables.write(connection, table, model.rows.rows(table, views));
            }
            run.tables.clear(connection, model.countTable());
            run.tables.write(connection, model.countTable(), model.rows(model.countTable(), model.views.values()));
        }
    }

    /**
     * With the models' writers held off: the last events, then the rebuilt tables in the live ones'
     * place, in one transaction. Tries again while a long read keeps the live tables locked.
     */
    private void swap(Run run, List<Model> models, List<ViewRows.Table> allTables) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            List<Lock> barriers = run.models.stream().map(name -> readModels.barrier(name).writeLock()).toList();
            lockAll(barriers);
            try {
                QuarkusTransaction.requiringNew().timeout(timeoutSeconds).run(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        run.tables.lock(connection, allTables, swapLockTimeout);
                        fold(run, models);
                        writePending(run, models, connection);
                        run.tables.swap(connection, allTables);
                    } catch (SQLException e) {
                        throw new jakarta.persistence.PersistenceException(e);
                    }
                });
                models.forEach(Model::written);
                return;
            } catch (RuntimeException e) {
                if (!run.tables.lockNotAvailable(e) || attempt >= swapAttempts) {
                    throw e;
                }
                LOG.infof("The live tables of %s are in use; trying the swap again (attempt %d)", run.models,
                        attempt + 1);
            } finally {
                barriers.forEach(Lock::unlock);
            }
            catchUp(run, models);
        }
    }

    /**
     * Takes every lock or none: a command takes the shared sides of several models' barriers in the
     * order their handlers run, so taking the exclusive sides one after another could wait on a
     * command that waits on this.
     */
    private static void lockAll(List<Lock> locks) {
        while (true) {
            List<Lock> held = new ArrayList<>();
            try {
                for (Lock lock : locks) {
                    if (!lock.tryLock(BARRIER_TRY_MILLIS, TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    held.add(lock);
                }
            } catch (InterruptedException e) {
                held.forEach(Lock::unlock);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The rebuild was interrupted", e);
            }
            if (held.size() == locks.size()) {
                return;
            }
            held.forEach(Lock::unlock);
        }
    }

    private interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    /** Runs the work on a connection of its own, outside any transaction (DDL and bulk writes). */
    private void withConnection(ConnectionWork work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            work.run(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Could not close a connection", e);
            }
        }
    }

    /** One model in a rebuild: its views as folded so far, and the records to write again. */
    private static final class Model {
        private final TimeTravel.Folder<Object> fold;
        private final ViewRows rows;
        private final ViewCounts<?> counts;
        /** The views' tables, then the counts' table. */
        private final List<ViewRows.Table> tables;
        private final Map<String, Object> views = new HashMap<>();
        private final Set<String> pending = new HashSet<>();

        @SuppressWarnings("unchecked")
        Model(Projection projection, ViewRows rows, List<ViewRows.Table> tables) {
            this.fold = (TimeTravel.Folder<Object>) projection.fold();
            this.rows = rows;
            this.counts = projection.counts();
            this.tables = tables;
        }

        void apply(DomainEventMessage<?> event) {
            String record = event.getAggregateIdentifier();
            Object after = fold.apply(views.get(record), event);
            if (after != null) {
                views.put(record, after);
                pending.add(record);
            }
        }

        ViewRows.Table countTable() {
            return tables.get(tables.size() - 1);
        }

        /** The rows these views have in one of the model's tables. */
        List<Object[]> rows(ViewRows.Table table, Collection<Object> views) {
            return table.equals(countTable()) ? counts.rows(views, rows::id) : rows.rows(table, views);
        }

        /** Every view as it stands is in the rebuilt tables. */
        void written() {
            pending.clear();
        }
    }

    /** One rebuild of one or more models, from its claim to its end. */
    private final class Run {
        private final SortedSet<String> models;
        private final RebuildTables tables;
        private final Connection claim;
        private final Instant startedAt;
        private final long total;
        private final AtomicLong processed = new AtomicLong();
        private TrackingToken token;
        private volatile Instant endedAt;
        private volatile String error;

        Run(SortedSet<String> models, RebuildTables tables, Connection claim, Instant startedAt, long total) {
            this.models = models;
            this.tables = tables;
            this.claim = claim;
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

        /** Lets other instances rebuild these models again. */
        void release() {
            try {
                tables.release(claim, models);
            } catch (SQLException e) {
                LOG.debugf(e, "Could not release the claim on %s; it ends with its connection", models);
            } finally {
                closeQuietly(claim);
            }
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
