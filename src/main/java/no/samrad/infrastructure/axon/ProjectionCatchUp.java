package no.samrad.infrastructure.axon;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Waits until a projection has processed everything the event store held when the wait began.
 *
 * <p>Every segment in {@code token_entry} is checked. A segment this instance has claimed counts by
 * its in-memory status, which Axon advances only after a batch has committed (and at once past
 * events the segment does not handle). A segment claimed elsewhere counts by its stored token,
 * which is committed with the projection's writes, though an idle segment stores it only now and
 * then. Axon's "replaying" and "caught up" flags are not used: they say nothing about a particular
 * event.
 */
@ApplicationScoped
public class ProjectionCatchUp {

    private static final long POLL_MILLIS = 10;
    private static final String TOKENS =
            "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?";

    private final AxonRuntime axon;
    private final EventStore eventStore;
    private final AgroalDataSource dataSource;

    ProjectionCatchUp(AxonRuntime axon, EventStore eventStore, AgroalDataSource dataSource) {
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
        long target = headPosition();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasReached(processingGroup, target)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
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

    /** Whether every segment of the processor has committed its work up to {@code position}. */
    public boolean hasReached(String processingGroup, long position) {
        OptionalLong reached = position(processingGroup);
        return reached.isPresent() && reached.getAsLong() >= position;
    }

    /**
     * The position up to which every segment of the processor has committed its work; -1 before the
     * first event, empty while the processor has no segments yet.
     */
    public OptionalLong position(String processingGroup) {
        Map<Integer, EventTrackerStatus> claimedHere = processor(processingGroup).processingStatus();
        long lowest = Long.MAX_VALUE;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(TOKENS)) {
            statement.setString(1, processingGroup);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    EventTrackerStatus local = claimedHere.get(rows.getInt(1));
                    long reached = Math.max(positionOf(rows.getBytes(2), rows.getString(3)),
                            local == null ? -1 : local.getCurrentPosition().orElse(-1));
                    lowest = Math.min(lowest, reached);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tokens of " + processingGroup, e);
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    public Set<String> processorNames() {
        return axon.configuration().eventProcessingConfiguration().eventProcessors().keySet();
    }

    public StreamingEventProcessor processor(String processingGroup) {
        return axon.configuration().eventProcessingConfiguration()
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor " + processingGroup));
    }

    private long positionOf(byte[] token, String tokenType) {
        if (token == null) {
            return -1;
        }
        TrackingToken tracking = axon.configuration().serializer()
                .deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return tracking.position().orElse(-1);
    }
}
