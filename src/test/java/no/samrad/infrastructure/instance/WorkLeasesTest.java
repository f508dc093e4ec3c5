package no.samrad.infrastructure.instance;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import no.samrad.support.Store;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    Store store;

    @Test
    void theFirstRegisteredInstanceToAskHoldsTheWorkAndKeepsIt() {
        String work = "test-work-" + UUID.randomUUID();
        assertTrue(leases.runsHere(work));
        assertTrue(leases.runsHere(work), "held, not taken again");
        assertEquals(instances.self(), leases.holders().get(work));
    }

    @Test
    void aLiveHolderKeepsTheWorkAndAGoneOneLosesItToTheNextThatAsks() {
        String work = "test-work-" + UUID.randomUUID();
        String other = UUID.randomUUID().toString();
        register(other, Instant.now());
        store.execute("INSERT INTO work_lease (work, holder, taken_at) VALUES (?, ?, CURRENT_TIMESTAMP)", work, other);
        try {
            assertFalse(leases.runsHere(work), "another live instance holds it");
            assertEquals(other, leases.holders().get(work));

            store.execute("UPDATE service_instance SET heartbeat_at = ? WHERE instance_id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofHours(1))), other);
            assertTrue(leases.runsHere(work), "its holder is gone: this instance takes it over");
            assertEquals(instances.self(), leases.holders().get(work));

            store.execute("UPDATE service_instance SET heartbeat_at = CURRENT_TIMESTAMP WHERE instance_id = ?", other);
            assertTrue(leases.runsHere(work), "a holder that comes back does not take it back from a live one");
        } finally {
            store.execute("DELETE FROM service_instance WHERE instance_id = ?", other);
        }
    }

    @Test
    void anInstanceTheOthersCannotSeeTakesNothing() {
        String work = "test-work-" + UUID.randomUUID();
        store.execute("DELETE FROM service_instance WHERE instance_id = ?", instances.self());
        try {
            assertFalse(leases.runsHere(work), "unregistered, it would be taken for gone at once");
            assertFalse(leases.holders().containsKey(work));
        } finally {
            instances.heartbeat();
        }
        assertTrue(leases.runsHere(work), "registered again, it takes the work");
    }

    private void register(String id, Instant heartbeat) {
        store.execute("INSERT INTO service_instance (instance_id, started_at, heartbeat_at) VALUES (?, ?, ?)", id,
                Timestamp.from(heartbeat), Timestamp.from(heartbeat));
    }

}
