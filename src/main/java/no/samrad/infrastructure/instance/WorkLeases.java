package no.samrad.infrastructure.instance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Work that runs on one instance at a time among those that share the database, each kind under a
 * lease of its own: the instance that holds the lease does the work, the others skip it. A lease is
 * held for as long as its holder is alive by {@link ServiceInstances}' one rule (a heartbeat younger
 * than {@code samrad.instance.timeout}, by the database's clock); once it is not, the next instance
 * that asks takes the work over. Leases of different kinds may be held by different instances, so
 * the work spreads across them.
 */
@ApplicationScoped
public class WorkLeases {

    /** The setting of an instance that serves reads only: a replay of an export. */
    public static final String READ_ONLY = "samrad.read-only";
    private static final Logger LOG = Logger.getLogger(WorkLeases.class);

    private final AgroalDataSource dataSource;
    private final ServiceInstances instances;
    private final boolean readOnly;

    WorkLeases(AgroalDataSource dataSource, ServiceInstances instances,
               @ConfigProperty(name = READ_ONLY, defaultValue = "false") boolean readOnly) {
        this.dataSource = dataSource;
        this.instances = instances;
        this.readOnly = readOnly;
    }

    /**
     * Whether this instance is to do {@code work} now: it holds the lease, or takes it because no
     * one does or its holder is gone. Only a registered instance takes a lease: one the others
     * cannot see alive would lose it at once. A database that cannot be reached answers no: the work waits
     * for the next turn rather than run twice. A read-only instance (a replay) does no work: each
     * kind of work writes.
     */
    public boolean runsHere(String work) {
        if (readOnly) {
            return false;
        }
        String self = instances.self();
        try (Connection connection = dataSource.getConnection()) {
            Timestamp aliveSince = instances.aliveSince(connection);
            try (PreparedStatement takeOver = connection.prepareStatement("UPDATE work_lease"
                    + " SET holder = ?, taken_at = CURRENT_TIMESTAMP WHERE work = ? AND holder <> ? AND NOT EXISTS"
                    + " (SELECT 1 FROM service_instance s WHERE s.instance_id = work_lease.holder"
                    + " AND s.heartbeat_at > ?) AND EXISTS (SELECT 1 FROM service_instance WHERE instance_id = ?)")) {
                takeOver.setString(1, self);
                takeOver.setString(2, work);
                takeOver.setString(3, self);
                takeOver.setTimestamp(4, aliveSince);
                takeOver.setString(5, self);
                if (takeOver.executeUpdate() == 1) {
                    LOG.infof("This instance (%s) takes over %s: its holder is gone", self, work);
                }
            }
            try (PreparedStatement take = connection.prepareStatement("INSERT INTO work_lease (work, holder, taken_at)"
                    + " SELECT ?, ?, CURRENT_TIMESTAMP FROM service_instance WHERE instance_id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM work_lease WHERE work = ?)")) {
                take.setString(1, work);
                take.setString(2, self);
                take.setString(3, self);
                take.setString(4, work);
                take.executeUpdate();
            } catch (SQLException takenMeanwhile) {
                if (takenMeanwhile.getSQLState() == null || !takenMeanwhile.getSQLState().startsWith("23")) {
                    throw takenMeanwhile;
                }
            }
            return self.equals(holders(connection).get(work));
        } catch (SQLException e) {
            LOG.warnf("Could not tell whether this instance is to do %s; it skips this turn: %s", work,
                    e.getMessage());
            return false;
        }
    }

    /** Which instance holds each lease. */
    public Map<String, String> holders() {
        try (Connection connection = dataSource.getConnection()) {
            return holders(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the work leases", e);
        }
    }

    private static Map<String, String> holders(Connection connection) throws SQLException {
        Map<String, String> holders = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT work, holder FROM work_lease");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                holders.put(rows.getString(1), rows.getString(2));
            }
        }
        return holders;
    }
}
