package no.samrad.party.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.samrad.audit.api.RecordedEvent;
import no.samrad.audit.query.RecordHistory;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.infrastructure.web.RecordAnswers;
import no.samrad.infrastructure.web.RecordRepresentation;
import no.samrad.infrastructure.web.idempotency.Idempotent;
import no.samrad.party.api.AbolishParty;
import no.samrad.party.api.EstablishParty;
import no.samrad.party.api.MergeParties;
import no.samrad.party.api.MoveTasks;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyRegister;
import no.samrad.party.api.RegisterEvent;
import no.samrad.party.api.RenameParty;
import no.samrad.party.api.SplitParty;
import no.samrad.party.command.StoredRegister;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The party register: KS and the ministries with their periods and reorganisations, as of any day
 * ({@code validOn}) and as recorded at any instant ({@code asOf}); and, for {@code samrad:admin},
 * the changes that record a reorganisation on the day it is announced.
 */
@Tag(name = "Parties", description = "The party register: KS and the ministries, their periods and reorganisations")
@Path("/api/v1/parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartyResource implements RecordRepresentation {

    private static final String CHANGED = "The parties the change touched, as they now stand; ETag is the register's"
            + " version";

    private final StoredRegister register;
    private final CommandGateway commands;
    private final RecordAnswers answers;
    private final RecordHistory history;

    PartyResource(StoredRegister register, CommandGateway commands, RecordAnswers answers, RecordHistory history) {
        this.register = register;
        this.commands = commands;
        this.answers = answers;
        this.history = history;
    }

    /** What a change of the register answers: the parties it touched, and the register's new version. */
    public record RegisterChangeAnswer(long version, List<Party> parties) implements RecordAnswers.Versioned {
    }

    /** The register; with {@code validOn}, only the parties that existed that day. */
    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<Party> listParties(@QueryParam("validOn") String validOnParam,
                                   @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf) {
        LocalDate validOn = QueryParams.date(validOnParam, "validOn");
        return registerAt(QueryParams.instant(asOf, "asOf")).all().stream()
                .filter(party -> validOn == null || party.isValidOn(validOn))
                .toList();
    }

    /** The register's own history: every change, in the order recorded, with its source. */
    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @Path("history")
    public List<RecordedEvent> registerHistory() {
        return history.ofRecord(RegisterEvent.REGISTER_ID);
    }

    /**
     * One party, by its code or its register key: the party that carried the code on
     * {@code validOn}, or without it the party that carries the code now (or carried it last). A
     * key that is also a code (KD, the culture ministry of 1982–2001) answers as the code; the
     * party it names is found with {@code validOn}.
     */
    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @Path("{code}")
    public Party getParty(@PathParam("code") String code, @QueryParam("validOn") String validOnParam,
                          @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf) {
        LocalDate validOn = QueryParams.date(validOnParam, "validOn");
        PartyRegister at = registerAt(QueryParams.instant(asOf, "asOf"));
        Optional<Party> byCode = validOn == null ? at.find(code) : at.resolve(code, validOn);
        return byCode.or(() -> at.byKey(code).filter(party -> validOn == null || party.isValidOn(validOn)))
                .orElseThrow(() -> new DomainException(CommonErrors.NOT_FOUND, validOn == null
                        ? "There is no party with code or key " + code + "."
                        : "No party carried code " + code + " on " + validOn + "."));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.ADMIN)
    @APIResponse(responseCode = "201", description = "Established; Location names the new party",
            content = @Content(schema = @Schema(implementation = RegisterChangeAnswer.class)))
    public Response establishParty(@Valid @NotNull PartyRequests.Establishment body, @Context UriInfo uri) {
        register.refresh();
        Set<Party> before = new HashSet<>(register.all());
        commands.sendAndWait(new EstablishParty(RegisterEvent.REGISTER_ID, body.code(), body.kind(), body.name(),
                body.nameEn(), body.orgNo(), body.establishedOn(), body.source()));
        RegisterChangeAnswer answer = touchedSince(before);
        String key = answer.parties().get(0).key();
        return answers.created(() -> Optional.of(answer),
                uri.getBaseUriBuilder().path(PartyResource.class).path(key).build());
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.ADMIN)
    @Path("{key}/renamings")
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(schema = @Schema(implementation = RegisterChangeAnswer.class)))
    public Response renameParty(@PathParam("key") String key, @Valid @NotNull PartyRequests.Renaming body) {
        return change(key, () -> new RenameParty(RegisterEvent.REGISTER_ID, key, body.renamedOn(), body.name(),
                body.nameEn(), body.newCode(), body.orgNo(), body.source()));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.ADMIN)
    @Path("{key}/splits")
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(schema = @Schema(implementation = RegisterChangeAnswer.class)))
    public Response splitParty(@PathParam("key") String key, @Valid @NotNull PartyRequests.Split body) {
        return change(key, () -> new SplitParty(RegisterEvent.REGISTER_ID, key, body.splitOn(),
                body.parts().stream().map(PartyRequests.Part::toPart).toList(), body.source()));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.ADMIN)
    @Path("mergers")
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(schema = @Schema(implementation = RegisterChangeAnswer.class)))
    public Response mergeParties(@Valid @NotNull PartyRequests.Merger body) {
        return change(null, () -> new MergeParties(RegisterEvent.REGISTER_ID, body.keys(), body.mergedOn(),
                body.into().toPart(), body.source()));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.ADMIN)
    @Path("{key}/task-moves")
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(schema = @Schema(implementation = RegisterChangeAnswer.class)))
    public Response moveTasks(@PathParam("key") String key, @Valid @NotNull PartyRequests.TaskMove body) {
        return change(key, () -> new MoveTasks(RegisterEvent.REGISTER_ID, key, body.toKey(), body.movedOn(),
                body.tasks(), body.records(), body.source()));
    }

    @POST
    @Idempotent
    @RolesAllowed(Scopes.ADMIN)
    @Path("{key}/abolition")
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(schema = @Schema(implementation = RegisterChangeAnswer.class)))
    public Response abolishParty(@PathParam("key") String key, @Valid @NotNull PartyRequests.Abolition body) {
        return change(key, () -> new AbolishParty(RegisterEvent.REGISTER_ID, key, body.abolishedOn(), body.source()));
    }

    private Response change(String key, java.util.function.Supplier<Object> command) {
        register.refresh();
        if (key != null && register.byKey(key).isEmpty()) {
            throw new DomainException(CommonErrors.NOT_FOUND, "There is no party with key " + key + ".");
        }
        Set<Party> before = new HashSet<>(register.all());
        commands.sendAndWait(command.get());
        RegisterChangeAnswer answer = touchedSince(before);
        return answers.changed(() -> Optional.of(answer), URI.create("/api/v1/parties/history"));
    }

    private RegisterChangeAnswer touchedSince(Set<Party> before) {
        register.refresh();
        List<Party> touched = register.all().stream().filter(party -> !before.contains(party)).toList();
        return new RegisterChangeAnswer(register.version(), touched);
    }

    @Override
    public String collection() {
        return "parties";
    }

    /** Register changes answer about the register, which has no UUID; see {@link #answerAgain}. */
    @Override
    public Optional<? extends RecordAnswers.Versioned> atVersion(UUID id, long version) {
        return Optional.empty();
    }

    /** A change answers again with the parties its version touched; an establishment at the new party's address. */
    @Override
    public Optional<AnswerAgain> answerAgain(List<String> segments, String recordId, long recordVersion) {
        register.refresh();
        Set<Party> before = new HashSet<>(register.atVersion(recordVersion - 1).all());
        List<Party> touched = register.atVersion(recordVersion).all().stream()
                .filter(party -> !before.contains(party)).toList();
        if (touched.isEmpty()) {
            return Optional.empty();
        }
        RegisterChangeAnswer answer = new RegisterChangeAnswer(recordVersion, touched);
        return Optional.of(new AnswerAgain(answer, segments.size() < 2 ? collection() + "/" + touched.get(0).key()
                : null));
    }

    private PartyRegister registerAt(Instant asOf) {
        register.refresh();
        return asOf == null ? register : register.recordedAt(asOf);
    }
}
