package no.samrad.cases.cost.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import no.samrad.cases.cost.api.AssessmentVerdict;
import no.samrad.infrastructure.web.FreeText;
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
            @NotNull @Size(max = MAX_TEXT) @FreeText
            String basis,
            @Schema(example = "Kostnad per tiltak ganger antall tiltak")
            @NotNull @Size(max = MAX_TEXT) @FreeText
            String method,
            @Schema(example = "BFD") @Size(max = 16) String madeBy,
            @Schema(example = "2021-03-01") LocalDate madeOn,
            @Schema(description = "The estimate this one revises") UUID revises) {
    }

    /** KS' assessment of a ministry's estimate; {@code assessedOn} defaults to today. */
    @Schema(name = "CostEstimateAssessment")
    record Assessment(
            @Schema(example = "DISAGREES") @NotNull AssessmentVerdict verdict,
            @NotNull @Size(max = MAX_TEXT) @FreeText
            String reasons,
            @Schema(example = "2021-03-20") LocalDate assessedOn) {
    }

    /** A status of the calculation given to a meeting; {@code givenOn} defaults to today. */
    @Schema(name = "NewCostStatusUpdate")
    record StatusUpdate(
            @NotNull UUID meeting,
            @Schema(example = "2021-04-06") LocalDate givenOn,
            @NotNull @Size(max = 8000) @FreeText String text) {
    }
}
