package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enters a new term; {@code parties} left out keeps the current term's parties. */
public record RenewAgreement(@TargetAggregateIdentifier UUID agreementId, LocalDate enteredOn, LocalDate expiresOn,
                             List<String> parties, @TargetAggregateVersion Long expectedVersion) {
}
