package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Another agreement replaced this one; {@code lastDayInForce} is the last day this one was in force.
 *
 * <p>Revision 2 names the field {@code lastDayInForce}, as every event that ends an agreement now
 * does; revision 1 called it {@code supersededOn} and is upcast when read.
 */
@Revision("2")
public record AgreementSuperseded(UUID agreementId, UUID supersededBy, LocalDate lastDayInForce)
        implements AgreementEvent {

    @Override
    public LocalDate effectiveOn() {
        return lastDayInForce;
    }
}
