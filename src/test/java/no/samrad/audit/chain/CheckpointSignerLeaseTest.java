package no.samrad.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.instance.ServiceInstances;
import no.samrad.support.Agreements;
import org.junit.jupiter.api.Test;

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
    AgroalDataSource dataSource;

    @Test
    void onlyTheHolderSignsOnScheduleAndAnotherTakesOverWhenItIsGone() throws SQLException {
        String other = UUID.randomUUID().toString();
        execute("INSERT INTO service_instance (instance_id, started_at, heartbeat_at)"
                + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", other);
        execute("DELETE FROM work_lease WHERE work = ?", ChainCheckpoints.WORK);
        execute("INSERT INTO work_lease (work, holder, taken_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                ChainCheckpoints.WORK, other);
        try {
            Agreements.enter("Avtale under en annen instans' signering", List.of("HOD", "KS"), LocalDate.of(2088, 1, 1),
                    LocalDate.of(2090, 12, 31));
            assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
            long head = chain.head().orElseThrow().position();

            checkpoints.onSchedule();
            assertTrue(checkpoints.latest().map(Checkpoint::position).orElse(0L) < head,
                    "the holder is another live instance: this one signs nothing on schedule");

            execute("UPDATE service_instance SET heartbeat_at = ? WHERE instance_id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofHours(1))), other);
            checkpoints.onSchedule();
            assertEquals(Optional.of(head), checkpoints.latest().map(Checkpoint::position),
                    "its holder gone, this instance takes the signer over and signs the head");
        } finally {
            execute("DELETE FROM service_instance WHERE instance_id = ?", other);
        }
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
