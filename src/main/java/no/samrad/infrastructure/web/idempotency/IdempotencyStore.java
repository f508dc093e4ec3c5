package no.samrad.infrastructure.web.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The stored answers to idempotent requests. Each call is its own committed statement. */
@ApplicationScoped
public class IdempotencyStore {

    /** What was stored for a key: {@code status} is {@code null} while the first request runs. */
    public record Entry(String requestHash, Integer status, String location, String etag, String body) {
    }

    private final AgroalDataSource dataSource;

    IdempotencyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Entry> find(String caller, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT request_hash, status, location, etag,"
                     + " body FROM idempotency_record WHERE caller = ? AND idempotency_key = ?")) {
            statement.setString(1, caller);
            statement.setString(2, key);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int status = row.getInt(2);
                return Optional.of(new Entry(row.getString(1), row.wasNull() ? null : status, row.getString(3),
                        row.getString(4), row.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read idempotency keys", e);
        }
    }

    /** Reserves the key for a request now starting; {@code false} if another request holds it. */
    public boolean reserve(String caller, String key, String requestHash, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO idempotency_record"
                     + " (caller, idempotency_key, request_hash, created_at) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, caller);
            statement.setString(2, key);
            statement.setString(3, requestHash);
            statement.setTimestamp(4, Timestamp.from(now));
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("Could not reserve an idempotency key", e);
        }
    }

    public void complete(String caller, String key, int status, String location, String etag, String body) {
        update("UPDATE idempotency_record SET status = ?, location = ?, etag = ?, body = ?"
                + " WHERE caller = ? AND idempotency_key = ?", statement -> {
                    statement.setInt(1, status);
                    statement.setString(2, location);
                    statement.setString(3, etag);
                    statement.setString(4, body);
                    statement.setString(5, caller);
                    statement.setString(6, key);
                });
    }

    /** Frees a key whose request was refused or failed, so that a retry can run. */
    public void release(String caller, String key) {
        update("DELETE FROM idempotency_record WHERE caller = ? AND idempotency_key = ? AND status IS NULL",
                statement -> {
                    statement.setString(1, caller);
                    statement.setString(2, key);
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
            throw new IllegalStateException("Could not update idempotency keys", e);
        }
    }
}
