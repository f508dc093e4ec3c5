package no.samrad.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts what is stored, so that tests can prove a refused request stored nothing. */
@ApplicationScoped
public class Store {

    private final AgroalDataSource dataSource;

    Store(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long events() {
        return count("SELECT COUNT(*) FROM domain_event_entry");
    }

    public long snapshotsOf(String recordId) {
        return count("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", recordId);
    }

    /**
     * Makes every snapshot of the record look as an earlier release stored it: of no revision, and
     * with a state this release cannot read.
     */
    public void makeSnapshotsOfAnEarlierShape(String recordId) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("UPDATE snapshot_event_entry SET payload_revision = NULL,"
                     + " payload = ? WHERE aggregate_identifier = ?")) {
            statement.setBytes(1, "{\"milestones\": [\"IN_FORCE\"], \"unknown\": true".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            statement.setString(2, recordId);
            if (statement.executeUpdate() == 0) {
                throw new IllegalStateException("the record " + recordId + " has no snapshot");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties these tables, as a model gone wrong would have to be rebuilt from nothing. */
    public void wipe(java.util.List<String> tables) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long agreements() {
        return count("SELECT COUNT(*) FROM agreement_view");
    }

    /** Everything a rejected request must leave as it was. */
    public Snapshot snapshot() {
        return new Snapshot(events(), agreements());
    }

    public record Snapshot(long events, long agreements) {
    }

    /** Runs a statement that changes rows, as another instance or an operator would, with its parameters in order. */
    public void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one number the query counts, with its parameters in order. */
    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
