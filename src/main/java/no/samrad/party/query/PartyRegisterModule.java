package no.samrad.party.query;

import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import no.samrad.infrastructure.axon.AxonModule;
import no.samrad.party.api.PartyRegister;
import org.axonframework.config.Configurer;

/** Offers the party register to command handlers, which name it as a handler parameter. */
@ApplicationScoped
public class PartyRegisterModule implements AxonModule {

    private final PartyRegister register;

    PartyRegisterModule(PartyRegister register) {
        this.register = register;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(PartyRegister.class, c -> ClientProxy.unwrap(register));
    }
}
