package no.samrad.audit.chain;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.instance.ServiceInstances;
import no.samrad.support.Agreements;
import no.samrad.support.Store;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduled checkpoint signer runs on the instance that holds it, and moves when that one is gone. */
@QuarkusTest
class CheckpointSignerLeaseTest {

    @Inject
    ChainCheckpoints checkpoints;

    @Inject
    ChainStore chain;

    @Inject
    ProjectionCatchUp catchUp;

    @Inject
    ServiceInstances instances;

    @Inject
    Store store;

    @Test
    void onlyTheHolderSignsOnScheduleAndAnotherTakesOverWhenItIsGone() {
        String other = UUID.randomUUID().toString();
        store.execute("INSERT INTO service_instance (instance_id, started_at, heartbeat_at)"
                + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", other);
        store.execute("DELETE FROM work_lease WHERE work = ?", ChainCheckpoints.WORK);
        store.execute("INSERT INTO work_lease (work, holder, taken_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                ChainCheckpoints.WORK, other);
        try {
            Agreements.enter("Avtale under en annen instans' signering", List.of("HOD", "KS"), LocalDate.of(2088, 1, 1),
                    LocalDate.of(2090, 12, 31));
            assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
            long head = chain.head().orElseThrow().position();

            checkpoints.onSchedule();
            assertTrue(checkpoints.latest().map(Checkpoint::position).orElse(0L) < head,
                    "the holder is another live instance: this one signs nothing on schedule");

            store.execute("UPDATE service_instance SET heartbeat_at = ? WHERE instance_id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofHours(1))), other);
            checkpoints.onSchedule();
            assertEquals(Optional.of(head), checkpoints.latest().map(Checkpoint::position),
                    "its holder gone, this instance takes the signer over and signs the head");
        } finally {
            store.execute("DELETE FROM service_instance WHERE instance_id = ?", other);
        }
    }

}
