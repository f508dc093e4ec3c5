package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Corrects the dates of the current term as recorded ("the agreement was in fact entered on
 * another date"); a date left out stays as it is.
 */
public record CorrectAgreementTerm(@TargetAggregateIdentifier UUID agreementId, LocalDate enteredOn,
                                   LocalDate expiresOn, String reason, @TargetAggregateVersion Long expectedVersion) {
}
