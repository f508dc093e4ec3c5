package no.samrad.infrastructure.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import no.samrad.infrastructure.security.Caller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Takes the correlation id from {@code X-Correlation-Id} (or makes one), and echoes it on every
 * answer. An id that is too long or has characters outside a safe set is replaced rather than
 * echoed, so that it cannot smuggle text into logs or headers.
 */
class CorrelationFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Caller caller;

    CorrelationFilter(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter(preMatching = true)
    public void takeCorrelationId(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (given != null && SAFE.matcher(given).matches()) {
            caller.useCorrelationId(given);
        }
    }

    @ServerResponseFilter
    public void echoCorrelationId(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, caller.correlationId());
    }
}
