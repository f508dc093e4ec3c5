package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TerminateAgreement(@TargetAggregateIdentifier UUID agreementId, LocalDate terminatedOn, String reason, @TargetAggregateVersion Long expectedVersion) {
}
