package no.samrad.cases.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.DiscussionOutcome;
import no.samrad.cases.api.LawKind;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.web.FreeText;
import no.samrad.infrastructure.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the case endpoints. */
final class CaseRequests {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 8000;
    static final int MAX_REASON = 4000;
    static final int MAX_CODE = 16;

    private CaseRequests() {
    }

    /**
     * Reports a case. {@code reportedOn} defaults to today, {@code reportedBy} to the caller's
     * party. A cost-calculation case names its {@code reform}, a law-participation case its
     * {@code law}; the other kinds name neither.
     */
    record NewCase(
            @Schema(example = "SECTOR_MATTER") @NotNull CaseKind kind,
            @Schema(example = "Boligpolitiske virkemidler")
            @NotNull @Size(max = MAX_TITLE) @SingleLine
            String title,
            @Schema(description = "The responsible ministries; none for a cross-sector theme without one",
                    example = "[\"KMD\"]")
            @Size(max = 10) List<@NotBlank @Size(max = MAX_CODE) String> ministries,
            @Schema(example = "KS") @Size(max = MAX_CODE) String reportedBy,
            @Schema(description = "The meeting the case is reported to") @NotNull UUID meeting,
            @Schema(example = "2021-03-15") PartialDate reportedOn,
            @Size(max = MAX_TEXT) @FreeText String summary,
            @Schema(description = "Cost-calculation cases only: the reform whose costs are calculated",
                    example = "Barnevernsreformen")
            @Size(max = MAX_TITLE) @SingleLine String reform,
            @Schema(description = "Law-participation cases only: the law or regulation drafted")
            @Valid Law law) {
    }

    @Schema(name = "LawInQuestion")
    record Law(
            @Schema(example = "Ny opplæringslov")
            @NotNull @Size(max = MAX_TITLE) @SingleLine
            String title,
            @Schema(description = "LAW or REGULATION; left out while not known", example = "LAW") LawKind kind,
            @Schema(description = "Whether the rules stem from EU/EEA rules; false when left out") Boolean eeaOrigin) {
    }

    /** A party's written input (innspill); {@code party} defaults to the caller's, {@code givenOn} to today. */
    @Schema(name = "NewCaseInput")
    record NewInput(
            @Schema(example = "KS") @Size(max = MAX_CODE) String party,
            @Schema(example = "2021-04-06") LocalDate givenOn,
            @NotNull @Size(max = MAX_TEXT) @FreeText String text,
            @Schema(description = "The meeting the input was given to, if any") UUID meeting) {
    }

    @Schema(name = "NewCaseAgendaItem")
    record AgendaItem(
            @Schema(description = "The scheduled meeting whose agenda is to hold the case") @NotNull UUID meeting) {
    }

    @Schema(name = "CaseDiscussion")
    record Discussion(
            @NotNull UUID meeting,
            @Schema(example = "DISCUSSED") @NotNull DiscussionOutcome outcome,
            @Size(max = MAX_REASON) @FreeText String note) {
    }

    /** Concludes the case; a cost-calculation case names its final estimate. */
    @Schema(name = "CaseConclusion")
    record Conclusion(
            @Schema(example = "2021-04") @NotNull PartialDate concludedOn,
            @Schema(example = "Ferdigbehandlet")
            @NotNull @Size(max = MAX_REASON) @FreeText
            String outcome,
            @Schema(description = "Cost-calculation cases only: the estimate the case ends with") UUID finalEstimate) {
    }

    @Schema(name = "CaseWithdrawal")
    record Withdrawal(
            @Schema(example = "2021-05-01") @NotNull LocalDate withdrawnOn,
            @NotNull @Size(max = MAX_REASON) @FreeText
            String reason) {
    }
}
