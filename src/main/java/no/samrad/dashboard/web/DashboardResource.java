package no.samrad.dashboard.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import no.samrad.dashboard.query.Dashboard;
import no.samrad.dashboard.query.DashboardQueries;
import no.samrad.infrastructure.security.Scopes;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.infrastructure.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The summary a dashboard shows, and how the dashboard page signs its user in. */
@Tag(name = "Dashboard", description = "The state of the arrangement at a glance")
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    private final DashboardQueries queries;
    private final DashboardSignIn signIn;
    private final SamradClock clock;

    DashboardResource(DashboardQueries queries, DashboardSignIn signIn, SamradClock clock) {
        this.queries = queries;
        this.signIn = signIn;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Scopes.READ, Scopes.AUDIT})
    public Dashboard dashboard(
            @QueryParam("on") @Parameter(description = "The day to look from (effective time, yyyy-MM-dd):"
                    + " agreements in force and running out, cases open and requests waiting on that day, the"
                    + " meetings after it. Today in Europe/Oslo by default, or the date of asOf") String on,
            @QueryParam("asOf") @Parameter(description = QueryParams.AS_OF) String asOf) {
        Instant instant = QueryParams.instant(asOf, "asOf");
        LocalDate day = QueryParams.date(on, "on");
        if (instant == null) {
            return queries.on(day == null ? clock.today() : day);
        }
        return queries.on(day == null ? LocalDate.ofInstant(instant, SamradClock.OSLO) : day, instant);
    }

    /** Public: the page must know how to sign in before it has a token. */
    @GET
    @Path("sign-in")
    @PermitAll
    public DashboardSignIn.Settings signInSettings() {
        return signIn.settings();
    }
}
