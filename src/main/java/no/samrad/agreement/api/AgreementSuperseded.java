package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Another agreement replaced this one; {@code supersededOn} is the last day this one was in force. */
@Revision("1")
public record AgreementSuperseded(UUID agreementId, UUID supersededBy, LocalDate supersededOn)
        implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return supersededOn;
    }
}
