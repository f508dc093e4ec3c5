package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Enters a new agreement that was not proposed in the record first. {@code continues} names the
 * earlier agreement of its line (its parties may be those of another day); {@code coordinator}
 * the ministry among the parties that coordinates it.
 */
public record EnterAgreement(UUID agreementId, String title, AgreementCategory category, List<String> parties,
                             LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear, UUID continues,
                             String coordinator) {
}
