package no.samrad.infrastructure.web.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The reservations of and answers to idempotent requests. Every call is its own committed
 * statement, except {@link #markCommitted}, which runs in the command's own transaction.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** A caller's key: {@code caller} is the hash of the caller's whole identity. */
    public record Key(String caller, String key) {
    }

    /**
     * What is stored for a key. While the request runs, {@code status} is {@code null};
     * {@code recordId} and {@code recordVersion} are set by the transaction that committed the
     * request's command, so a reservation that has them stands for a command that took effect.
     */
    public record Entry(String requestHash, Integer status, String location, String etag, String body,
                        String requestId, String instanceId, Instant reservedAt, String recordId,
                        Long recordVersion) {

        boolean answered() {
            return status != null;
        }

        boolean committed() {
            return recordId != null;
        }
    }

    private final AgroalDataSource dataSource;

    IdempotencyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Entry> find(Key key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT request_hash, status, location, etag,"
                     + " body, request_id, instance_id, reserved_at, record_id, record_version FROM idempotency_record"
                     + " WHERE caller = ? AND idempotency_key = ?")) {
            statement.setString(1, key.caller());
            statement.setString(2, key.key());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String requestHash = row.getString(1);
                int status = row.getInt(2);
                Integer statusOrNull = row.wasNull() ? null : status;
                String location = row.getString(3);
                String etag = row.getString(4);
                String body = row.getString(5);
                String requestId = row.getString(6);
                String instanceId = row.getString(7);
                Timestamp reservedAt = row.getTimestamp(8);
                String recordId = row.getString(9);
                long version = row.getLong(10);
                Long versionOrNull = row.wasNull() ? null : version;
                return Optional.of(new Entry(requestHash, statusOrNull, location, etag, body, requestId, instanceId,
                        reservedAt == null ? null : reservedAt.toInstant(), recordId, versionOrNull));
            }
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    /** Reserves the key for a request now starting; {@code false} if another request holds it. */
    public boolean reserve(Key key, String requestHash, String requestId, String instanceId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO idempotency_record"
                     + " (caller, idempotency_key, request_hash, request_id, instance_id, reserved_at, created_at)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, key.caller());
            statement.setString(2, key.key());
            statement.setString(3, requestHash);
            statement.setString(4, requestId);
            statement.setString(5, instanceId);
            statement.setTimestamp(6, Timestamp.from(now));
            statement.setTimestamp(7, Timestamp.from(now));
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw unavailable("reserve", e);
        }
    }

    /**
     * Hands the reservation of a request that is gone, and whose command did not commit, to a new
     * request; {@code false} if it is no longer that request's, or its command has committed since.
     */
    public boolean takeOver(Key key, String goneRequestId, String requestId, String instanceId, Instant now) {
        return update("UPDATE idempotency_record SET request_id = ?, instance_id = ?, reserved_at = ?"
                + " WHERE caller = ? AND idempotency_key = ? AND request_id = ? AND status IS NULL"
                + " AND record_id IS NULL", statement -> {
                    statement.setString(1, requestId);
                    statement.setString(2, instanceId);
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setString(4, key.caller());
                    statement.setString(5, key.key());
                    statement.setString(6, goneRequestId);
                }) == 1;
    }

    /**
     * Marks the reservation with the record and version the request's command wrote. Called inside
     * the command's transaction, so that the mark and the events commit together or not at all;
     * {@code false} if the reservation is no longer this request's (another took it over).
     */
    public boolean markCommitted(Key key, String requestId, String recordId, long recordVersion) {
        return update("UPDATE idempotency_record SET record_id = ?, record_version = ?"
                + " WHERE caller = ? AND idempotency_key = ? AND request_id = ? AND status IS NULL", statement -> {
                    statement.setString(1, recordId);
                    statement.setLong(2, recordVersion);
                    statement.setString(3, key.caller());
                    statement.setString(4, key.key());
                    statement.setString(5, requestId);
                }) == 1;
    }

    public void complete(Key key, String requestId, int status, String location, String etag, String body) {
        update("UPDATE idempotency_record SET status = ?, location = ?, etag = ?, body = ?"
                + " WHERE caller = ? AND idempotency_key = ? AND request_id = ? AND status IS NULL", statement -> {
                    statement.setInt(1, status);
                    statement.setString(2, location);
                    statement.setString(3, etag);
                    statement.setString(4, body);
                    statement.setString(5, key.caller());
                    statement.setString(6, key.key());
                    statement.setString(7, requestId);
                });
    }

    /**
     * Frees a key whose request was refused or failed before its command committed, so that a retry
     * can run. A reservation whose command committed stays, for a retry to be answered from.
     */
    public void release(Key key, String requestId) {
        update("DELETE FROM idempotency_record WHERE caller = ? AND idempotency_key = ? AND request_id = ?"
                + " AND status IS NULL AND record_id IS NULL", statement -> {
                    statement.setString(1, key.caller());
                    statement.setString(2, key.key());
                    statement.setString(3, requestId);
                });
    }

    public int forgetBefore(Instant cutoff) {
        return update("DELETE FROM idempotency_record WHERE created_at < ?",
                statement -> statement.setTimestamp(1, Timestamp.from(cutoff)));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("update", e);
        }
    }

    private static PersistenceException unavailable(String what, SQLException cause) {
        return new PersistenceException("Could not " + what + " idempotency keys", cause);
    }
}
