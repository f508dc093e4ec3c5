package no.samrad.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One event of a record's history as an auditor reads it.
 *
 * @param position    the event's place in the published log, across all records (-1 until the log
 *                    has reached it; see docs/auditing.md)
 * @param sequence    its place within the record, from 0
 * @param recordedAt  when Samråd stored it (UTC)
 * @param effectiveOn the calendar date it takes effect, where the event has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedEvent(long position, String eventId, long sequence, String type, Instant recordedAt,
                            LocalDate effectiveOn, Object payload, Map<String, Object> metadata) {
}
