package no.samrad.infrastructure.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.replica.WalPositions;
import no.samrad.infrastructure.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** How resources answer with a record: with its version as ETag, and after a command, with its receipt linked. */
@ApplicationScoped
public class RecordAnswers {

    /** A record representation that carries its version. */
    public interface Versioned {
        long version();
    }

    /** The longest a command's answer waits for its receipt when asked to. */
    static final int LONGEST_WAIT_SECONDS = 10;

    private final ProjectionCatchUp catchUp;
    private final CommandReceipts receipts;
    private final Caller caller;
    private final HttpServerRequest request;
    private final CommandGateway commands;
    private final WalPositions positions;

    RecordAnswers(ProjectionCatchUp catchUp, CommandReceipts receipts, Caller caller, HttpServerRequest request,
                  CommandGateway commands, WalPositions positions) {
        this.positions = positions;
        this.catchUp = catchUp;
        this.receipts = receipts;
        this.caller = caller;
        this.request = request;
        this.commands = commands;
    }

    /**
     * The collection at {@code /api/v1/<collection>} of records named {@code recordName} in answers
     * such as 404, read as they stand by {@code current} and as they stood by {@code asOf}.
     */
    public <D extends Versioned> RecordCollection<D> collection(String collection, String recordName,
                                                                Function<UUID, Optional<D>> current,
                                                                BiFunction<UUID, Instant, Optional<D>> asOf) {
        return new RecordCollection<>(this, commands, collection, recordName, current, asOf);
    }

    public static Response ok(Versioned record) {
        return Response.ok(record).tag(etag(record)).build();
    }

    public Response created(Supplier<Optional<? extends Versioned>> read, URI location) {
        return afterCommand(read, Response.created(location), location);
    }

    public Response changed(Supplier<Optional<? extends Versioned>> read, URI location) {
        return afterCommand(read, Response.ok(), location);
    }

    /**
     * Answers with the record as its read model holds it: the models are kept in the command's own
     * transaction, so it holds the command's events from the moment the command committed. The
     * command's receipt from the published log, which follows the commit, is linked; a client that
     * asks to wait for it ({@code Prefer: wait=N}, RFC 7240) gets it in the answer once the log holds
     * the command's events, for at most N seconds ({@value #LONGEST_WAIT_SECONDS} at most). On
     * PostgreSQL the answer names the WAL position after the commit, for a later read to ask a
     * replica for at least that state ({@link WalPositions}).
     */
    private Response afterCommand(Supplier<Optional<? extends Versioned>> read, Response.ResponseBuilder answer,
                                  URI location) {
        Versioned record = read.get().orElseThrow(() -> new IllegalStateException(
                "The record at " + location + " is not in its read model after its command committed"));
        answer.link(URI.create(CommandReceipts.PATH + caller.requestId()), "receipt");
        positions.committed().ifPresent(position -> answer.header(WalPositions.READ_AFTER, position));
        receipts.promiseForThisRequest().ifPresent(promise -> answer.header(CommandReceipts.PROMISE_HEADER, promise));
        Preferences.waitSeconds(request.getHeader("Prefer"), LONGEST_WAIT_SECONDS).ifPresent(seconds ->
                receipts.forThisRequest(catchUp.headPosition(), Duration.ofSeconds(seconds)).ifPresent(receipt ->
                        answer.header(CommandReceipts.HEADER, receipt).header("Preference-Applied", "wait=" + seconds)));
        return answer.entity(record).tag(etag(record)).build();
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
