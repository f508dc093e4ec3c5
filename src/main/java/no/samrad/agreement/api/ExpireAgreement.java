package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the expiry job: expires the agreement if its expiry date lies before {@code today}. */
public record ExpireAgreement(@TargetAggregateIdentifier UUID agreementId, LocalDate today) {
}
