package no.samrad.infrastructure.instance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The running instances of Samråd that share one database. Each instance has an id of its own for
 * the length of its process and writes a heartbeat with the database's clock; one whose heartbeat
 * is older than {@code samrad.instance.timeout} is taken to be gone, whatever the clocks of the
 * machines say. Work an instance held (such as a request's idempotency key) can then be taken over.
 */
@ApplicationScoped
public class ServiceInstances {

    private static final Logger LOG = Logger.getLogger(ServiceInstances.class);

    private static final String REGISTER = "INSERT INTO service_instance (instance_id, started_at, heartbeat_at)"
            + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";

    private final AgroalDataSource dataSource;
    private final Duration timeout;
    private final String self = UUID.randomUUID().toString();
    /** Set once this instance is registered: a heartbeat that fired first would register it twice. */
    private volatile boolean registered;

    ServiceInstances(AgroalDataSource dataSource,
                     @ConfigProperty(name = "samrad.instance.timeout") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** This instance's id, new with every start. */
    public String self() {
        return self;
    }

    /** Registers this instance, and forgets those gone (killed, so they never deregistered). */
    void register(@Observes StartupEvent event) {
        execute(REGISTER, self);
        registered = true;
        forgetGone();
    }

    /** Forgets the instances whose heartbeat is older than the timeout, by the database's clock. */
    void forgetGone() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement now = connection.prepareStatement("SELECT CURRENT_TIMESTAMP FROM service_instance"
                     + " WHERE instance_id = ?");
             PreparedStatement gone = connection.prepareStatement(
                     "DELETE FROM service_instance WHERE heartbeat_at < ?")) {
            now.setString(1, self);
            try (ResultSet row = now.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                gone.setTimestamp(1, Timestamp.from(aliveSince(row.getTimestamp(1).toInstant())));
            }
            gone.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget the instances that are gone", e);
        }
    }

    @Scheduled(every = "${samrad.instance.heartbeat-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (!registered) {
            return;
        }
        try {
            // An instance forgotten while its heartbeat could not be written registers again.
            if (execute("UPDATE service_instance SET heartbeat_at = CURRENT_TIMESTAMP WHERE instance_id = ?", self)
                    == 0) {
                execute(REGISTER, self);
            }
        } catch (IllegalStateException unreachable) {
            LOG.warnf("Could not write this instance's heartbeat: %s", unreachable.getCause().getMessage());
        }
    }

    /**
     * Whether the instance is running: it is this one, or its heartbeat is younger than the
     * timeout. An instance that is not registered (it stopped, or never was) is gone.
     */
    public boolean isAlive(String instanceId) {
        if (self.equals(instanceId)) {
            return true;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT heartbeat_at, CURRENT_TIMESTAMP FROM service_instance WHERE instance_id = ?")) {
            query.setString(1, instanceId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                return isAlive(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the running instances", e);
        }
    }

    /** A registered instance as the register holds it, and whether it is alive by the rule above. */
    public record Instance(String id, Instant startedAt, Instant heartbeatAt, boolean alive) {
    }

    /** Every registered instance, the oldest first: those alive, and those gone but not yet forgotten. */
    public List<Instance> registered() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT instance_id, started_at, heartbeat_at,"
                     + " CURRENT_TIMESTAMP FROM service_instance ORDER BY started_at, instance_id");
             ResultSet rows = query.executeQuery()) {
            List<Instance> instances = new ArrayList<>();
            while (rows.next()) {
                Instant heartbeat = rows.getTimestamp(3).toInstant();
                instances.add(new Instance(rows.getString(1), rows.getTimestamp(2).toInstant(), heartbeat,
                        self.equals(rows.getString(1)) || isAlive(heartbeat, rows.getTimestamp(4).toInstant())));
            }
            return instances;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the running instances", e);
        }
    }

    /**
     * The oldest heartbeat of an instance alive now, by the database's clock: the one rule of who
     * is alive, for the queries that apply it in SQL ({@code heartbeat_at > ?}).
     */
    Timestamp aliveSince(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
             ResultSet row = query.executeQuery()) {
            row.next();
            return Timestamp.from(aliveSince(row.getTimestamp(1).toInstant()));
        }
    }

    private Instant aliveSince(Instant now) {
        return now.minus(timeout);
    }

    private boolean isAlive(Instant heartbeat, Instant now) {
        return heartbeat.isAfter(aliveSince(now));
    }

    private int execute(String sql, String instanceId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, instanceId);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record this instance", e);
        }
    }
}
