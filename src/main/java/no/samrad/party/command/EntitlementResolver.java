package no.samrad.party.command;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.party.api.Entitlement;
import no.samrad.party.api.PartyRegister;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Gives a command handler that names an {@link Entitlement} parameter the command's sender, read
 * from its metadata, with the register as the command finds it.
 */
final class EntitlementResolver implements ParameterResolverFactory, ParameterResolver<Entitlement> {

    private final PartyRegister register;

    EntitlementResolver(PartyRegister register) {
        this.register = register;
    }

    @Override
    public ParameterResolver<Entitlement> createInstance(Executable executable, Parameter[] parameters, int index) {
        return Entitlement.class.equals(parameters[index].getType()) ? this : null;
    }

    @Override
    public Entitlement resolveParameterValue(Message<?> message) {
        Object party = message.getMetaData().get(EventMetadata.PARTY);
        return new Entitlement(party == null ? null : party.toString(),
                Boolean.TRUE.equals(message.getMetaData().get(EventMetadata.SYSTEM)), register);
    }

    @Override
    public boolean matches(Message<?> message) {
        return true;
    }
}
