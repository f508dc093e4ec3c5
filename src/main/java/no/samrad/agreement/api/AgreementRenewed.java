package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A new term was entered; the earlier terms stay in the agreement's history. */
@Revision("1")
public record AgreementRenewed(UUID agreementId, List<String> parties, LocalDate enteredOn, LocalDate expiresOn)
        implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return enteredOn;
    }
}
