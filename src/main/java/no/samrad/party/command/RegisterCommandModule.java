package no.samrad.party.command;

import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import no.samrad.infrastructure.axon.AxonModule;
import no.samrad.infrastructure.axon.VersionCheckedRepository;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Registers the register aggregate and gives command handlers the sender's {@code Entitlement},
 * judged by the stored register; every command first brings the register up to date.
 */
@ApplicationScoped
class RegisterCommandModule implements AxonModule {

    private final StoredRegister register;

    RegisterCommandModule(StoredRegister register) {
        this.register = register;
    }

    @Override
    public Collection<ParameterResolverFactory> parameterResolvers() {
        return List.of(new EntitlementResolver((StoredRegister) ClientProxy.unwrap(register)));
    }

    @Override
    public void configure(Configurer configurer) {
        StoredRegister stored = (StoredRegister) ClientProxy.unwrap(register);
        configurer.configureAggregate(VersionCheckedRepository.aggregate(Register.class, 0));
        configurer.onInitialize(configuration -> configuration.onStart(() -> {
            stored.attach(configuration.eventStore());
            configuration.commandBus().registerHandlerInterceptor((unitOfWork, chain) -> {
                stored.refresh();
                return chain.proceed();
            });
        }));
    }
}
