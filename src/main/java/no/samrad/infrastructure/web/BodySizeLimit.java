package no.samrad.infrastructure.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import no.samrad.infrastructure.error.CommonErrors;
import no.samrad.infrastructure.error.DomainException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over 1 MiB with a problem document, before any of the body is read.
 * A body sent without a length is cut off by the HTTP layer's own hard limit
 * ({@code quarkus.http.limits.max-body-size}), which answers a bare 413.
 */
public class BodySizeLimit {

    public static final long MAX_BYTES = 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public void refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > MAX_BYTES) {
            throw new DomainException(CommonErrors.PAYLOAD_TOO_LARGE,
                    "The request body is " + length + " bytes; Samråd accepts at most " + MAX_BYTES + ".");
        }
    }
}
