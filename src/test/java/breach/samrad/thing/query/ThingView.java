package breach.samrad.thing.query;

import jakarta.ws.rs.core.Response;

/** A read model that answers HTTP itself, outside a web package. */
public class ThingView {

    public Response asResponse() {
        return Response.ok().build();
    }
}
