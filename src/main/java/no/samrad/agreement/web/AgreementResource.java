package no.samrad.agreement.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.agreement.api.CorrectAgreementTerm;
import no.samrad.agreement.api.EnterAgreement;
import no.samrad.agreement.api.EnterProposedAgreement;
import no.samrad.agreement.api.ProposeAgreement;
import no.samrad.agreement.api.RenewAgreement;
import no.samrad.agreement.api.StartAgreementRenegotiation;
import no.samrad.agreement.api.SupersedeAgreement;
import no.samrad.agreement.api.TerminateAgreement;
import no.samrad.agreement.query.AgreementFilter;
import no.samrad.agreement.query.AgreementQueries;
import no.samrad.agreement.query.AgreementTimeTravel;
import no.samrad.agreement.web.AgreementRepresentations.Detail;
import no.samrad.agreement.web.AgreementRepresentations.Summary;
import no.samrad.audit.api.RecordedEvent;
import no.samrad.audit.query.ChangeLog;
import no.samrad.audit.query.RecordChange;
import no.samrad.audit.query.RecordHistory;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.infrastructure.web.Page;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.infrastructure.web.RecordAnswers;
import no.samrad.infrastructure.web.RecordCollection;
import no.samrad.infrastructure.web.RecordRepresentation;
import no.samrad.infrastructure.web.Versions;
import no.samrad.infrastructure.web.idempotency.Idempotent;
import no.samrad.party.api.PartyRegister;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bilateral agreements: the record, its lifecycle commands as sub-resources named by nouns, the
 * list with its filters, and the history. Commands answer with the record as the read model shows
 * it once it has caught up with the command's events.
 */
