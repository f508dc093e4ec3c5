package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enters a new term, at once or after the agreement lapsed; {@code parties} left out keeps the
 * current term's parties, {@code coordinator} left out keeps the current one where it is still a party.
 */
public record RenewAgreement(@TargetAggregateIdentifier UUID agreementId, LocalDate enteredOn, LocalDate expiresOn,
                             List<String> parties, String coordinator, @TargetAggregateVersion Long expectedVersion) {
}
