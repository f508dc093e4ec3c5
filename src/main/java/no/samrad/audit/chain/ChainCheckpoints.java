package no.samrad.audit.chain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.samrad.infrastructure.instance.WorkLeases;
import no.samrad.infrastructure.time.SamradClock;
import org.jboss.logging.Logger;

/**
 * Signs the chain's head every {@code samrad.audit.checkpoint-interval} when it has moved, on the
 * one instance that holds the work ({@link WorkLeases}); on demand, on any. Two instances that sign
 * the same head at once (one on demand) race for one row: the first stored wins.
 */
@ApplicationScoped
public class ChainCheckpoints {

    static final String WORK = "checkpoint-signer";
    private static final Logger LOG = Logger.getLogger(ChainCheckpoints.class);

    private final ChainStore chain;
    private final AuditKeys keys;
    private final AgroalDataSource dataSource;
    private final SamradClock clock;
    private final WorkLeases leases;

    ChainCheckpoints(ChainStore chain, AuditKeys keys, AgroalDataSource dataSource, SamradClock clock,
                     WorkLeases leases) {
        this.leases = leases;
        this.chain = chain;
        this.keys = keys;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Scheduled(every = "${samrad.audit.checkpoint-interval}", delayed = "${samrad.audit.checkpoint-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!leases.runsHere(WORK)) {
            return;
        }
        try {
            signHead();
        } catch (RuntimeException e) {
            LOG.warn("Could not sign a checkpoint of the event chain; the next run tries again", e);
        }
    }

    /** Signs the chain's head unless it is signed already; answers the checkpoint of the head. */
    public Optional<Checkpoint> signHead() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ChainLink> head = chain.head();
            if (head.isEmpty()) {
                return Optional.empty();
            }
            Optional<Checkpoint> latest = latest();
            if (latest.isPresent() && latest.get().position() == head.get().position()) {
                return latest;
            }
            Instant signedAt = clock.now().truncatedTo(ChronoUnit.MILLIS);
            AuditKeys.Signed signed = keys.sign(keyId ->
                    Checkpoint.statement(head.get().position(), head.get().hash(), signedAt, keyId));
            Checkpoint checkpoint = new Checkpoint(head.get().position(), head.get().hash(), signedAt, signed.keyId(),
                    signed.statement(), signed.signature());
            insert(checkpoint);
            return Optional.of(checkpoint);
        });
    }

    public Optional<Checkpoint> latest() {
        return read("SELECT position, hash, signed_at, key_id, statement, signature FROM chain_checkpoint"
                + " ORDER BY position DESC FETCH FIRST 1 ROWS ONLY", -1, -1).stream().findFirst();
    }

    /** The checkpoints of positions {@code from} to {@code to}, in position order. */
    public List<Checkpoint> between(long from, long to) {
        return read("SELECT position, hash, signed_at, key_id, statement, signature FROM chain_checkpoint"
                + " WHERE position BETWEEN ? AND ? ORDER BY position", from, to);
    }

    private void insert(Checkpoint checkpoint) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO chain_checkpoint"
                     + " (position, hash, signed_at, key_id, statement, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.position());
            insert.setString(2, checkpoint.hash());
            insert.setTimestamp(3, Timestamp.from(checkpoint.signedAt()));
            insert.setString(4, checkpoint.keyId());
            insert.setString(5, checkpoint.statement());
            insert.setString(6, checkpoint.signature());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not store a checkpoint", e);
        }
    }

    private List<Checkpoint> read(String sql, long from, long to) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            if (from >= 0) {
                query.setLong(1, from);
                query.setLong(2, to);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<Checkpoint> checkpoints = new ArrayList<>();
                while (rows.next()) {
                    checkpoints.add(new Checkpoint(rows.getLong(1), rows.getString(2),
                            rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getString(5),
                            rows.getString(6)));
                }
                return checkpoints;
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not read the checkpoints", e);
        }
    }
}
