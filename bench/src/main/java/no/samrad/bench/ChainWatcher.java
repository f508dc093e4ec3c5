package no.samrad.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches the published log as a reader of it sees it: a thread of its own, on a connection of its
 * own, asks every {@code interval} for the links after the last one it saw, and notes for each the
 * moment it first saw it. A link is visible only once the chainer's transaction has committed, so
 * a sighting is at most one interval (plus the query and the thread's scheduling) after the link
 * became readable; the chainer's own stamp ({@code chained_at}) is taken before its batch is
 * written and committed, so it would report the lag as shorter than a reader finds it.
 */
final class ChainWatcher implements AutoCloseable {

    /** One link of the published log, and when it was seen there. */
    record Sighting(long position, Instant recorded, Instant chainedAt, Instant seen) {
        /** From the moment the event store recorded the event to the moment it was seen chained. */
        double lagMillis() {
            return Duration.between(recorded, seen).toNanos() / 1e6;
        }

        /** From the chainer's own stamp to the sighting: its commit and the watcher's resolution. */
        double sightingAfterStampMillis() {
            return Duration.between(chainedAt, seen).toNanos() / 1e6;
        }
    }

    private final Connection connection;
    private final Duration interval;
    private final List<Sighting> sightings = new ArrayList<>();
    private final Thread thread;
    private long polls;
    private long pollNanos;
    private volatile boolean stopped;
    private volatile Exception failure;

    private ChainWatcher(Connection connection, Duration interval, long after) {
        this.connection = connection;
        this.interval = interval;
        this.thread = new Thread(() -> watch(after), "chain-watcher");
        thread.setDaemon(true);
    }

    /**
     * Watches for the links after the newest one there is when it answers; it owns the connection
     * and closes it.
     */
    static ChainWatcher start(Connection connection, Duration interval) throws SQLException {
        long head;
        try (PreparedStatement newest = connection.prepareStatement(
                "SELECT COALESCE(MAX(position), 0) FROM event_chain"); ResultSet result = newest.executeQuery()) {
            result.next();
            head = result.getLong(1);
        }
        ChainWatcher watcher = new ChainWatcher(connection, interval, head);
        watcher.thread.start();
        return watcher;
    }

    private void watch(long after) {
        try (PreparedStatement next = connection.prepareStatement("SELECT c.position, e.time_stamp, c.chained_at"
                + " FROM event_chain c JOIN domain_event_entry e ON e.event_identifier = c.event_identifier"
                + " WHERE c.position > ? ORDER BY c.position")) {
            long position = after;
            long due = System.nanoTime();
            while (!stopped) {
                // Taken before the query: its snapshot holds every link committed by then.
                Instant seen = Instant.now();
                long began = System.nanoTime();
                next.setLong(1, position);
                List<Sighting> found = new ArrayList<>();
                try (ResultSet result = next.executeQuery()) {
                    while (result.next()) {
                        position = result.getLong(1);
                        found.add(new Sighting(position, Instant.parse(result.getString(2)),
                                result.getTimestamp(3).toInstant(), seen));
                    }
                }
                synchronized (this) {
                    sightings.addAll(found);
                    polls++;
                    pollNanos += System.nanoTime() - began;
                    notifyAll();
                }
                due += interval.toNanos();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else {
                    due = System.nanoTime();
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            failure = e;
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Waits until it has seen {@code links} links, and answers them in the order of the log. */
    synchronized List<Sighting> awaitSeen(long links, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sightings.size() < links) {
            if (failure != null) {
                throw failure;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the published log held " + sightings.size() + " of " + links
                        + " events after " + timeout.toSeconds() + " s");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(sightings);
    }

    /** How long a poll took on average, in milliseconds: what the watcher itself asks of the database. */
    synchronized double averagePollMillis() {
        return polls == 0 ? 0 : pollNanos / 1e6 / polls;
    }

    @Override
    public void close() throws Exception {
        stopped = true;
        thread.interrupt();
        thread.join();
        connection.close();
    }
}
