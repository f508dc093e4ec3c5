package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The agreement was ended before its expiry date, on {@code lastDayInForce}.
 *
 * <p>Revision 2 names the field {@code lastDayInForce}, as every event that ends an agreement now
 * does; revision 1 called it {@code terminatedOn} and is upcast when read.
 */
@Revision("2")
public record AgreementTerminated(UUID agreementId, LocalDate lastDayInForce, String reason)
        implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return lastDayInForce;
    }
}
