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
import org.junit.jupiter.api.Test;

/**
 * Work that runs once among the instances of one database: the holder keeps it while it is alive,
 * the others skip it, and the first to ask after the holder is gone takes it over.
 */
@QuarkusTest
class WorkLeasesTest {

    @Inject
    WorkLeases leases;

    @Inject
    ServiceInstances instances;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theFirstRegisteredInstanceToAskHoldsTheWorkAndKeepsIt() {
        String work = "test-work-" + UUID.randomUUID();
        assertTrue(leases.runsHere(work));
        assertTrue(leases.runsHere(work), "held, not taken again");
        assertEquals(instances.self(), leases.holders().get(work));
    }

    @Test
    void aLiveHolderKeepsTheWorkAndAGoneOneLosesItToTheNextThatAsks() throws SQLException {
        String work = "test-work-" + UUID.randomUUID();
        String other = UUID.randomUUID().toString();
        register(other, Instant.now());
        execute("INSERT INTO work_lease (work, holder, taken_at) VALUES (?, ?, CURRENT_TIMESTAMP)", work, other);
        try {
            assertFalse(leases.runsHere(work), "another live instance holds it");
            assertEquals(other, leases.holders().get(work));

            execute("UPDATE service_instance SET heartbeat_at = ? WHERE instance_id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofHours(1))), other);
            assertTrue(leases.runsHere(work), "its holder is gone: this instance takes it over");
            assertEquals(instances.self(), leases.holders().get(work));

            execute("UPDATE service_instance SET heartbeat_at = CURRENT_TIMESTAMP WHERE instance_id = ?", other);
            assertTrue(leases.runsHere(work), "a holder that comes back does not take it back from a live one");
        } finally {
            execute("DELETE FROM service_instance WHERE instance_id = ?", other);
        }
    }

    @Test
    void anInstanceTheOthersCannotSeeTakesNothing() throws SQLException {
        String work = "test-work-" + UUID.randomUUID();
        execute("DELETE FROM service_instance WHERE instance_id = ?", instances.self());
        try {
            assertFalse(leases.runsHere(work), "unregistered, it would be taken for gone at once");
            assertFalse(leases.holders().containsKey(work));
        } finally {
            instances.heartbeat();
        }
        assertTrue(leases.runsHere(work), "registered again, it takes the work");
    }

    private void register(String id, Instant heartbeat) throws SQLException {
        execute("INSERT INTO service_instance (instance_id, started_at, heartbeat_at) VALUES (?, ?, ?)", id,
                Timestamp.from(heartbeat), Timestamp.from(heartbeat));
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
