package no.samrad.material.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.agreement.api.AgreementCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Appendix c of a meeting's material: the bilateral agreements in force on the meeting's date,
 * each with the term then in force.
 *
 * @param inForceOn the day the table holds for: the meeting's date, or its last day where the date
 *                  is known only to the month or the year
 */
public record AppendixC(UUID meetingId, String meeting, String meetingDate, LocalDate inForceOn, List<Row> rows) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AppendixCRow")
    public record Row(UUID agreementId, String title, AgreementCategory category, List<String> parties,
                      LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear) {
    }
}
