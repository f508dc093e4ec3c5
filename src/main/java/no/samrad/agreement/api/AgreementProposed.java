package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An agreement was proposed; {@code category} and {@code proposedBy} may not be known yet. */
@Revision("1")
public record AgreementProposed(UUID agreementId, String title, AgreementCategory category, List<String> parties,
                                String proposedBy, LocalDate proposedOn) implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return proposedOn;
    }
}
