package no.samrad.agreement.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.infrastructure.web.FreeText;
import no.samrad.infrastructure.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the agreement endpoints. Dates are ISO {@code yyyy-MM-dd}. */
final class AgreementRequests {

    static final int MAX_TITLE = 1000;
    static final int MAX_REASON = 4000;
    static final int MAX_PARTIES = 20;
    static final int MAX_CODE = 16;

    private AgreementRequests() {
    }

    /** Enters a new agreement. {@code firstEnteredYear} defaults to the entry year. */
    record NewAgreement(
            @Schema(example = "Avtale om gjennomføring av Leve hele livet 2019–2023")
            @NotNull @Size(max = MAX_TITLE) @SingleLine
            String title,
            @Schema(example = "WELFARE_SERVICES") @NotNull AgreementCategory category,
            @Schema(example = "[\"HOD\", \"KS\"]")
            @NotEmpty @Size(max = MAX_PARTIES) List<@NotBlank @Size(max = MAX_CODE) String> parties,
            @Schema(example = "2018-06-26") @NotNull LocalDate enteredOn,
            @Schema(example = "2023-12-31") @NotNull LocalDate expiresOn,
            @Schema(description = "The year the line's first agreement was entered; taken from the line where"
                    + " the agreement continues one", example = "2018") Integer firstEnteredYear,
            @Schema(description = "The earlier agreement of the same line, which this one continues")
            UUID continues,
            @Schema(description = "The ministry among the parties that coordinates the agreement", example = "HOD")
            @Size(max = MAX_CODE) @SingleLine String coordinator) {
    }

    @Schema(name = "AgreementProposal")
    record Proposal(
            @NotNull @Size(max = MAX_TITLE) @SingleLine
            String title,
            AgreementCategory category,
            @NotEmpty @Size(max = MAX_PARTIES) List<@NotBlank @Size(max = MAX_CODE) String> parties,
            @Size(max = MAX_CODE) String proposedBy,
            @NotNull LocalDate proposedOn) {
    }

    /** Enters a proposed agreement; omitted fields keep the proposal's. */
    @Schema(name = "AgreementEntry")
    record Entry(
            @Size(min = 1, max = MAX_TITLE) @SingleLine
            String title,
            AgreementCategory category,
            @Size(min = 1, max = MAX_PARTIES) List<@NotBlank @Size(max = MAX_CODE) String> parties,
            @NotNull LocalDate enteredOn,
            @NotNull LocalDate expiresOn,
            Integer firstEnteredYear) {
    }

    record Renegotiation(@Schema(example = "2023-06-01") @NotNull LocalDate startedOn) {
    }

    /** A new term; {@code parties} omitted keeps the current term's. */
    record Renewal(
            @Schema(example = "2023-11-01") @NotNull LocalDate enteredOn,
            @Schema(example = "2027-12-31") @NotNull LocalDate expiresOn,
            @Schema(example = "[\"HOD\", \"KS\"]")
            @Size(min = 1, max = MAX_PARTIES) List<@NotBlank @Size(max = MAX_CODE) String> parties,
            @Schema(description = "The ministry among the parties that coordinates the new term", example = "HOD")
            @Size(max = MAX_CODE) @SingleLine String coordinator) {
    }

    record Termination(
            @Schema(example = "2022-06-30") @NotNull LocalDate terminatedOn,
            @Schema(example = "Avløst av lovregulering")
            @NotNull @Size(max = MAX_REASON) @FreeText
            String reason) {
    }

    record Supersession(@NotNull UUID supersededBy, @NotNull LocalDate supersededOn) {
    }

    /** Corrects the current term's dates as recorded; a date left out stays as it is. */
    @Schema(name = "AgreementTermCorrection")
    record Correction(
            @Schema(example = "2023-11-15") LocalDate enteredOn,
            @Schema(example = "2027-12-31") LocalDate expiresOn,
            @Schema(example = "Avtalen ble undertegnet 15. november 2023, ikke 1. januar 2024")
            @NotNull @Size(max = MAX_REASON) @FreeText
            String reason) {
    }
}
