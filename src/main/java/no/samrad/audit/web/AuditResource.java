package no.samrad.audit.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.audit.chain.AuditKeys;
import no.samrad.audit.chain.ChainCheckpoints;
import no.samrad.audit.chain.ChainLink;
import no.samrad.audit.chain.ChainReceipts;
import no.samrad.audit.chain.ChainStore;
import no.samrad.audit.chain.ChainVerifier;
import no.samrad.audit.chain.Checkpoint;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.Preferences;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.infrastructure.web.RecordAnswers;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The integrity of the published log: its public key, its signed checkpoints and its verification. */
@Tag(name = "Audit", description = "The published log, its export, and its integrity")
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final String PEM = "application/x-pem-file";
    private static final int LONGEST_WAIT_SECONDS = 10;

    private final AuditKeys keys;
    private final ChainCheckpoints checkpoints;
    private final ChainVerifier verifier;
    private final ChainStore chain;
    private final ChainReceipts receipts;
    private final ProjectionCatchUp catchUp;

    AuditResource(AuditKeys keys, ChainCheckpoints checkpoints, ChainVerifier verifier, ChainStore chain,
                  ChainReceipts receipts, ProjectionCatchUp catchUp) {
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.chain = chain;
        this.receipts = receipts;
        this.catchUp = catchUp;
    }

    /** A request's receipt: where the published log holds each event the request's commands caused. */
    @Schema(name = "Receipt")
    public record Receipt(String requestId, List<ChainLink> events, String receipt) {
    }

    /**
     * The receipt of a request, as every command's answer links it: once the published log holds
     * every event the request caused. With {@code Prefer: wait=N} it waits for the log up to N
     * seconds (10 at most); until the log holds them, 404.
     */
    @GET
    @Path("receipts/{requestId}")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public Receipt requestReceipt(@PathParam("requestId") String requestId, @HeaderParam("Prefer") String prefer) {
        UUID request = RecordAnswers.idOf(requestId, "request");
        int wait = Preferences.waitSeconds(prefer, LONGEST_WAIT_SECONDS).orElse(0);
        List<ChainLink> links = receipts.linksOf(request.toString(), catchUp.headPosition(), Duration.ofSeconds(wait));
        if (links.isEmpty()) {
            throw new DomainException(CommonErrors.NOT_FOUND, "The published log holds no event of request "
                    + requestId + ": no such request, one that stored nothing, or one the log has not reached yet.");
        }
        return new Receipt(request.toString(), links, ChainReceipts.text(links));
    }

    /**
     * An Ed25519 public key that checkpoints and promises are signed with, as PEM: the one their
     * {@code keyId} names, or the current one. Public: it proves, it grants nothing.
     */
    @GET
    @Path("public-key")
    @PermitAll
    @Produces({PEM, MediaType.TEXT_PLAIN})
    @APIResponse(responseCode = "200", description = "The key as PEM (SubjectPublicKeyInfo)")
    @APIResponse(responseCode = "404", description = "No audit key has that id (NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json"))
    public String publicKey(@QueryParam("keyId") @Parameter(description = "A key's id, as a checkpoint or promise"
            + " names it; the current key by default") String keyId) {
        return keys.publicKeyPem(keyId == null || keyId.isBlank() ? null : keyId.trim()).orElseThrow(() ->
                new DomainException(CommonErrors.NOT_FOUND, "There is no audit key with id " + keyId + "."));
    }

    /** The audit keys as a JSON Web Key Set (RFC 7517): each key's members, its id and whether it signs now. */
    @Schema(name = "AuditKeySet")
    public record KeySet(List<Map<String, String>> keys) {
    }

    /**
     * Every key that verifies the published log's signatures, the current one first, as a JWK Set;
     * each {@code kid} is the key's JWK thumbprint (RFC 7638), as checkpoints and promises name it.
     * Public, like the public key.
     */
    @GET
    @Path("keys")
    @PermitAll
    public KeySet auditKeys() {
        return new KeySet(keys.jwks().get("keys"));
    }

    /** The signed checkpoints of positions {@code from} to {@code to}, oldest first. */
    @GET
    @Path("checkpoints")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<Checkpoint> listCheckpoints(@QueryParam("from") String from, @QueryParam("to") String to) {
        long head = chain.head().map(ChainLink::position).orElse(0L);
        return checkpoints.between(position(from, "from", 1), position(to, "to", head));
    }

    /**
     * Recomputes the chain over positions {@code from} to {@code to} (the whole chain by default)
     * from the stored events, and checks the checkpoints in that range.
     */
    @GET
    @Path("verify")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public ChainVerifier.Result verify(
            @QueryParam("from") @Parameter(description = "First position; 1 by default") String from,
            @QueryParam("to") @Parameter(description = "Last position; the head by default") String to) {
        return verifier.verify(from == null || from.isBlank() ? null : position(from, "from", 1),
                to == null || to.isBlank() ? null : position(to, "to", 1));
    }

    private static long position(String value, String name, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw QueryParams.invalid(name, "must be a position: a whole number, 1 or more");
    }
}
