package no.samrad.audit.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An event of the published log, as the feed and the export show it.
 *
 * @param position   its place in the log: dense, from 1, never reused
 * @param recordKind the kind of record: Agreement, Meeting or Case
 * @param type       the event type's simple name, such as {@code AgreementRenewed}
 * @param actor      who caused it: the token's subject, or {@code samrad:<job>} for Samråd itself
 * @param payload    the stored payload
 * @param canonical  in the export only: the base64 canonical form that {@code hash} is the SHA-256 of
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedEvent(long position, String eventId, String recordKind, String recordId, long sequence, String type,
                        String revision, Instant recordedAt, LocalDate effectiveOn, String actor, String party,
                        String correlationId,
                        @Schema(implementation = Object.class, description = "The payload as stored") JsonNode payload,
                        @Schema(implementation = Object.class, description = "The metadata as stored") JsonNode metadata,
                        String previousHash, String hash, String canonical) {
}
