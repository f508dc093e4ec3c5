package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records that {@code supersededBy}, an agreement in the record, replaced this one. With
 * {@code expectedVersion} set, refused if the record has changed since that version.
 */
public record SupersedeAgreement(UUID agreementId, UUID supersededBy, LocalDate supersededOn, @TargetAggregateVersion Long expectedVersion) {
}
