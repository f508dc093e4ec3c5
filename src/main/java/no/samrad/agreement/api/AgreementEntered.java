package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The agreement's first term was entered (inngått), directly or on a proposal. {@code continues}
 * names the earlier agreement of the same line, if any, and {@code firstEnteredYear} is then the
 * line's; {@code coordinator} is the ministry that coordinates an agreement of several ministries.
 * Revision 1 had neither; it is upcast with both absent.
 */
@Revision("2")
public record AgreementEntered(UUID agreementId, String title, AgreementCategory category, List<String> parties,
                               LocalDate enteredOn, LocalDate expiresOn, int firstEnteredYear, UUID continues,
                               String coordinator) implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return enteredOn;
    }
}
