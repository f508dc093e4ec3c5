package no.samrad.infrastructure.web;

import java.time.Duration;
import java.util.Optional;

/**
 * The receipt a command's answer carries in the {@value #HEADER} header: for each event the
 * request's commands caused, its position in the published log, its id and its chain hash,
 * comma separated ({@code "41 <event id> <hash>, 42 <event id> <hash>"}).
 */
public interface CommandReceipts {

    String HEADER = "Samrad-Receipt";

    /** Where a request's receipt is served, followed by the request's id. */
    String PATH = "/api/v1/audit/receipts/";

    /**
     * The receipt, or empty if the log has not reached the request's events within {@code timeout}.
     *
     * @param head the event store's newest position, read after the request's commands: the log
     *             holds every event they caused once it has reached it
     */
    Optional<String> forThisRequest(long head, Duration timeout);

    /** The header carrying a command's signed promise that the log will hold its events by a deadline. */
    String PROMISE_HEADER = "Samrad-Promise";

    /** The signed promise of inclusion for the events the current request caused; empty when it caused none. */
    Optional<String> promiseForThisRequest();
}
