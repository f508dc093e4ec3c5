package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The agreement's first term was entered (inngått), directly or on a proposal. */
@Revision("1")
public record AgreementEntered(UUID agreementId, String title, AgreementCategory category, List<String> parties,
                               LocalDate enteredOn, LocalDate expiresOn, int firstEnteredYear)
        implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return enteredOn;
    }
}
