package no.samrad.cases.law.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.samrad.cases.law.api.LawMilestone;
import no.samrad.cases.law.api.LawParticipationDecision;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.web.FreeText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the law-participation endpoints. */
final class LawParticipationRequests {

    private LawParticipationRequests() {
    }

    /** The responsible ministry's answer; {@code decidedOn} defaults to today. */
    @Schema(name = "LawParticipationAnswer")
    record Decision(
            @Schema(example = "ACCEPTED") @NotNull LawParticipationDecision decision,
            @NotNull @Size(max = 4000) @FreeText
            String reasons,
            @Schema(example = "2021-05") PartialDate decidedOn) {
    }

    /** A step in the law's making; {@code reachedOn} may be a month ({@code 2021-04}). */
    @Schema(name = "NewLawParticipationMilestone")
    record Milestone(
            @Schema(example = "BILL_PRESENTED") @NotNull LawMilestone milestone,
            @Schema(example = "2021-04") @NotNull PartialDate reachedOn) {
    }
}
