package no.samrad.infrastructure.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import no.samrad.infrastructure.api.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * One collection of records at {@code /api/v1/<collection>/<id>}, as every record resource serves
 * it: the record read as it stands or as of an instant, and a command's answer with the record it
 * created (201, at its address) or changed (200). A resource names its collection and its two reads
 * once and answers through this.
 *
 * @param <D> the record's representation
 */
public final class RecordCollection<D extends RecordAnswers.Versioned> {

    private static final String PREFIX = "/api/v1/";

    private final RecordAnswers answers;
    private final CommandGateway commands;
    private final String collection;
    private final String recordName;
    private final Function<UUID, Optional<D>> current;
    private final BiFunction<UUID, Instant, Optional<D>> asOf;

    RecordCollection(RecordAnswers answers, CommandGateway commands, String collection, String recordName,
                     Function<UUID, Optional<D>> current, BiFunction<UUID, Instant, Optional<D>> asOf) {
        this.answers = answers;
        this.commands = commands;
        this.collection = collection;
        this.recordName = recordName;
        this.current = current;
        this.asOf = asOf;
    }

    /** The collection's path segment under {@code /api/v1}, such as {@code agreements}. */
    public String collection() {
        return collection;
    }

    /** The record id in a path, or 404 when it cannot be one. */
    public UUID idOf(String id) {
        return RecordAnswers.idOf(id, recordName);
    }

    public DomainException notFound(String id) {
        return RecordAnswers.notFound(id, recordName);
    }

    /** {@code GET <collection>/{id}?asOf=}: the record with its version as ETag, as it stands or stood. */
    public Response read(String id, String asOfParameter) {
        UUID recordId = idOf(id);
        Instant at = QueryParams.instant(asOfParameter, "asOf");
        return RecordAnswers.ok((at == null ? current.apply(recordId) : asOf.apply(recordId, at))
                .orElseThrow(() -> notFound(id)));
    }

    /** Sends a command that creates record {@code id} and answers 201 with the record at its address. */
    public Response create(UUID id, Object command, UriInfo uri) {
        commands.sendAndWait(command);
        return answers.created(() -> current.apply(id),
                uri.getBaseUriBuilder().path(PREFIX + collection).path(id.toString()).build());
    }

    /** Sends a command on record {@code id} and answers 200 with the record as the command left it. */
    public Response change(UUID id, Object command) {
        commands.sendAndWait(command);
        return answers.changed(() -> current.apply(id), URI.create(PREFIX + collection + "/" + id));
    }
}
