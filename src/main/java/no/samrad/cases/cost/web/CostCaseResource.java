package no.samrad.cases.cost.web;

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
import no.samrad.cases.cost.api.AssessCostEstimate;
import no.samrad.cases.cost.api.CostCaseErrors;
import no.samrad.cases.cost.api.CostCaseStatus;
import no.samrad.cases.cost.api.GiveCostCaseStatus;
import no.samrad.cases.cost.api.RecordCostEstimate;
import no.samrad.cases.cost.query.CostCaseQueries;
import no.samrad.infrastructure.api.DomainException;
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
 * Cost-calculation cases: their estimates, KS' assessments and status updates. A cost case is
 * reported, concluded and withdrawn as a case, under {@code /api/v1/cases}.
 */
@Tag(name = "Cost cases", description = "Cost-calculation cases (kostnadsberegningssaker)")
@Path("/api/v1/cost-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CostCaseResource implements RecordRepresentation {

    private static final String RECORD = "cost-calculation case";
    private static final String COLLECTION = "cost-cases";

    /** What the list can be asked for: a state of the records, OPEN for every state before an ending, or ALL. */
    enum Selection {
        OPENED(EnumSet.of(CostCaseStatus.OPENED)),
        ONGOING(EnumSet.of(CostCaseStatus.ONGOING)),
        OPEN(EnumSet.of(CostCaseStatus.OPENED, CostCaseStatus.ONGOING)),
        CONCLUDED(EnumSet.of(CostCaseStatus.CONCLUDED)),
        WITHDRAWN(EnumSet.of(CostCaseStatus.WITHDRAWN)),
        ALL(EnumSet.allOf(CostCaseStatus.class));

        final Set<CostCaseStatus> statuses;

        Selection(Set<CostCaseStatus> statuses) {
            this.statuses = statuses;
        }
    }

    private final CostCaseQueries queries;
    private final RecordCollection<CostCaseRepresentations.Detail> records;
    private final SamradClock clock;

    CostCaseResource(CostCaseQueries queries, RecordAnswers answers, SamradClock clock) {
        this.queries = queries;
        this.records = answers.collection(COLLECTION, RECORD,
                id -> queries.find(id).map(CostCaseRepresentations.Detail::of),
                (id, at) -> queries.find(id, at).map(CostCaseRepresentations.Detail::of));
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public Page<CostCaseRepresentations.Summary> listCostCases(
            @QueryParam("status") @Parameter(
                    description = "OPENED, ONGOING, CONCLUDED or WITHDRAWN; OPEN (not concluded or withdrawn) or ALL"
                            + " (the default); lower case is accepted too") String status,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf, @Context UriInfo uri) {
        Selection selection = QueryParams.named(status, Selection.class, "status");
        Instant at = QueryParams.instant(asOf, "asOf");
        int pageSize = QueryParams.limit(limit);
        int skip = QueryParams.offset(offset);
        Set<CostCaseStatus> statuses = (selection == null ? Selection.ALL : selection).statuses;
        CostCaseQueries.Result result = at == null ? queries.list(statuses, pageSize, skip)
                : queries.list(statuses, at, pageSize, skip);
        return Page.of(result.items().stream().map(CostCaseRepresentations.Summary::of).toList(), result.total(),
                pageSize, skip, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The cost case; ETag is its version",
            content = @Content(schema = @Schema(implementation = CostCaseRepresentations.Detail.class)))
    public Response getCostCase(@PathParam("id") String id,
                                @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf) {
        return records.read(id, asOf);
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/estimates")
    @APIResponse(responseCode = "200", description = "The cost case with the new estimate, and its new ETag",
            content = @Content(schema = @Schema(implementation = CostCaseRepresentations.Detail.class)))
    public Response recordEstimate(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                   @Valid @NotNull CostCaseRequests.NewEstimate body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new RecordCostEstimate(caseId, UUID.randomUUID(), body.amountNok(),
                body.periodFrom(), body.periodTo(), body.basis(), body.method(), body.madeBy(),
                body.madeOn() == null ? clock.today() : body.madeOn(), body.revises(), Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/estimates/{estimateId}/assessment")
    @APIResponse(responseCode = "200", description = "The cost case with KS' assessment, and its new ETag",
            content = @Content(schema = @Schema(implementation = CostCaseRepresentations.Detail.class)))
    public Response assessEstimate(@PathParam("id") String id, @PathParam("estimateId") String estimateId,
                                   @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                   @Valid @NotNull CostCaseRequests.Assessment body) {
        UUID caseId = records.idOf(id);
        UUID estimate = estimateId(estimateId);
        return records.change(caseId, new AssessCostEstimate(caseId, estimate, body.verdict(), body.reasons(),
                body.assessedOn() == null ? clock.today() : body.assessedOn(), Versions.expected(ifMatch)));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.WRITE)
    @Path("{id}/status-updates")
    @APIResponse(responseCode = "200", description = "The cost case with the status update, and its new ETag",
            content = @Content(schema = @Schema(implementation = CostCaseRepresentations.Detail.class)))
    public Response giveStatus(@PathParam("id") String id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                               @Valid @NotNull CostCaseRequests.StatusUpdate body) {
        UUID caseId = records.idOf(id);
        return records.change(caseId, new GiveCostCaseStatus(caseId, body.meeting(),
                body.givenOn() == null ? clock.today() : body.givenOn(), body.text(), Versions.expected(ifMatch)));
    }

    private static UUID estimateId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException(CostCaseErrors.ESTIMATE_NOT_FOUND, "There is no estimate with id " + id + ".");
        }
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Optional<? extends RecordAnswers.Versioned> atVersion(UUID id, long version) {
        return queries.find(id, version).map(CostCaseRepresentations.Detail::of);
    }
}
