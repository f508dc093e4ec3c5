package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Enters a new agreement that was not proposed in the record first. */
public record EnterAgreement(UUID agreementId, String title, AgreementCategory category, List<String> parties,
                             LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear) {
}
