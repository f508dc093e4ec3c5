package no.samrad.audit.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.samrad.audit.chain.LogProofs;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Merkle proofs of the published log (RFC 9162), read from the stored tree. */
@Tag(name = "Audit")
@Path("/api/v1/audit/proofs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Scopes.READ, Scopes.AUDIT})
public class LogProofResource {

    private final LogProofs proofs;

    LogProofResource(LogProofs proofs) {
        this.proofs = proofs;
    }

    /**
     * The inclusion proof of one event, named by its position or its id, in the tree of
     * {@code size} leaves: by default the newest checkpoint's, whose signed note comes with it.
     */
    @GET
    @Path("inclusion")
    @APIResponse(responseCode = "200", description = "The event's leaf hash and audit path")
    @APIResponse(responseCode = "400", description = "Neither or both of position and eventId, or a size the"
            + " tree cannot answer (INVALID_REQUEST)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such event in the log, or no checkpoint holds it yet"
            + " (NOT_FOUND)", content = @Content(mediaType = "application/problem+json"))
    public LogProofs.Inclusion inclusion(
            @QueryParam("position") @Parameter(description = "The event's position in the log") String position,
            @QueryParam("eventId") @Parameter(description = "The event's id") String eventId,
            @QueryParam("size") @Parameter(description = "The tree size; the newest checkpoint's by default")
            String size) {
        return proofs.inclusion(QueryParams.optionalPosition(position, "position"),
                eventId == null || eventId.isBlank() ? null : eventId.trim(),
                QueryParams.optionalPosition(size, "size"));
    }

    /** The proof that the tree of {@code to} leaves extends the tree of {@code from} leaves. */
    @GET
    @Path("consistency")
    @APIResponse(responseCode = "200", description = "The consistency proof, with the signed notes of both sizes"
            + " where they were signed")
    @APIResponse(responseCode = "400", description = "A size the tree cannot answer (INVALID_REQUEST)",
            content = @Content(mediaType = "application/problem+json"))
    public LogProofs.Consistency consistency(
            @QueryParam("from") @Parameter(description = "The smaller tree size", required = true) String from,
            @QueryParam("to") @Parameter(description = "The larger tree size; the newest checkpoint's by default")
            String to) {
        Long first = QueryParams.optionalPosition(from, "from");
        if (first == null) {
            throw QueryParams.invalid("from", "is required: the tree size to prove consistency from");
        }
        return proofs.consistency(first, QueryParams.optionalPosition(to, "to"));
    }
}
