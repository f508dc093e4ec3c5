package no.samrad.infrastructure.axon;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Waits until a projection has processed everything the event store held when the wait began.
 *
 * <p>Positions are compared, not Axon's "replaying" or "caught up" flags: those say nothing about
 * a particular event, and the replay flag can stay set until new events arrive.
 */
@ApplicationScoped
public class ProjectionCatchUp {

    private static final long POLL_MILLIS = 10;

    private final AxonRuntime axon;
    private final EventStore eventStore;

    ProjectionCatchUp(AxonRuntime axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    /**
     * Blocks until the named processor has reached the event store's current head, or the
     * timeout passes.
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

    /** Whether every segment of the processor has handled the event at {@code position}. */
    public boolean hasReached(String processingGroup, long position) {
        StreamingEventProcessor processor = processor(processingGroup);
        if (!processor.isRunning()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        if (position < 0) {
            return true;
        }
        return status.values().stream().allMatch(segment -> {
            OptionalLong current = segment.getCurrentPosition();
            return current.isPresent() && current.getAsLong() >= position;
        });
    }

    public StreamingEventProcessor processor(String processingGroup) {
        return axon.configuration().eventProcessingConfiguration()
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor " + processingGroup));
    }
}
