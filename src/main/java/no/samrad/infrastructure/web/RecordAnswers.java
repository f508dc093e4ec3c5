package no.samrad.infrastructure.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.error.CommonErrors;
import no.samrad.infrastructure.error.DomainException;

/** How resources answer with a record: with its version as ETag, and after a command, once it shows. */
@ApplicationScoped
public class RecordAnswers {

    /** A record representation that carries its version. */
    public interface Versioned {
        long version();
    }

    private static final Duration READ_YOUR_WRITES_TIMEOUT = Duration.ofSeconds(5);

    private final ProjectionCatchUp catchUp;
    private final CommandReceipts receipts;

    RecordAnswers(ProjectionCatchUp catchUp, CommandReceipts receipts) {
        this.catchUp = catchUp;
        this.receipts = receipts;
    }

    public static Response ok(Versioned record) {
        return Response.ok(record).tag(etag(record)).build();
    }

    public Response created(String processingGroup, Supplier<Optional<? extends Versioned>> read, URI location) {
        return created(List.of(processingGroup), read, location);
    }

    /** As {@link #created(String, Supplier, URI)}, once every one of these read models holds the command's events. */
    public Response created(List<String> processingGroups, Supplier<Optional<? extends Versioned>> read,
                            URI location) {
        return afterCommand(processingGroups, read, Response.created(location), location);
    }

    public Response changed(String processingGroup, Supplier<Optional<? extends Versioned>> read, URI location) {
        return changed(List.of(processingGroup), read, location);
    }

    /** As {@link #changed(String, Supplier, URI)}, once every one of these read models holds the command's events. */
    public Response changed(List<String> processingGroups, Supplier<Optional<? extends Versioned>> read,
                            URI location) {
        return afterCommand(processingGroups, read, Response.ok(), location);
    }

    /**
     * Answers with the record once the read model holds the command's events, and with the
     * command's receipt once the published log holds them. Should the projection fall behind for
     * longer than the timeout, the command still stands: the answer is then 202 with the record's
     * address, to be read again shortly.
     */
    private Response afterCommand(List<String> processingGroups, Supplier<Optional<? extends Versioned>> read,
                                  Response.ResponseBuilder answer, URI location) {
        long deadline = System.nanoTime() + READ_YOUR_WRITES_TIMEOUT.toNanos();
        long head = catchUp.headPosition();
        boolean caughtUp = processingGroups.stream().allMatch(group ->
                catchUp.await(group, head, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        if (caughtUp) {
            Optional<? extends Versioned> record = read.get();
            if (record.isPresent()) {
                receipts.forThisRequest(head, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))
                        .ifPresent(receipt -> answer.header(CommandReceipts.HEADER, receipt));
                return answer.entity(record.get()).tag(etag(record.get())).build();
            }
        }
        return Response.accepted().location(location).build();
    }

    /** The record id in a path, or 404 when it cannot be one. */
    public static UUID idOf(String id, String recordName) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id, recordName);
        }
    }

    public static DomainException notFound(String id, String recordName) {
        return new DomainException(CommonErrors.NOT_FOUND, "There is no " + recordName + " with id " + id + ".");
    }

    private static EntityTag etag(Versioned record) {
        return new EntityTag(String.valueOf(record.version()));
    }
}
