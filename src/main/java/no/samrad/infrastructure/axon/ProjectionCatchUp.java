package no.samrad.infrastructure.axon;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Waits until a projection has processed everything the event store held when the wait began.
 *
 * <p>A token's position is the highest event index a segment has seen, but concurrent
 * transactions commit out of index order: the segment may have passed an index whose event was not
 * yet visible, and remembers it as a gap to come back to. A gap at or below the target that now
 * holds a committed event (the waiting request's own event, perhaps) means the segment has not
 * reached the target; a gap that holds nothing is a rolled-back transaction or one still running,
 * and is no event the waiter can have caused, so it does not hold the wait up.
 *
 * <p>Every segment is checked. A segment this instance has claimed counts by its in-memory
 * status, which Axon advances only after a batch has committed (and at once past events the
 * segment does not handle). When this instance holds every segment, as a single instance does,
 * the check reads nothing from the database. Otherwise every segment in {@code token_entry} is
 * read, and one claimed elsewhere counts by its stored token, which is committed with the
 * projection's writes, though an idle segment stores it only now and then. Axon's "replaying" and
 * "caught up" flags are not used: they say nothing about a particular event.
 *
 * <p>A waiting request sleeps until a processor commits a batch ({@link ProcessorProgress}), or
 * {@value #POLL_MILLIS} ms at most, for processors running on other instances.
 */
@ApplicationScoped
public class ProjectionCatchUp {

    private static final long POLL_MILLIS = 10;
    private static final String TOKENS =
            "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?";

    /** Segments split the hash space in fractions 1/(mask+1) that add up to one: this is one in 2^32ths. */
    private static final long WHOLE_HASH_SPACE = 1L << 32;

    private final AxonRuntime axon;
    private final EventStore eventStore;
    private final AgroalDataSource dataSource;
    private final ProcessorProgress progress;
    private final ReadModels readModels;

    ProjectionCatchUp(AxonRuntime axon, EventStore eventStore, AgroalDataSource dataSource,
                      ProcessorProgress progress, ReadModels readModels) {
        this.readModels = readModels;
        this.progress = progress;
        this.axon = axon;
        this.eventStore = eventStore;
        this.dataSource = dataSource;
    }

    /**
     * Blocks until the named processor has committed the event store's current head, or the timeout
     * passes.
     *
     * @return whether the processor caught up in time
     */
    public boolean await(String processingGroup, Duration timeout) {
        return await(processingGroup, headPosition(), timeout);
    }

    /**
     * Blocks until the named processor has committed every event up to {@code target}, or the
     * timeout passes; for a caller that waits for several processors and reads the head once.
     */
    public boolean await(String processingGroup, long target, Duration timeout) {
        if (readModels.isReadModel(processingGroup)) {
            // A read model kept inline holds every committed event at its commit.
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasReached(processingGroup, target)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                progress.awaitCommit(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The global position of the newest event, or -1 when the store is empty. */
    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Whether every segment of the processor has committed its work on every event stored up to
     * {@code position}.
     */
    public boolean hasReached(String processingGroup, long position) {
        List<TrackingToken> tokens = tokens(processingGroup);
        if (tokens.isEmpty()) {
            return false;
        }
        SortedSet<Long> gaps = new TreeSet<>();
        for (TrackingToken token : tokens) {
            TrackingToken progress = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if ((progress == null ? -1 : progress.position().orElse(-1)) < position) {
                return false;
            }
            if (progress instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps().headSet(position + 1));
            }
        }
        return gaps.isEmpty() || !anyStored(gaps);
    }

    /**
     * Whether every segment of the processor has passed the event index {@code index} for good: its
     * token is at or beyond it and does not hold it as a gap to come back to. An event stored at
     * such an index now is one the processor will never handle.
     */
    public boolean hasPassed(String processingGroup, long index) {
        List<TrackingToken> tokens = tokens(processingGroup);
        if (tokens.isEmpty()) {
            return false;
        }
        for (TrackingToken token : tokens) {
            TrackingToken progress = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if ((progress == null ? -1 : progress.position().orElse(-1)) < index
                    || progress instanceof GapAwareTrackingToken gapAware && gapAware.getGaps().contains(index)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The position up to which every segment of the processor has committed its work; -1 before the
     * first event, empty while the processor has no segments yet.
     */
    public OptionalLong position(String processingGroup) {
        List<TrackingToken> tokens = tokens(processingGroup);
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            lowest = Math.min(lowest, token == null ? -1 : token.position().orElse(-1));
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /**
     * The freshest token of each segment: its in-memory status where this instance has claimed it,
     * else the stored one; {@code null} for a segment that has seen nothing yet.
     */
    private List<TrackingToken> tokens(String processingGroup) {
        Map<Integer, EventTrackerStatus> claimedHere = processor(processingGroup).processingStatus();
        if (coverEverySegment(claimedHere.values())) {
            List<TrackingToken> tokens = new ArrayList<>();
            claimedHere.values().forEach(status -> tokens.add(status.getTrackingToken()));
            return tokens;
        }
        List<TrackingToken> tokens = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(TOKENS)) {
            statement.setString(1, processingGroup);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    EventTrackerStatus local = claimedHere.get(rows.getInt(1));
                    TrackingToken stored = tokenOf(rows.getBytes(2), rows.getString(3));
                    TrackingToken fresh = local == null ? null : local.getTrackingToken();
                    tokens.add(fresh != null && (stored == null || fresh.position().orElse(-1)
                            >= stored.position().orElse(-1)) ? fresh : stored);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tokens of " + processingGroup, e);
        }
        return tokens;
    }

    private static boolean coverEverySegment(java.util.Collection<EventTrackerStatus> claimed) {
        long covered = 0;
        for (EventTrackerStatus status : claimed) {
            covered += WHOLE_HASH_SPACE / (status.getSegment().getMask() + 1L);
        }
        return covered == WHOLE_HASH_SPACE;
    }

    /** Whether any of these event indexes holds a committed event. */
    private boolean anyStored(SortedSet<Long> indexes) {
        String marks = String.join(", ", java.util.Collections.nCopies(indexes.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM domain_event_entry WHERE global_index IN (" + marks + ")")) {
            int parameter = 1;
            for (long index : indexes) {
                statement.setLong(parameter++, index);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for the events in a processor's gaps", e);
        }
    }

    /**
     * When the first event after {@code position} was recorded: how long a processor at that
     * position has been behind. Empty when no event follows.
     */
    public Optional<java.time.Instant> recordedAfter(long position) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT time_stamp FROM domain_event_entry"
                     + " WHERE global_index > ? ORDER BY global_index FETCH FIRST 1 ROWS ONLY")) {
            statement.setLong(1, position);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(java.time.Instant.parse(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read when the next event was recorded", e);
        }
    }

    /** The streaming processors: those that follow the log after the commit (the read models are inline). */
    public Set<String> processorNames() {
        return axon.configuration().eventProcessingConfiguration().eventProcessors().entrySet().stream()
                .filter(processor -> processor.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The instance that holds each streaming processor's claim (Axon's token owner, which is the
     * instance's id): the one that runs it. A claim left by an instance that was killed stays until
     * {@code samrad.axon.claim-timeout} has passed and another takes it.
     */
    public Map<String, String> holders() {
        Map<String, String> holders = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT processor_name, owner FROM token_entry WHERE owner IS NOT NULL ORDER BY segment");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                holders.merge(rows.getString(1), rows.getString(2),
                        (first, next) -> first.equals(next) ? first : first + "," + next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read which instance holds each processor", e);
        }
        return holders;
    }

    public StreamingEventProcessor processor(String processingGroup) {
        return axon.configuration().eventProcessingConfiguration()
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor " + processingGroup));
    }

    private TrackingToken tokenOf(byte[] token, String tokenType) {
        if (token == null) {
            return null;
        }
        return axon.configuration().serializer()
                .deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
    }
}
