package no.samrad.infrastructure.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional reads of every record: a GET whose {@code If-None-Match} names the record's current
 * ETag (or {@code *}) is answered {@code 304 Not Modified} without the record, so that a client
 * polling a record it holds pays only for the headers. Tags compare weakly (RFC 9110, 13.1.2).
 */
class ConditionalGet {

    @ServerResponseFilter
    public void answerNotModified(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return;
        }
        String ifNoneMatch = request.getHeaderString("If-None-Match");
        EntityTag current = response.getEntityTag();
        if (ifNoneMatch == null || current == null || response.getStatus() != Response.Status.OK.getStatusCode()) {
            return;
        }
        boolean unchanged = Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(current.getValue()));
        if (unchanged) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    /** The tag's value without its weakness marker and quotes: {@code W/"3"} and {@code "3"} are both 3. */
    private static String opaque(String tag) {
        String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
        return strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"")
                ? strong.substring(1, strong.length() - 1) : strong;
    }
}
