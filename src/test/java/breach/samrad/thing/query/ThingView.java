package breach.samrad.thing.query;

import breach.samrad.dashboard.Summary;
import jakarta.ws.rs.core.Response;

/** A read model that answers HTTP itself, outside a web package, and reads the dashboard. */
public class ThingView {

    public Summary summary() {
        return new Summary(1);
    }

    public Response asResponse() {
        return Response.ok().build();
    }
}
