package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The agreement's term ran out without renewal. Raised by Samråd itself; {@code lastDayInForce} is
 * the term's expiry date, whenever the expiry was noticed.
 *
 * <p>Revision 2 names the field {@code lastDayInForce}, as every event that ends an agreement now
 * does; revision 1 called it {@code expiredOn} and is upcast when read.
 */
@Revision("2")
public record AgreementExpired(UUID agreementId, LocalDate lastDayInForce) implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return lastDayInForce;
    }
}
