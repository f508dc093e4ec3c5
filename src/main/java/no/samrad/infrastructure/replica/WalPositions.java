package no.samrad.infrastructure.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Positions in PostgreSQL's write-ahead log, by which a read goes to the streaming replica only
 * once the replica shows what its reader wrote: a command's answer names the primary's WAL position
 * after its commit, and the replica has replayed that commit once its replay position
 * ({@code pg_last_wal_replay_lsn()}) has reached it. Without a replica configured, or on the
 * embedded default, nothing is read from anywhere but the one database.
 */
@ApplicationScoped
public class WalPositions {

    /** A WAL position as PostgreSQL writes it: two hexadecimal numbers, such as {@code 0/16B3748}. */
    public static final Pattern POSITION = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");
    public static final String REPLICA = "replica";
    /** The header by which a command's answer names its WAL position, and a later read asks to see it. */
    public static final String READ_AFTER = "Samrad-Read-After";
    /** The header by which a read names the database it was answered from: primary or replica. */
    public static final String READ_FROM = "Samrad-Read-From";
    private static final Logger LOG = Logger.getLogger(WalPositions.class);

    private final AgroalDataSource primary;
    private final Instance<AgroalDataSource> replica;
    private final boolean onPostgres;
    private final boolean replicaConfigured;
    private final Duration replayCheckInterval;
    private volatile Replay lastReplay;

    /** The replica's replay position as last read, or none when it could not be read or is no replica. */
    private record Replay(OptionalLong position, long checkedAtNanos) {
    }

    WalPositions(AgroalDataSource primary, @DataSource(REPLICA) Instance<AgroalDataSource> replica,
                 @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                 @ConfigProperty(name = "samrad.replica.url") Optional<String> replicaUrl,
                 @ConfigProperty(name = "samrad.replica.replay-check-interval") Duration replayCheckInterval) {
        this.primary = primary;
        this.replica = replica;
        this.onPostgres = "postgresql".equals(dbKind);
        this.replicaConfigured = onPostgres && replicaUrl.filter(url -> !url.isBlank()).isPresent();
        this.replayCheckInterval = replayCheckInterval;
    }

    public boolean replicaConfigured() {
        return replicaConfigured;
    }

    /**
     * The primary's WAL position now, which covers every transaction committed before: what a
     * client that has just written sends back to read its write. Empty on the embedded default.
     */
    public Optional<String> committed() {
        if (!onPostgres) {
            return Optional.empty();
        }
        try (Connection connection = primary.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT pg_current_wal_lsn()::text");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            LOG.debugf("Could not read the WAL position: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Whether the replica has replayed the WAL up to {@code position} (or, with none, is serving at
     * all). The replica's replay position is read at most once per
     * {@code samrad.replica.replay-check-interval}: one read a little old only sends a reader to the
     * primary, never to a replica that lacks its write.
     */
    public boolean replicaHasReplayed(String position) {
        if (!replicaConfigured) {
            return false;
        }
        OptionalLong replayed = replayPosition();
        return replayed.isPresent() && (position == null || reaches(replayed.getAsLong(), parse(position)));
    }

    /** A WAL position as one number, to be compared unsigned: the high and low halves of {@code X/Y}. */
    public static long parse(String position) {
        int slash = position.indexOf('/');
        return (Long.parseLong(position.substring(0, slash), 16) << 32)
                | Long.parseLong(position.substring(slash + 1), 16);
    }

    /** Whether the WAL position {@code replayed} is at or past {@code position}: positions are unsigned. */
    public static boolean reaches(long replayed, long position) {
        return Long.compareUnsigned(replayed, position) >= 0;
    }

    /**
     * The replica's replay position, read again once the last reading is older than the interval;
     * a replica that could not be read is not asked again before then either, so that a replica
     * that is down costs a read at most once per interval, not one per request.
     */
    private OptionalLong replayPosition() {
        Replay last = lastReplay;
        long now = System.nanoTime();
        if (last != null && now - last.checkedAtNanos() < replayCheckInterval.toNanos()) {
            return last.position();
        }
        OptionalLong position = OptionalLong.empty();
        try (Connection connection = replica.get().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT pg_last_wal_replay_lsn()::text");
             ResultSet row = query.executeQuery()) {
            if (row.next() && row.getString(1) != null) {
                position = OptionalLong.of(parse(row.getString(1)));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("The replica cannot be read; reads go to the primary: %s", e.getMessage());
        }
        lastReplay = new Replay(position, now);
        return position;
    }
}
