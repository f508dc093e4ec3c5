package no.samrad.infrastructure.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event store as the source of the pooled streaming processors, with streams that tell a
 * processor when events may be available. The embedded store's own streams cannot, and a pooled
 * processor then looks for new events only every 500 ms, which every read-your-writes answer would
 * wait for. This source wakes the processors when a local unit of work has committed events, and
 * every {@value #PROMPT_MILLIS} ms besides, for events that other instances append.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    static final long PROMPT_MILLIS = 100;

    private final EventStore eventStore;
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService prompter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "samrad-event-prompter");
        thread.setDaemon(true);
        return thread;
    });

    public PromptEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> promptAll());
            }
        });
        prompter.scheduleWithFixedDelay(this::promptAll, PROMPT_MILLIS, PROMPT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void promptAll() {
        waiting.forEach(Runnable::run);
    }

    public void shutdown() {
        prompter.shutdownNow();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                waiting.remove(this.callback);
            }
            this.callback = callback;
            waiting.add(callback);
            return true;
        }

        @Override
        public void close() {
            if (callback != null) {
                waiting.remove(callback);
            }
            delegate.close();
        }
    }
}
