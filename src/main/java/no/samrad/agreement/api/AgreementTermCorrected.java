package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The current term's dates were recorded wrongly and are, in fact, {@code enteredOn} to
 * {@code expiresOn}. The correction is recorded now but takes effect from the corrected entry date:
 * recorded time and effective time are kept apart (docs/auditing.md).
 */
@Revision("1")
public record AgreementTermCorrected(UUID agreementId, LocalDate enteredOn, LocalDate expiresOn, String reason)
        implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return enteredOn;
    }
}
