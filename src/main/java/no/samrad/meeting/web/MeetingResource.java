package no.samrad.meeting.web;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.agreement.query.AgreementQueries;
import no.samrad.agreement.query.AgreementTimeTravel;
import no.samrad.audit.api.RecordedEvent;
import no.samrad.audit.query.ChangeLog;
import no.samrad.audit.query.RecordChange;
import no.samrad.audit.query.RecordHistory;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.DiscussionOutcome;
import no.samrad.cases.cost.query.CostCaseQueries;
import no.samrad.cases.law.query.LawParticipationQueries;
import no.samrad.cases.query.CaseQueries;
import no.samrad.cases.query.ReportedCaseView;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.Page;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.infrastructure.web.RecordAnswers;
import no.samrad.infrastructure.web.RecordRepresentation;
import no.samrad.infrastructure.web.Versions;
import no.samrad.infrastructure.web.idempotency.Idempotent;
import no.samrad.meeting.api.CancelMeeting;
import no.samrad.meeting.api.HoldMeeting;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.meeting.api.ScheduleMeeting;
import no.samrad.meeting.query.MeetingQueries;
import no.samrad.meeting.query.MeetingView;
import no.samrad.party.api.PartyRegister;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consultation meetings: scheduled, then held or cancelled. */
@Tag(name = "Meetings", description = "Consultation meetings: the political meetings, digitalisation and bilateral")
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingResource implements RecordRepresentation {

    private static final String RECORD = "meeting";

    private final CommandGateway commands;
    private final MeetingQueries queries;
    private final RecordAnswers answers;
    private final RecordHistory history;
    private final ChangeLog changeLog;
    private final AgreementQueries agreements;
    private final PartyRegister parties;
    private final CostCaseQueries costCases;
    private final LawParticipationQueries lawParticipation;
    private final CaseQueries cases;
    private final AgreementTimeTravel agreementTimeTravel;

    MeetingResource(CommandGateway commands, MeetingQueries queries, RecordAnswers answers, RecordHistory history,
                    ChangeLog changeLog, AgreementQueries agreements, PartyRegister parties,
                    CostCaseQueries costCases, LawParticipationQueries lawParticipation, CaseQueries cases,
                    AgreementTimeTravel agreementTimeTravel) {
        this.agreementTimeTravel = agreementTimeTravel;
        this.cases = cases;
        this.costCases = costCases;
        this.lawParticipation = lawParticipation;
        this.agreements = agreements;
        this.parties = parties;
        this.commands = commands;
        this.queries = queries;
        this.answers = answers;
        this.history = history;
        this.changeLog = changeLog;
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @APIResponse(responseCode = "201", description = "Scheduled; Location and ETag name the meeting",
            content = @Content(schema = @Schema(implementation = MeetingDetail.class)))
    public Response scheduleMeeting(@Valid @NotNull MeetingRequests.NewMeeting body, @Context UriInfo uri) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new ScheduleMeeting(id, body.kind(), body.number(), body.date(), body.budgetYear(),
                body.ministry(), body.title()));
        return answers.created(() -> queries.find(id).map(MeetingDetail::of),
                uri.getBaseUriBuilder().path(MeetingResource.class).path(id.toString()).build());
    }

    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public Page<MeetingDetail> listMeetings(@QueryParam("year") String year, @QueryParam("kind") String kind,
                                            @QueryParam("number") String number,
                                            @QueryParam("status") String status,
                                            @QueryParam("ministry") String ministry,
                                            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                            @Context UriInfo uri) {
        parties.requireKnown(ministry, "ministry");
        MeetingQueries.Filter filter = new MeetingQueries.Filter(QueryParams.integer(year, "year", 1900, 9999),
                QueryParams.enumValue(kind, MeetingKind.class, "kind"),
                QueryParams.integer(number, "number", 1, 99),
                QueryParams.enumValue(status, MeetingStatus.class, "status"), ministry);
        int pageSize = QueryParams.limit(limit);
        int skip = QueryParams.offset(offset);
        MeetingQueries.Result result = queries.list(filter, pageSize, skip);
        return Page.of(result.items().stream().map(MeetingDetail::of).toList(), result.total(), pageSize, skip, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The meeting; ETag is its version",
            content = @Content(schema = @Schema(implementation = MeetingDetail.class)))
    public Response getMeeting(@PathParam("id") String id,
                               @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf) {
        UUID meetingId = RecordAnswers.idOf(id, RECORD);
        Instant at = QueryParams.instant(asOf, "asOf");
        return RecordAnswers.ok((at == null ? queries.find(meetingId) : queries.find(meetingId, at))
                .map(MeetingDetail::of).orElseThrow(() -> RecordAnswers.notFound(id, RECORD)));
    }

    /** The cases on the meeting's agenda, in case-number order. */
    @GET
    @Path("{id}/agenda")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<AgendaItem> meetingAgenda(@PathParam("id") String id) {
        MeetingView meeting = meeting(id);
        return cases.onAgendaOf(meeting.id).stream()
                .map(found -> found.agenda.stream().filter(item -> item.meetingId.equals(meeting.id)).findFirst()
                        .map(item -> new AgendaItem(found.id, found.caseNumber, CaseKind.valueOf(found.kind),
                                found.title, List.copyOf(found.ministries),
                                item.outcome == null ? null : DiscussionOutcome.valueOf(item.outcome), item.note))
                        .orElseThrow())
                .toList();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<RecordedEvent> meetingHistory(@PathParam("id") String id) {
        return history.of(id, RECORD);
    }

    /**
     * The change log (endringslogg): for each event, the fields it changed with their old and new
     * values, when, and by whom.
     */
    @GET
    @Path("{id}/changes")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<RecordChange> meetingChanges(@PathParam("id") String id) {
        return changeLog.of(id, RECORD);
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/completion")
    @APIResponse(responseCode = "200", description = "The meeting, now held, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingDetail.class)))
    public Response holdMeeting(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                @Valid @NotNull MeetingRequests.Completion body) {
        UUID meetingId = RecordAnswers.idOf(id, RECORD);
        commands.sendAndWait(new HoldMeeting(meetingId, body.heldOn(), Versions.expected(ifMatch)));
        return changed(meetingId);
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/cancellation")
    @APIResponse(responseCode = "200", description = "The meeting, now cancelled, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingDetail.class)))
    public Response cancelMeeting(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                  @Valid @NotNull MeetingRequests.Cancellation body) {
        UUID meetingId = RecordAnswers.idOf(id, RECORD);
        commands.sendAndWait(new CancelMeeting(meetingId, body.cancelledOn(), body.reason(),
                Versions.expected(ifMatch)));
        return changed(meetingId);
    }

    /**
     * Appendix a of the meeting's material: the cost-calculation cases carried over to it, as they
     * stood on its date. JSON, or CSV with {@code Accept: text/csv}.
     */
    @GET
    @Path("{id}/appendices/a")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The table, as JSON or as CSV (UTF-8, semicolons)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseAppendix.class)),
                @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response appendixA(@PathParam("id") String id,
                              @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf,
                              @Context HttpHeaders headers) {
        MeetingView meeting = meeting(id);
        Instant at = QueryParams.instant(asOf, "asOf");
        return caseAppendix("a", meeting, (at == null ? costCases.carriedOverTo(meeting.id, meeting.dateTo)
                : costCases.carriedOverTo(meeting.id, meeting.dateTo, at)).stream()
                .map(row -> row(row, row.ministryCodes(), row.concludedOnText)).toList(), headers);
    }

    /**
     * Appendix b of the meeting's material: the law-participation cases in progress, carried over
     * to it, as they stood on its date. JSON, or CSV with {@code Accept: text/csv}.
     */
    @GET
    @Path("{id}/appendices/b")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The table, as JSON or as CSV (UTF-8, semicolons)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseAppendix.class)),
                @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response appendixB(@PathParam("id") String id,
                              @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf,
                              @Context HttpHeaders headers) {
        MeetingView meeting = meeting(id);
        Instant at = QueryParams.instant(asOf, "asOf");
        return caseAppendix("b", meeting, (at == null ? lawParticipation.openOn(meeting.dateTo, meeting.id)
                : lawParticipation.openOn(meeting.dateTo, meeting.id, at)).stream()
                .map(row -> row(row, row.ministryCodes(), null)).toList(), headers);
    }

    /**
     * Appendix c of the meeting's material: the bilateral agreements in force on the meeting's
     * date, whatever has become of them since. JSON, or CSV for spreadsheets when asked with
     * {@code Accept: text/csv}.
     */
    @GET
    @Path("{id}/appendices/c")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The table, as JSON or as CSV (UTF-8, semicolons)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppendixC.class)),
                @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response appendixC(@PathParam("id") String id,
                              @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf,
                              @Context HttpHeaders headers) {
        MeetingView meeting = meeting(id);
        LocalDate day = meeting.dateTo;
        Instant at = QueryParams.instant(asOf, "asOf");
        List<AppendixC.Row> rows = (at == null ? agreements.inForceOn(day)
                : agreementTimeTravel.inForceOn(day, at)).stream()
                .map(row -> new AppendixC.Row(row.agreement().id, row.agreement().title, row.agreement().category(),
                        row.term().partyCodes(), row.term().enteredOn, row.term().expiresOn,
                        row.agreement().firstEnteredYear))
                .toList();
        AppendixC appendix = new AppendixC(meeting.id, meeting.title, meeting.dateText, day, rows);
        if (!prefersCsv(headers)) {
            return Response.ok(appendix, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return csv("c", meeting, Csv.of(List.of("Avtale", "Kategori", "Parter", "Inngått", "Utløper",
                        "Første avtale inngått"),
                rows.stream().map(row -> List.of(row.title(), row.category().name(), String.join(", ", row.parties()),
                        row.enteredOn().toString(), row.expiresOn().toString(),
                        row.firstEnteredYear() == null ? "" : row.firstEnteredYear().toString())).toList()));
    }

    private CaseAppendix.Row row(ReportedCaseView view, List<String> ministries, String concludedOn) {
        return new CaseAppendix.Row(view.id, view.caseNumber, ministries, view.title, view.meetingId,
                meetingTitle(view.meetingId), view.reportedOnText, concludedOn);
    }

    private Response caseAppendix(String letter, MeetingView meeting, List<CaseAppendix.Row> rows,
                                  HttpHeaders headers) {
        if (!prefersCsv(headers)) {
            return Response.ok(new CaseAppendix(meeting.id, meeting.title, meeting.dateText, meeting.dateTo, rows),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        return csv(letter, meeting, Csv.of(List.of("Saksnummer", "Departement", "Sak", "Oppmeldt", "Ferdigbehandlet"),
                rows.stream().map(row -> Arrays.asList(row.caseNumber(), String.join(", ", row.ministries()),
                        row.title(), row.reportedAt(), row.concludedOn())).toList()));
    }

    private static Response csv(String letter, MeetingView meeting, String csv) {
        return Response.ok(csv, Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"vedlegg-" + letter + "-" + meeting.dateText
                        + ".csv\"")
                .build();
    }

    private MeetingView meeting(String id) {
        return queries.find(RecordAnswers.idOf(id, RECORD)).orElseThrow(() -> RecordAnswers.notFound(id, RECORD));
    }

    private String meetingTitle(UUID meetingId) {
        return queries.find(meetingId).map(view -> view.title).orElse(null);
    }

    private static boolean prefersCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .filter(type -> !type.isWildcardType())
                .findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE)))
                .orElse(false);
    }

    private Response changed(UUID id) {
        return answers.changed(() -> queries.find(id).map(MeetingDetail::of),
                URI.create("/api/v1/meetings/" + id));
    }

    @Override
    public String collection() {
        return "meetings";
    }

    @Override
    public Optional<? extends RecordAnswers.Versioned> atVersion(UUID id, long version) {
        return queries.find(id, version).map(MeetingDetail::of);
    }
}
