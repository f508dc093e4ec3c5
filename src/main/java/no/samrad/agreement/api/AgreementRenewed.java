package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A new term was entered; the earlier terms stay in the agreement's history. A term entered after
 * the one before had expired leaves the days between out of force (the agreement lapsed then).
 * {@code coordinator} is the ministry that coordinates the new term, if one is named; revision 1
 * had none and is upcast with it absent.
 */
@Revision("2")
public record AgreementRenewed(UUID agreementId, List<String> parties, LocalDate enteredOn, LocalDate expiresOn,
                               String coordinator) implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return enteredOn;
    }
}
