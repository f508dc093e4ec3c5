package no.samrad.audit.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import no.samrad.audit.chain.Cosignatures;
import no.samrad.audit.chain.LogProofs;
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
    private final LogProofs proofs;
    private final Cosignatures cosignatures;

    AuditResource(AuditKeys keys, ChainCheckpoints checkpoints, ChainVerifier verifier, ChainStore chain,
                  ChainReceipts receipts, ProjectionCatchUp catchUp, LogProofs proofs, Cosignatures cosignatures) {
        this.proofs = proofs;
        this.cosignatures = cosignatures;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.chain = chain;
        this.receipts = receipts;
        this.catchUp = catchUp;
    }

    /**
     * A request's receipt: where the published log holds each event the request's commands caused,
     * and, for each event a checkpoint holds already, the address of its inclusion proof.
     */
    @Schema(name = "Receipt")
    public record Receipt(String requestId, List<ChainLink> events, String receipt, List<String> inclusionProofs) {
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
        return new Receipt(request.toString(), links, ChainReceipts.text(links),
                proofs.inclusionLinks(links.stream().map(ChainLink::position).toList()));
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

    /**
     * Signs the log's head now, if it has moved since the newest checkpoint, and answers the
     * checkpoint of the head; 404 while the log is empty.
     */
    @POST
    @Path("checkpoints")
    @RolesAllowed(Scopes.AUDIT)
    @APIResponse(responseCode = "200", description = "The checkpoint of the head, signed now or before")
    @APIResponse(responseCode = "404", description = "The log holds no event yet (NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json"))
    public Checkpoint signCheckpoint() {
        return checkpoints.signHead().orElseThrow(() -> new DomainException(CommonErrors.NOT_FOUND,
                "The published log holds no event yet: there is nothing to sign."));
    }

    /**
     * The newest checkpoint as its C2SP signed note, with the cosignatures it has: what a witness or
     * an auditor keeps. 404 until the first is signed.
     */
    @GET
    @Path("checkpoint")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @Produces(MediaType.TEXT_PLAIN)
    @APIResponse(responseCode = "200", description = "The signed note: origin, tree size, base64 root hash,"
            + " a blank line, and the signature lines")
    @APIResponse(responseCode = "404", description = "No checkpoint of the tree is signed yet (NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json"))
    public String newestCheckpoint() {
        return checkpoints.latest().map(Checkpoint::note).filter(note -> note != null).orElseThrow(() ->
                new DomainException(CommonErrors.NOT_FOUND, "No checkpoint of the log's tree is signed yet."));
    }

    /**
     * Takes a witness's cosignature of a checkpoint: the checkpoint's note as this log signed it,
     * with the witness's cosignature line (C2SP tlog-cosignature), from a witness named in
     * {@code SAMRAD_AUDIT_WITNESSES}. 201 when a line is new, 200 when the log had it already;
     * either way the checkpoint as now served, with every cosignature it has.
     */
    @POST
    @Path("cosignatures")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Scopes.AUDIT)
    @APIResponse(responseCode = "201", description = "The cosignature is kept; the checkpoint with its cosignatures")
    @APIResponse(responseCode = "200", description = "The log had this cosignature already")
    @APIResponse(responseCode = "400", description = "Not a checkpoint this log signed, or no valid cosignature of"
            + " a witness it knows (INVALID_REQUEST)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "The log keeps no checkpoint of that size and root (NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json"))
    public Response cosign(String cosignedNote) {
        Cosignatures.Accepted accepted = cosignatures.accept(cosignedNote);
        long position = accepted.checkpoint().position();
        return (accepted.added() ? Response.created(URI.create("/api/v1/audit/checkpoints?from=" + position + "&to="
                + position)) : Response.ok()).entity(accepted.checkpoint()).type(MediaType.APPLICATION_JSON).build();
    }

    /** The signed checkpoints of positions {@code from} to {@code to}, oldest first. */
    @GET
    @Path("checkpoints")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<Checkpoint> listCheckpoints(@QueryParam("from") String from, @QueryParam("to") String to) {
        long head = chain.head().map(ChainLink::position).orElse(0L);
        Long first = QueryParams.optionalPosition(from, "from");
        Long last = QueryParams.optionalPosition(to, "to");
        return checkpoints.between(first == null ? 1 : first, last == null ? head : last);
    }

    /**
     * Recomputes the log over positions {@code from} to {@code to} (the whole log by default) from
     * the stored events: the chain, the Merkle tree's leaves and roots, each record's order in the
     * store, events stored behind the log, and the checkpoints in that range. With {@code against},
     * a checkpoint the auditor kept, it also answers whether today's log extends it, with the
     * consistency proof to the newest checkpoint, or names the first place where it does not.
     */
    @GET
    @Path("verify")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public ChainVerifier.Result verify(
            @QueryParam("from") @Parameter(description = "First position; 1 by default") String from,
            @QueryParam("to") @Parameter(description = "Last position; the head by default") String to,
            @QueryParam("against") @Parameter(description = "A checkpoint you kept, as its signed note"
                    + " (URL-encoded); the whole log is then held to it") String against) {
        return verifier.verify(QueryParams.optionalPosition(from, "from"), QueryParams.optionalPosition(to, "to"),
                against == null || against.isBlank() ? null : verifier.heldCheckpoint(against, "against"));
    }

    /**
     * Holds the whole log to a checkpoint the auditor kept, sent as the body: its signed note as
     * {@code GET /audit/checkpoint} served it. Answers as {@code GET /audit/verify?against=} does.
     */
    @POST
    @Path("verify")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "What the verification found")
    @APIResponse(responseCode = "400", description = "The body is not a checkpoint this log signed (INVALID_REQUEST)",
            content = @Content(mediaType = "application/problem+json"))
    public ChainVerifier.Result verifyAgainst(String note) {
        return verifier.verify(null, null, verifier.heldCheckpoint(note, "body"));
    }
}
