package no.samrad.party.web;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import no.samrad.infrastructure.error.CommonErrors;
import no.samrad.infrastructure.error.DomainException;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyRegister;

@Tag(name = "Parties", description = "The party register: KS and the ministries, with validity periods")
@Path("/api/v1/parties")
@RolesAllowed({Scopes.READ, Scopes.AUDIT})
@Produces(MediaType.APPLICATION_JSON)
public class PartyResource {

    private final PartyRegister register;

    PartyResource(PartyRegister register) {
        this.register = register;
    }

    /** The register; with {@code validOn}, only the parties that existed under their code that day. */
    @GET
    public List<Party> listParties(@QueryParam("validOn") String validOnParam) {
        LocalDate validOn = QueryParams.date(validOnParam, "validOn");
        return register.all().stream().filter(party -> validOn == null || party.isValidOn(validOn)).toList();
    }

    @GET
    @Path("{code}")
    public Party getParty(@PathParam("code") String code) {
        return register.find(code).orElseThrow(() -> new DomainException(CommonErrors.NOT_FOUND,
                "There is no party with code " + code + "."));
    }
}
