package no.samrad.infrastructure.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import no.samrad.support.Store;
import org.junit.jupiter.api.Test;

/** Instances are alive while their heartbeat is young, forgotten once gone, and register again if forgotten. */
@QuarkusTest
class ServiceInstancesTest {

    @Inject
    ServiceInstances instances;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Store store;

    @Test
    void anInstanceSilentForLongerThanTheTimeoutIsGoneAndForgotten() throws SQLException {
        String silent = UUID.randomUUID().toString();
        String beating = UUID.randomUUID().toString();
        insert(silent, Instant.now().minus(Duration.ofHours(1)));
        insert(beating, Instant.now());
        assertFalse(instances.isAlive(silent));
        assertTrue(instances.isAlive(beating));
        assertFalse(instances.isAlive(UUID.randomUUID().toString()), "an instance never registered is gone");

        instances.forgetGone();
        assertEquals(0, rows(silent));
        assertEquals(1, rows(beating));
        assertEquals(1, rows(instances.self()));
    }

    @Test
    void anInstanceForgottenWhileItsHeartbeatFailedRegistersAgain() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM service_instance WHERE instance_id = ?")) {
            delete.setString(1, instances.self());
            delete.executeUpdate();
        }
        instances.heartbeat();
        assertEquals(1, rows(instances.self()));
    }

    private void insert(String id, Instant heartbeat) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO service_instance (instance_id,"
                     + " started_at, heartbeat_at) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(heartbeat));
            insert.setTimestamp(3, Timestamp.from(heartbeat));
            insert.executeUpdate();
        }
    }

    private long rows(String id) {
        return store.count("SELECT COUNT(*) FROM service_instance WHERE instance_id = ?", id);
    }
}
