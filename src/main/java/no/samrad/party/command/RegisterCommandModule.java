package no.samrad.party.command;

import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import no.samrad.infrastructure.axon.AxonModule;
import no.samrad.infrastructure.axon.VersionCheckedRepository;
import no.samrad.party.api.PartyRegister;
import org.axonframework.config.Configurer;

/**
 * Registers the register aggregate and offers the stored register to command handlers, which name
 * it as a handler parameter; every command first brings the register up to date.
 */
@ApplicationScoped
public class RegisterCommandModule implements AxonModule {

    private final StoredRegister register;

    RegisterCommandModule(StoredRegister register) {
        this.register = register;
    }

    @Override
    public void configure(Configurer configurer) {
        StoredRegister stored = (StoredRegister) ClientProxy.unwrap(register);
        configurer.configureAggregate(VersionCheckedRepository.aggregate(Register.class, 0));
        configurer.registerComponent(PartyRegister.class, c -> stored);
        configurer.onInitialize(configuration -> configuration.onStart(() -> {
            stored.attach(configuration.eventStore());
            configuration.commandBus().registerHandlerInterceptor((unitOfWork, chain) -> {
                stored.refresh();
                return chain.proceed();
            });
        }));
    }
}
