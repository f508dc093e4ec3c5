package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enters a proposed agreement. {@code title}, {@code category} and {@code parties} may be left out
 * to keep the proposal's; {@code firstEnteredYear} defaults to the entry year.
 */
public record EnterProposedAgreement(@TargetAggregateIdentifier UUID agreementId, String title,
                                     AgreementCategory category, List<String> parties, LocalDate enteredOn,
                                     LocalDate expiresOn, Integer firstEnteredYear,
                                     @TargetAggregateVersion Long expectedVersion) {
}
