package no.samrad.infrastructure.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem details document, with Samråd's stable {@code code} and field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String code, String detail, String instance,
                      String correlationId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending request field: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
