package no.samrad.party.command;

import no.samrad.party.api.PartyRegister;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/** Gives the aggregate test fixtures the senders' entitlements as the service gives them. */
public final class TestEntitlements {

    private TestEntitlements() {
    }

    public static ParameterResolverFactory judgedBy(PartyRegister register) {
        return new EntitlementResolver(register);
    }
}
