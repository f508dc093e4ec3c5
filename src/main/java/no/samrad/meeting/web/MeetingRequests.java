package no.samrad.meeting.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.web.FreeText;
import no.samrad.infrastructure.web.SingleLine;
import no.samrad.meeting.api.MeetingKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the meeting endpoints. */
final class MeetingRequests {

    private MeetingRequests() {
    }

    /**
     * Schedules a meeting; a consultation meeting names its {@code number} in the budget cycle
     * ({@code FIRST_CONSULTATION} and {@code SECOND_CONSULTATION} imply 1 and 2), {@code budgetYear}
     * defaults to the following year, {@code title} to the usual name.
     */
    record NewMeeting(
            @Schema(example = "CONSULTATION") @NotNull MeetingKind kind,
            @Schema(description = "A consultation meeting's number in its budget cycle", example = "2")
            Integer number,
            @Schema(example = "2021-04") @NotNull PartialDate date,
            @Schema(example = "2022") Integer budgetYear,
            @Schema(description = "The ministry of a bilateral meeting; absent for the others", example = "KMD")
            @Size(max = 16) String ministry,
            @Size(max = 500) @SingleLine String title) {
    }

    /** Records that the meeting took place; {@code heldOn} may be more precise than the scheduled date. */
    @Schema(name = "MeetingCompletion")
    record Completion(
            @Schema(example = "2021-04-20") PartialDate heldOn) {
    }

    @Schema(name = "MeetingCancellation")
    record Cancellation(
            @Schema(example = "2021-04-10") @NotNull LocalDate cancelledOn,
            @Schema(example = "Flyttet til digitalt møte")
            @NotNull @Size(max = 4000) @FreeText
            String reason) {
    }
}
