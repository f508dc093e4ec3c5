package no.samrad.cases.web;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.audit.api.RecordedEvent;
import no.samrad.audit.query.ChangeLog;
import no.samrad.audit.query.RecordChange;
import no.samrad.audit.query.RecordHistory;
import no.samrad.cases.api.AddCaseInput;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseStatus;
import no.samrad.cases.api.ConcludeCase;
import no.samrad.cases.api.LawInQuestion;
import no.samrad.cases.api.PutCaseOnAgenda;
import no.samrad.cases.api.RecordCaseDiscussion;
import no.samrad.cases.api.ReportCase;
import no.samrad.cases.api.WithdrawCase;
import no.samrad.cases.query.CaseQueries;
import no.samrad.infrastructure.api.PartialDate;
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

/** Cases of every kind: reported to a meeting, put on agendas, discussed, concluded or withdrawn. */
@Tag(name = "Cases", description = "Cross-sector themes, sector matters, cost-calculation and law-participation cases")
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource implements RecordRepresentation {

    static final String RECORD = "case";
    private static final String COLLECTION = "cases";
    private static final int MAX_SEARCH = 200;

    private final CaseQueries queries;
    private final RecordCollection<CaseRepresentations.Detail> records;
    private final RecordHistory history;
    private final ChangeLog changeLog;
    private final PartyRegister parties;
    private final SamradClock clock;

    CaseResource(CaseQueries queries, RecordAnswers answers, RecordHistory history,
                 ChangeLog changeLog, PartyRegister parties, SamradClock clock) {
        this.queries = queries;
        this.records = answers.collection(COLLECTION, RECORD,
                id -> queries.find(id).map(CaseRepresentations.Detail::of),
                (id, at) -> queries.find(id, at).map(CaseRepresentations.Detail::of));
        this.history = history;
        this.changeLog = changeLog;
        this.parties = parties;
        this.clock = clock;
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @APIResponse(responseCode = "201", description = "Reported and numbered; Location and ETag name the case",
            content = @Content(schema = @Schema(implementation = CaseRepresentations.Detail.class)))
    public Response reportCase(@Valid @NotNull CaseRequests.NewCase body, @Context UriInfo uri) {
        UUID id = UUID.randomUUID();
        PartialDate reportedOn = body.reportedOn() == null ? PartialDate.of(clock.today()) : body.reportedOn();
        LawInQuestion law = body.law() == null ? null : new LawInQuestion(body.law().title(), body.law().kind(),
                Boolean.TRUE.equals(body.law().eeaOrigin()));
        return records.create(id, new ReportCase(id, body.kind(), body.title(), body.ministries(), body.reportedBy(),
                body.meeting(), reportedOn, body.summary(), body.reform(), law), uri);
    }

    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public Page<CaseRepresentations.Summary> listCases(
            @QueryParam("kind") String kind, @QueryParam("ministry") String ministry,
            @QueryParam("meeting") String meeting, @QueryParam("status") String status,
            @QueryParam("q") String text, @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @Context UriInfo uri) {
        parties.requireKnown(ministry, "ministry");
        CaseQueries.Filter filter = new CaseQueries.Filter(QueryParams.enumValue(kind, CaseKind.class, "kind"),
                ministry, QueryParams.uuid(meeting, "meeting"),
                QueryParams.enumValue(status, CaseStatus.class, "status"), QueryParams.text(text, "q", MAX_SEARCH));
        int pageSize = QueryParams.limit(limit);
        int skip = QueryParams.offset(offset);
        CaseQueries.Result result = queries.list(filter, pageSize, skip);
        return Page.of(result.items().stream().map(CaseRepresentations.Summary::of).toList(), result.total(),
                pageSize, skip, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The case; ETag is its version",
            content = @Content(schema = @Schema(implementation = CaseRepresentations.Detail.class)))
    public Response getCase(@PathParam("id") String id,
                            @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf) {
        return records.read(id, asOf);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<RecordedEvent> caseHistory(@PathParam("id") String id) {
        return history.of(id, RECORD);
    }

    /**
     * The change log (endringslogg): for each event, the fields it changed with their old and new
     * values, when, and by whom.
     */
    @GET
    @Path("{id}/changes")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<RecordChange> caseChanges(@PathParam("id") String id) {
        return changeLog.of(id, RECORD);
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/inputs")
    @APIResponse(responseCode = "200", description = "The case with the new input, and its new ETag",
            content = @Content(schema = @Schema(implementation = CaseRepresentations.Detail.class)))
    public Response addInput(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull CaseRequests.NewInput body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new AddCaseInput(caseId, UUID.randomUUID(), body.party(),
                body.givenOn() == null ? clock.today() : body.givenOn(), body.text(), body.meeting(),
                Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/agenda-items")
    @APIResponse(responseCode = "200", description = "The case, now on the meeting's agenda, with its new ETag",
            content = @Content(schema = @Schema(implementation = CaseRepresentations.Detail.class)))
    public Response putOnAgenda(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                @Valid @NotNull CaseRequests.AgendaItem body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new PutCaseOnAgenda(caseId, body.meeting(), Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/discussions")
    @APIResponse(responseCode = "200", description = "The case with what the meeting did with it, and its new ETag",
            content = @Content(schema = @Schema(implementation = CaseRepresentations.Detail.class)))
    public Response recordDiscussion(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                     @Valid @NotNull CaseRequests.Discussion body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new RecordCaseDiscussion(caseId, body.meeting(), body.outcome(), body.note(),
                Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/conclusion")
    @APIResponse(responseCode = "200", description = "The case, now concluded, with its new ETag",
            content = @Content(schema = @Schema(implementation = CaseRepresentations.Detail.class)))
    public Response conclude(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull CaseRequests.Conclusion body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new ConcludeCase(caseId, body.concludedOn(), body.outcome(), body.finalEstimate(),
                Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/withdrawal")
    @APIResponse(responseCode = "200", description = "The case, now withdrawn, with its new ETag",
            content = @Content(schema = @Schema(implementation = CaseRepresentations.Detail.class)))
    public Response withdraw(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull CaseRequests.Withdrawal body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new WithdrawCase(caseId, body.withdrawnOn(), body.reason(),
                Versions.expected(ifMatch)));
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Optional<? extends RecordAnswers.Versioned> atVersion(UUID id, long version) {
        return queries.find(id, version).map(CaseRepresentations.Detail::of);
    }
}
