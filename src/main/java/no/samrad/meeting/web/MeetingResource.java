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
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.Page;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.infrastructure.web.RecordAnswers;
import no.samrad.infrastructure.web.RecordCollection;
import no.samrad.infrastructure.web.RecordRepresentation;
import no.samrad.infrastructure.web.Versions;
import no.samrad.infrastructure.web.idempotency.Idempotent;
import no.samrad.meeting.api.CancelMeeting;
import no.samrad.meeting.api.HoldMeeting;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.meeting.api.ScheduleMeeting;
import no.samrad.meeting.query.MeetingQueries;
import no.samrad.party.api.PartyRegister;
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
    private static final String COLLECTION = "meetings";

    private final MeetingQueries queries;
    private final RecordCollection<MeetingDetail> records;
    private final RecordHistory history;
    private final ChangeLog changeLog;
    private final PartyRegister parties;

    MeetingResource(MeetingQueries queries, RecordAnswers answers, RecordHistory history,
                    ChangeLog changeLog, PartyRegister parties) {
        this.parties = parties;
        this.queries = queries;
        this.records = answers.collection(COLLECTION, RECORD, id -> queries.find(id).map(MeetingDetail::of),
                (id, at) -> queries.find(id, at).map(MeetingDetail::of));
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
        return records.create(id, new ScheduleMeeting(id, body.kind(), body.number(), body.date(), body.budgetYear(),
                body.ministry(), body.title()), uri);
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
        return records.read(id, asOf);
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
        UUID meetingId = records.idOf(id);
        return records.change(meetingId, new HoldMeeting(meetingId, body.heldOn(), Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/cancellation")
    @APIResponse(responseCode = "200", description = "The meeting, now cancelled, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingDetail.class)))
    public Response cancelMeeting(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                  @Valid @NotNull MeetingRequests.Cancellation body) {
        UUID meetingId = records.idOf(id);
        return records.change(meetingId, new CancelMeeting(meetingId, body.cancelledOn(), body.reason(),
                Versions.expected(ifMatch)));
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Optional<? extends RecordAnswers.Versioned> atVersion(UUID id, long version) {
        return queries.find(id, version).map(MeetingDetail::of);
    }
}
