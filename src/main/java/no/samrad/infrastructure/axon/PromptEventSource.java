package no.samrad.infrastructure.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event store as the source of the pooled streaming processors, with streams that tell a
 * processor when events are there to read.
 *
 * <p>A pooled processor asks its stream without waiting whether an event is available, and
 * otherwise sleeps until the stream calls back, or for five seconds. The embedded event store's
 * streams never call back, and they are fed by a producer thread that reads the database on its
 * own schedule; a prompt at commit time came before the producer had read the event, so every
 * processor, and every read-your-writes answer behind it, waited for the next timer (measured:
 * about 90 ms per command at concurrency 1, see docs/performance.md). These streams read the
 * storage engine themselves, in batches, and are prompted when a local unit of work has committed
 * events (which a read then sees) and every {@value #PROMPT_MILLIS} ms besides, for events that
 * other instances append.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    static final long PROMPT_MILLIS = 100;

    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final Set<StorageStream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService prompter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "samrad-event-prompter");
        thread.setDaemon(true);
        return thread;
    });

    public PromptEventSource(EventStore eventStore, EventStorageEngine storage) {
        this.eventStore = eventStore;
        this.storage = storage;
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> promptAll());
            }
        });
        prompter.scheduleWithFixedDelay(this::promptAll, PROMPT_MILLIS, PROMPT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void promptAll() {
        open.forEach(StorageStream::prompt);
    }

    public void shutdown() {
        prompter.shutdownNow();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        StorageStream stream = new StorageStream(trackingToken);
        open.add(stream);
        return stream;
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

    /**
     * One processor's stream: reads the storage engine from its last token on, a batch at a time,
     * and reads again only when its batch is used up. Used by one coordinator thread at a time;
     * prompts come from others.
     */
    private final class StorageStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Object available = new Object();
        private TrackingToken lastToken;
        private Stream<? extends TrackedEventMessage<?>> batch;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;
        private volatile Runnable callback;

        StorageStream(TrackingToken start) {
            this.lastToken = start;
        }

        void prompt() {
            synchronized (available) {
                available.notifyAll();
            }
            Runnable waiting = callback;
            if (waiting != null) {
                waiting.run();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (peeked == null && (peeked = read()) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (available) {
                    TimeUnit.NANOSECONDS.timedWait(available, Math.min(left,
                            TimeUnit.MILLISECONDS.toNanos(PROMPT_MILLIS)));
                }
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait();
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        private TrackedEventMessage<?> read() {
            if (events == null || !events.hasNext()) {
                closeBatch();
                batch = storage.readEvents(lastToken, false);
                events = batch.iterator();
                if (!events.hasNext()) {
                    return null;
                }
            }
            TrackedEventMessage<?> next = events.next();
            lastToken = next.trackingToken();
            return next;
        }

        private void closeBatch() {
            if (batch != null) {
                batch.close();
                batch = null;
                events = null;
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public void close() {
            open.remove(this);
            callback = null;
            closeBatch();
        }
    }
}
