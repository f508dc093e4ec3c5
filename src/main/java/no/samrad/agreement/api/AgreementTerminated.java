package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The agreement was ended before its expiry date; {@code terminatedOn} is its last day in force. */
@Revision("1")
public record AgreementTerminated(UUID agreementId, LocalDate terminatedOn, String reason) implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return terminatedOn;
    }
}
