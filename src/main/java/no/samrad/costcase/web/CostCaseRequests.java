package no.samrad.costcase.web;

import static no.samrad.infrastructure.web.TextRules.MULTI_LINE;
import static no.samrad.infrastructure.web.TextRules.NO_CONTROL_CHARACTERS;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import no.samrad.costcase.api.AssessmentVerdict;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the cost-case endpoints. */
final class CostCaseRequests {

    static final int MAX_TEXT = 4000;

    private CostCaseRequests() {
    }

    /**
     * An estimate, or a revision of one ({@code revises}). {@code periodTo} defaults to
     * {@code periodFrom}, {@code madeBy} to the caller's party, {@code madeOn} to today.
     */
    @Schema(name = "NewCostEstimate")
    record NewEstimate(
            @Schema(description = "NOK, at most two decimals, sent as a JSON number")
            @NotNull BigDecimal amountNok,
            @Schema(example = "2022") @NotNull Integer periodFrom,
            @Schema(example = "2025") Integer periodTo,
            @Schema(example = "Antall barn i barnevernet 2019")
            @NotBlank @Size(max = MAX_TEXT) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS)
            String basis,
            @Schema(example = "Kostnad per tiltak ganger antall tiltak")
            @NotBlank @Size(max = MAX_TEXT) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS)
            String method,
            @Schema(example = "BFD") @Size(max = 16) String madeBy,
            @Schema(example = "2021-03-01") LocalDate madeOn,
            @Schema(description = "The estimate this one revises") UUID revises) {
    }

    /** KS' assessment of a ministry's estimate; {@code assessedOn} defaults to today. */
    @Schema(name = "CostEstimateAssessment")
    record Assessment(
            @Schema(example = "DISAGREES") @NotNull AssessmentVerdict verdict,
            @NotBlank @Size(max = MAX_TEXT) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS)
            String reasons,
            @Schema(example = "2021-03-20") LocalDate assessedOn) {
    }

    /** A status of the calculation given to a meeting; {@code givenOn} defaults to today. */
    @Schema(name = "NewCostStatusUpdate")
    record StatusUpdate(
            @NotNull UUID meeting,
            @Schema(example = "2021-04-06") LocalDate givenOn,
            @NotBlank @Size(max = 8000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String text) {
    }
}
