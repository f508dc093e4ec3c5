package no.samrad.material.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Appendix a (cost-calculation cases) or b (law-participation cases) of a meeting's material: the
 * cases carried over to the meeting, that is reported to an earlier meeting and still open on its
 * date; appendix a also lists those concluded earlier in the meeting's year.
 *
 * @param asOf the day the table holds for: the meeting's date, or its last day where the date is
 *             known only to the month or the year
 */
public record CaseAppendix(UUID meetingId, String meeting, String meetingDate, LocalDate asOf, List<Row> rows) {

    /** {@code reportedAt} is the title of the meeting the case was reported to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseAppendixRow")
    public record Row(UUID caseId, String caseNumber, List<String> ministries, String title, UUID reportedAtMeeting,
                      String reportedAt, String reportedOn, String concludedOn) {
    }
}
