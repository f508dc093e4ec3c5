package no.samrad.cases.law.web;

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
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.samrad.cases.law.api.DecideLawParticipation;
import no.samrad.cases.law.api.LawParticipationState;
import no.samrad.cases.law.api.RecordLawMilestone;
import no.samrad.cases.law.query.LawParticipationQueries;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Law-participation cases: the responsible ministry's answer and the law's milestones. A request
 * is reported, concluded and withdrawn as a case, under {@code /api/v1/cases}.
 */
@Tag(name = "Law participation", description = "Law-participation cases (lovmedvirkningssaker)")
@Path("/api/v1/law-participation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LawParticipationResource implements RecordRepresentation {

    private static final String RECORD = "law-participation case";
    private static final String COLLECTION = "law-participation";

    private final LawParticipationQueries queries;
    private final RecordCollection<LawParticipationRepresentations.Detail> records;
    private final SamradClock clock;

    LawParticipationResource(LawParticipationQueries queries, RecordAnswers answers,
                             SamradClock clock) {
        this.queries = queries;
        this.records = answers.collection(COLLECTION, RECORD,
                id -> queries.find(id).map(LawParticipationRepresentations.Detail::of),
                (id, at) -> queries.find(id, at).map(LawParticipationRepresentations.Detail::of));
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public Page<LawParticipationRepresentations.Detail> listLawParticipation(
            @QueryParam("status") @Parameter(description = "AWAITING_DECISION, IN_PROGRESS, DECLINED, CONCLUDED or"
                    + " WITHDRAWN (lower case with hyphens is accepted too); all when left out") String status,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf, @Context UriInfo uri) {
        LawParticipationState state = QueryParams.named(status, LawParticipationState.class, "status");
        Instant at = QueryParams.instant(asOf, "asOf");
        int pageSize = QueryParams.limit(limit);
        int skip = QueryParams.offset(offset);
        Set<LawParticipationState> states = state == null ? EnumSet.allOf(LawParticipationState.class)
                : EnumSet.of(state);
        LawParticipationQueries.Result result = at == null ? queries.list(states, pageSize, skip)
                : queries.list(states, at, pageSize, skip);
        return Page.of(result.items().stream().map(LawParticipationRepresentations.Detail::of).toList(),
                result.total(), pageSize, skip, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The law-participation case; ETag is its version",
            content = @Content(schema = @Schema(implementation = LawParticipationRepresentations.Detail.class)))
    public Response getLawParticipation(@PathParam("id") String id,
                                        @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf) {
        return records.read(id, asOf);
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/decision")
    @APIResponse(responseCode = "200", description = "The case with the ministry's answer, and its new ETag",
            content = @Content(schema = @Schema(implementation = LawParticipationRepresentations.Detail.class)))
    public Response decide(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull LawParticipationRequests.Decision body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new DecideLawParticipation(caseId, body.decision(), body.reasons(),
                body.decidedOn() == null ? PartialDate.of(clock.today()) : body.decidedOn(),
                Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/milestones")
    @APIResponse(responseCode = "200", description = "The case with the milestone, and its new ETag",
            content = @Content(schema = @Schema(implementation = LawParticipationRepresentations.Detail.class)))
    public Response recordMilestone(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                    @Valid @NotNull LawParticipationRequests.Milestone body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new RecordLawMilestone(caseId, body.milestone(), body.reachedOn(),
                Versions.expected(ifMatch)));
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Optional<? extends RecordAnswers.Versioned> atVersion(UUID id, long version) {
        return queries.find(id, version).map(LawParticipationRepresentations.Detail::of);
    }
}
