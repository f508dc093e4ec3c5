package no.samrad.infrastructure.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.replica.WalPositions;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The read-your-writes contract of a replica: a {@value WalPositions#READ_AFTER} header must be a
 * WAL position as a command's answer named it, or the request is refused before anything is read;
 * and a read names the database that answered it ({@value WalPositions#READ_FROM}) whenever a
 * replica could have.
 */
class ReadAfterFilter {

    @ServerRequestFilter
    public void checkReadAfter(ContainerRequestContext request) {
        String after = request.getHeaderString(WalPositions.READ_AFTER);
        if (after != null && !WalPositions.POSITION.matcher(after).matches()) {
            throw new DomainException(CommonErrors.INVALID_REQUEST, "Header " + WalPositions.READ_AFTER
                    + " must be a WAL position as a command's answer names it, such as 0/16B3748.");
        }
    }

    @ServerResponseFilter
    public void nameTheDatabaseRead(ContainerResponseContext response, RoutingContext routing) {
        Object readFrom = routing.get(WalPositions.READ_FROM);
        if (readFrom != null) {
            response.getHeaders().putSingle(WalPositions.READ_FROM, readFrom);
        }
    }
}