@Tag(name = "Agreements", description = "Bilateral agreements: the record, its lifecycle and its history")
@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource implements RecordRepresentation {


    private static final String RECORD = "agreement";
    private static final String COLLECTION = "agreements";
    private static final int EXPIRING_WITHIN_MAX_DAYS = 3660;

    private final AgreementQueries queries;
    private final RecordCollection<Detail> records;
    private final RecordHistory history;
    private final AgreementTimeTravel timeTravel;
    private final ChangeLog changeLog;
    private final PartyRegister parties;
    private final SamradClock clock;

    AgreementResource(AgreementQueries queries, RecordAnswers answers,
                      RecordHistory history, ChangeLog changeLog,
                      AgreementTimeTravel timeTravel, PartyRegister parties, SamradClock clock) {
        this.queries = queries;
        this.records = answers.collection(COLLECTION, RECORD, id -> queries.find(id).map(Detail::of),
                (id, at) -> timeTravel.asOf(id, at).map(Detail::of));
        this.history = history;
        this.timeTravel = timeTravel;
        this.changeLog = changeLog;
        this.parties = parties;
        this.clock = clock;
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the record",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response enterAgreement(@Valid @NotNull AgreementRequests.NewAgreement body, @Context UriInfo uri) {
        UUID id = UUID.randomUUID();
        return records.create(id, new EnterAgreement(id, body.title(), body.category(), body.parties(),
                body.enteredOn(), body.expiresOn(), body.firstEnteredYear(), body.continues(), body.coordinator()),
                uri);
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("proposals")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the record",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response proposeAgreement(@Valid @NotNull AgreementRequests.Proposal body, @Context UriInfo uri) {
        UUID id = UUID.randomUUID();
        return records.create(id, new ProposeAgreement(id, body.title(), body.category(), body.parties(),
                body.proposedBy(), body.proposedOn()), uri);
    }

    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public Page<Summary> listAgreements(@QueryParam("expiringIn") String expiringIn,
                              @QueryParam("expiringWithinDays") String expiringWithinDays,
                              @QueryParam("inForceOn") String inForceOn,
                              @QueryParam("party") String party,
                              @QueryParam("status") String status,
                              @QueryParam("limit") String limit,
                              @QueryParam("offset") String offset,
                              @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf,
                              @Context UriInfo uri) {
        Instant at = QueryParams.instant(asOf, "asOf");
        LocalDate today = at == null ? clock.today() : LocalDate.ofInstant(at, SamradClock.OSLO);
        parties.requireKnown(party, "party");
        AgreementFilter filter = new AgreementFilter(
                expiringYear(expiringIn, today),
                QueryParams.integer(expiringWithinDays, "expiringWithinDays", 0, EXPIRING_WITHIN_MAX_DAYS),
                QueryParams.date(inForceOn, "inForceOn"),
                party,
                QueryParams.enumValue(status, AgreementStatus.class, "status"));
        int pageSize = QueryParams.limit(limit);
        int first = QueryParams.offset(offset);
        AgreementQueries.Result result = at == null ? queries.list(filter, today, pageSize, first)
                : timeTravel.list(filter, at, today, pageSize, first);
        return Page.of(result.items().stream().map(Summary::of).toList(), result.total(), pageSize, first, uri);
    }

    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The record; ETag is its version",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response getAgreement(@PathParam("id") String id,
                                 @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf) {
        return records.read(id, asOf);
    }

    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @Path("{id}/history")
    public List<RecordedEvent> agreementHistory(@PathParam("id") String id) {
        return history.of(id, RECORD);
    }

    /**
     * The agreement's line: the agreements that continue one another across renamings of their
     * parties, from the first, each with its terms and lapses.
     */
    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @Path("{id}/line")
    public List<Detail> agreementLine(@PathParam("id") String id) {
        List<Detail> line = queries.line(records.idOf(id)).stream().map(Detail::of).toList();
        if (line.isEmpty()) {
            throw records.notFound(id);
        }
        return line;
    }

    /**
     * The change log (endringslogg): for each event, the fields it changed with their old and new
     * values, when, and by whom.
     */
    @GET
    @Path("{id}/changes")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<RecordChange> agreementChanges(@PathParam("id") String id) {
        return changeLog.of(id, RECORD);
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/entry")
    @APIResponse(responseCode = "200", description = "The record after the command, with its new ETag",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response enterProposal(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                  @Valid @NotNull AgreementRequests.Entry body) {
        UUID agreementId = records.idOf(id);
        return records.change(agreementId, new EnterProposedAgreement(agreementId, body.title(), body.category(),
                body.parties(), body.enteredOn(), body.expiresOn(), body.firstEnteredYear(),
                Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/renegotiations")
    @APIResponse(responseCode = "200", description = "The record after the command, with its new ETag",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response startRenegotiation(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                       @Valid @NotNull AgreementRequests.Renegotiation body) {
        UUID agreementId = records.idOf(id);
        return records.change(agreementId, new StartAgreementRenegotiation(agreementId, body.startedOn(),
                Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/renewals")
    @APIResponse(responseCode = "200", description = "The record after the command, with its new ETag",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response renewAgreement(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          @Valid @NotNull AgreementRequests.Renewal body) {
        UUID agreementId = records.idOf(id);
        return records.change(agreementId, new RenewAgreement(agreementId, body.enteredOn(), body.expiresOn(),
                body.parties(), body.coordinator(), Versions.expected(ifMatch)));
    }

    /**
     * Corrects the current term's dates, as a fact of its own: recorded now, effective from the
     * corrected entry date. The earlier record stays in the history and in time travel.
     */
    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/corrections")
    @APIResponse(responseCode = "200", description = "The record after the correction, with its new ETag",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response correctAgreementTerm(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                         @Valid @NotNull AgreementRequests.Correction body) {
        UUID agreementId = records.idOf(id);
        return records.change(agreementId, new CorrectAgreementTerm(agreementId, body.enteredOn(), body.expiresOn(),
                body.reason(), Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/termination")
    @APIResponse(responseCode = "200", description = "The record after the command, with its new ETag",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response terminateAgreement(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                              @Valid @NotNull AgreementRequests.Termination body) {
        UUID agreementId = records.idOf(id);
        return records.change(agreementId, new TerminateAgreement(agreementId, body.terminatedOn(), body.reason(),
                Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/supersession")
    @APIResponse(responseCode = "200", description = "The record after the command, with its new ETag",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    public Response supersedeAgreement(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                              @Valid @NotNull AgreementRequests.Supersession body) {
        UUID agreementId = records.idOf(id);
        return records.change(agreementId, new SupersedeAgreement(agreementId, body.supersededBy(), body.supersededOn(),
                Versions.expected(ifMatch)));
    }

    private static Integer expiringYear(String expiringIn, LocalDate today) {
        if (expiringIn == null || expiringIn.isBlank()) {
            return null;
        }
        if ("current".equals(expiringIn.trim())) {
            return today.getYear();
        }
        if (!expiringIn.trim().matches("\\d{4}")) {
            throw QueryParams.invalid("expiringIn", "must be a year (yyyy) or current");
        }
        return Integer.parseInt(expiringIn.trim());
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Optional<? extends RecordAnswers.Versioned> atVersion(UUID id, long version) {
        return timeTravel.atVersion(id, version).map(Detail::of);
    }
}
