package no.samrad.audit.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a record's change log (endringslogg): what one event changed, when, and by whom.
 *
 * @param position the event's place in the published log, or -1 until the log has reached it
 * @param actor    the token's subject, or {@code samrad:<job>} for Samråd itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordChange(long position, String eventId, long sequence, String type, Instant recordedAt,
                           LocalDate effectiveOn, String actor, String party, List<FieldChange> changes) {

    /**
     * A field and its value before and after. {@code field} is the record's own field, or an entry's:
     * {@code estimates[<id>].amountNok}. {@code oldValue} is absent where the field had none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldChange(String field,
                              @Schema(implementation = Object.class, description = "Any JSON value") JsonNode oldValue,
                              @Schema(implementation = Object.class, description = "Any JSON value") JsonNode newValue) {
    }
}
