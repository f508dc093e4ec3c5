package no.samrad.infrastructure.axon;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * Wakes the requests that wait for a read model as soon as any processor has committed a batch,
 * instead of letting each of them poll on a timer: with many concurrent writers, polling threads
 * took the processors' CPU and made the wait they were polling for longer.
 */
@ApplicationScoped
class ProcessorProgress {

    private static final String SIGNAL_REGISTERED = ProcessorProgress.class.getName();

    private final Object monitor = new Object();

    /** Registered on every processor: signals once its unit of work (a whole batch) has committed. */
    MessageHandlerInterceptor<EventMessage<?>> signalOnCommit() {
        return (unitOfWork, chain) -> {
            unitOfWork.root().getOrComputeResource(SIGNAL_REGISTERED, key -> {
                unitOfWork.root().afterCommit(committed -> signal());
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }

    /** Waits until a processor commits, or at most {@code millis}. */
    void awaitCommit(long millis) throws InterruptedException {
        synchronized (monitor) {
            monitor.wait(millis);
        }
    }

    private void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
