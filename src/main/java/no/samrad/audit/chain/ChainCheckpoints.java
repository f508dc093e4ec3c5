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
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.samrad.audit.merkle.MerkleLog;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeHead;
import no.samrad.infrastructure.instance.WorkLeases;
import no.samrad.infrastructure.time.SamradClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs the log's head every {@code samrad.audit.checkpoint-interval} when it has moved, on the
 * one instance that holds the work ({@link WorkLeases}); on demand, on any. Two instances that sign
 * the same head at once (one on demand) race for one row: the first stored wins.
 */
@ApplicationScoped
public class ChainCheckpoints {

    static final String WORK = "checkpoint-signer";
    private static final Logger LOG = Logger.getLogger(ChainCheckpoints.class);

    /** SQLSTATE of a unique key's violation, on both databases: a cosignature that came twice at once. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "position, hash, signed_at, key_id, statement, signature, tree_root, note";

    private final ChainStore chain;
    private final PublishedTree publishedTree;
    private final MerkleLog tree;
    private final AuditKeys keys;
    private final AgroalDataSource dataSource;
    private final SamradClock clock;
    private final WorkLeases leases;
    private final String origin;

    ChainCheckpoints(ChainStore chain, PublishedTree publishedTree, MerkleLog tree, AuditKeys keys,
                     AgroalDataSource dataSource, SamradClock clock, WorkLeases leases,
                     @ConfigProperty(name = "samrad.audit.origin") String origin) {
        this.chain = chain;
        this.publishedTree = publishedTree;
        this.tree = tree;
        this.keys = keys;
        this.dataSource = dataSource;
        this.clock = clock;
        this.leases = leases;
        if (!SignedNote.validKeyName(origin)) {
            throw new IllegalArgumentException("samrad.audit.origin must be a name without spaces or '+': " + origin);
        }
        this.origin = origin;
    }

    /** The log's name in its checkpoints (C2SP origin), and the name of its key in their signature lines. */
    public String origin() {
        return origin;
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

    /**
     * Signs the log's head unless it is signed already, after bringing the Merkle tree up to the
     * chain; answers the checkpoint of the head. The head is the tree's size: both statements, the
     * chain's and the tree's note, are of that position.
     */
    public Optional<Checkpoint> signHead() {
        return QuarkusTransaction.requiringNew().call(() -> {
            long size = publishedTree.catchUp();
            if (size == 0) {
                return Optional.empty();
            }
            Optional<Checkpoint> latest = latest();
            if (latest.isPresent() && latest.get().position() >= size) {
                return latest;
            }
            ChainLink head = chain.at(size).orElseThrow();
            Instant signedAt = clock.now().truncatedTo(ChronoUnit.MILLIS);
            AuditKeys.Signed signed = keys.sign(keyId ->
                    Checkpoint.statement(size, head.hash(), signedAt, keyId));
            TreeHead treeHead = new TreeHead(origin, size, tree.root(size));
            SignedNote note = new SignedNote(treeHead.text(), List.of(keys.signNote(origin, treeHead.text())));
            Checkpoint checkpoint = new Checkpoint(size, head.hash(), signedAt, signed.keyId(), signed.statement(),
                    signed.signature(), treeHead.rootBase64(), note.format());
            insert(checkpoint);
            return Optional.of(checkpoint);
        });
    }

    public Optional<Checkpoint> latest() {
        return read("SELECT " + COLUMNS + " FROM chain_checkpoint ORDER BY position DESC FETCH FIRST 1 ROWS ONLY",
                -1, -1).stream().findFirst();
    }

    /** The checkpoints of positions {@code from} to {@code to}, in position order. */
    public List<Checkpoint> between(long from, long to) {
        return read("SELECT " + COLUMNS + " FROM chain_checkpoint WHERE position BETWEEN ? AND ? ORDER BY position",
                from, to);
    }

    /** The checkpoint of the tree of exactly {@code size} leaves, if one was signed. */
    public Optional<Checkpoint> ofSize(long size) {
        return between(size, size).stream().findFirst();
    }

    private void insert(Checkpoint checkpoint) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO chain_checkpoint (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.position());
            insert.setString(2, checkpoint.hash());
            insert.setTimestamp(3, Timestamp.from(checkpoint.signedAt()));
            insert.setString(4, checkpoint.keyId());
            insert.setString(5, checkpoint.statement());
            insert.setString(6, checkpoint.signature());
            insert.setString(7, checkpoint.treeRoot() == null ? null
                    : HexFormat.of().formatHex(Base64.getDecoder().decode(checkpoint.treeRoot())));
            insert.setString(8, checkpoint.note());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not store a checkpoint", e);
        }
    }

    /**
     * Keeps a witness's cosignature line of the checkpoint at {@code position}; answers false when
     * that witness's key has one there already.
     */
    boolean addCosignature(long position, SignedNote.Line line, Instant cosignedAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement held = connection.prepareStatement("SELECT 1 FROM checkpoint_cosignature"
                     + " WHERE position = ? AND witness = ? AND key_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO checkpoint_cosignature"
                     + " (position, witness, key_id, line, cosigned_at, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            held.setLong(1, position);
            held.setString(2, line.keyName());
            held.setInt(3, line.keyId());
            try (ResultSet rows = held.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
            insert.setLong(1, position);
            insert.setString(2, line.keyName());
            insert.setInt(3, line.keyId());
            insert.setString(4, line.format().strip());
            insert.setTimestamp(5, Timestamp.from(cosignedAt));
            insert.setTimestamp(6, Timestamp.from(clock.now()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new jakarta.persistence.PersistenceException("Could not store a cosignature", e);
        }
    }

    /** The checkpoints with their notes' cosignature lines, in the order they were received. */
    private static List<Checkpoint> withCosignatures(Connection connection, List<Checkpoint> checkpoints)
            throws SQLException {
        if (checkpoints.stream().noneMatch(checkpoint -> checkpoint.note() != null)) {
            return checkpoints;
        }
        Map<Long, StringBuilder> lines = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT position, line FROM checkpoint_cosignature"
                + " WHERE position BETWEEN ? AND ? ORDER BY position, received_at, witness")) {
            query.setLong(1, checkpoints.stream().mapToLong(Checkpoint::position).min().orElseThrow());
            query.setLong(2, checkpoints.stream().mapToLong(Checkpoint::position).max().orElseThrow());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.computeIfAbsent(rows.getLong(1), position -> new StringBuilder())
                            .append(rows.getString(2)).append('\n');
                }
            }
        }
        if (lines.isEmpty()) {
            return checkpoints;
        }
        return checkpoints.stream().map(checkpoint -> checkpoint.note() == null || !lines.containsKey(checkpoint.position())
                ? checkpoint : new Checkpoint(checkpoint.position(), checkpoint.hash(), checkpoint.signedAt(),
                checkpoint.keyId(), checkpoint.statement(), checkpoint.signature(), checkpoint.treeRoot(),
                checkpoint.note() + lines.get(checkpoint.position()))).toList();
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
                    String root = rows.getString(7);
                    checkpoints.add(new Checkpoint(rows.getLong(1), rows.getString(2),
                            rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getString(5),
                            rows.getString(6), root == null ? null
                            : Base64.getEncoder().encodeToString(HexFormat.of().parseHex(root.trim())),
                            rows.getString(8)));
                }
                return withCosignatures(connection, checkpoints);
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not read the checkpoints", e);
        }
    }
}
