package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AgreementRenegotiationStarted(UUID agreementId, LocalDate startedOn) implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return startedOn;
    }
}
