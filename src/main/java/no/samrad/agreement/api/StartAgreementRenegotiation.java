package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartAgreementRenegotiation(@TargetAggregateIdentifier UUID agreementId, LocalDate startedOn, @TargetAggregateVersion Long expectedVersion) {
}
