package no.samrad.material.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.infrastructure.web.RecordAnswers;
import no.samrad.material.query.AgendaItem;
import no.samrad.material.query.AppendixC;
import no.samrad.material.query.CaseAppendix;
import no.samrad.material.query.MeetingMaterial;
import no.samrad.meeting.query.MeetingView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A meeting's material: its agenda and appendices a, b and c, as JSON or CSV. */
@Tag(name = "Meetings", description = "Consultation meetings: the political meetings, digitalisation and bilateral")
@Path("/api/v1/meetings/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingMaterialResource {

    private static final String RECORD = "meeting";

    private final MeetingMaterial material;

    MeetingMaterialResource(MeetingMaterial material) {
        this.material = material;
    }

    /** The cases on the meeting's agenda, in case-number order. */
    @GET
    @Path("agenda")
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public List<AgendaItem> meetingAgenda(@PathParam("id") String id) {
        return material.agenda(meeting(id));
    }

    /**
     * Appendix a of the meeting's material: the cost-calculation cases carried over to it, as they
     * stood on its date. JSON, or CSV with {@code Accept: text/csv}.
     */
    @GET
    @Path("appendices/a")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The table, as JSON or as CSV (UTF-8, semicolons)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseAppendix.class)),
                @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response appendixA(@PathParam("id") String id,
                              @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf,
                              @Context HttpHeaders headers) {
        return caseAppendix("a", material.appendixA(meeting(id), QueryParams.instant(asOf, "asOf")), headers);
    }

    /**
     * Appendix b of the meeting's material: the law-participation cases in progress, carried over
     * to it, as they stood on its date. JSON, or CSV with {@code Accept: text/csv}.
     */
    @GET
    @Path("appendices/b")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The table, as JSON or as CSV (UTF-8, semicolons)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseAppendix.class)),
                @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response appendixB(@PathParam("id") String id,
                              @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf,
                              @Context HttpHeaders headers) {
        return caseAppendix("b", material.appendixB(meeting(id), QueryParams.instant(asOf, "asOf")), headers);
    }

    /**
     * Appendix c of the meeting's material: the bilateral agreements in force on the meeting's
     * date, whatever has become of them since. JSON, or CSV for spreadsheets when asked with
     * {@code Accept: text/csv}.
     */
    @GET
    @Path("appendices/c")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    @APIResponse(responseCode = "200", description = "The table, as JSON or as CSV (UTF-8, semicolons)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppendixC.class)),
                @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response appendixC(@PathParam("id") String id,
                              @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf,
                              @Context HttpHeaders headers) {
        AppendixC appendix = material.appendixC(meeting(id), QueryParams.instant(asOf, "asOf"));
        if (!prefersCsv(headers)) {
            return Response.ok(appendix, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return csv("c", appendix.meetingDate(), Csv.of(List.of("Avtale", "Kategori", "Parter", "Inngått", "Utløper",
                        "Første avtale inngått"),
                appendix.rows().stream().map(row -> List.of(row.title(), row.category().name(),
                        String.join(", ", row.parties()), row.enteredOn().toString(), row.expiresOn().toString(),
                        row.firstEnteredYear() == null ? "" : row.firstEnteredYear().toString())).toList()));
    }

    private static Response caseAppendix(String letter, CaseAppendix appendix, HttpHeaders headers) {
        if (!prefersCsv(headers)) {
            return Response.ok(appendix, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return csv(letter, appendix.meetingDate(), Csv.of(List.of("Saksnummer", "Departement", "Sak", "Oppmeldt",
                        "Ferdigbehandlet"),
                appendix.rows().stream().map(row -> Arrays.asList(row.caseNumber(), String.join(", ", row.ministries()),
                        row.title(), row.reportedAt(), row.concludedOn())).toList()));
    }

    private static Response csv(String letter, String meetingDate, String csv) {
        return Response.ok(csv, Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"vedlegg-" + letter + "-" + meetingDate + ".csv\"")
                .build();
    }

    private MeetingView meeting(String id) {
        return material.meeting(RecordAnswers.idOf(id, RECORD)).orElseThrow(() -> RecordAnswers.notFound(id, RECORD));
    }

    private static boolean prefersCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .filter(type -> !type.isWildcardType())
                .findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE)))
                .orElse(false);
    }
}
