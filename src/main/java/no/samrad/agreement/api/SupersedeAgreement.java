package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;

/** Records that {@code supersededBy}, an agreement in the record, replaced this one. */
public record SupersedeAgreement(UUID agreementId, UUID supersededBy, LocalDate supersededOn) {
}
