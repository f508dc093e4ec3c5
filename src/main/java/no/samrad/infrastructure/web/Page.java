package no.samrad.infrastructure.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * One page of a list. {@code next} is the address of the following page, or absent on the last.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, long total, int limit, int offset, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** A page of the request's list, with the address of the following page where there is one. */
    public static <T> Page<T> of(List<T> items, long total, int limit, int offset, UriInfo uri) {
        String next = offset + limit < total
                ? uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit).build().toString()
                : null;
        return new Page<>(items, total, limit, offset, next);
    }
}
