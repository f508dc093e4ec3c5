package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The agreement's term ran out without renewal. Raised by Samråd itself; {@code expiredOn} is the
 * term's expiry date, whenever the expiry was noticed.
 */
@Revision("1")
public record AgreementExpired(UUID agreementId, LocalDate expiredOn) implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return expiredOn;
    }
}
