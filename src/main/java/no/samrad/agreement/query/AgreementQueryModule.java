package no.samrad.agreement.query;

import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import no.samrad.infrastructure.axon.AxonModule;
import org.axonframework.config.Configurer;

/** Registers the agreement projection with its own pooled streaming processor. */
@ApplicationScoped
public class AgreementQueryModule implements AxonModule {

    private final AgreementProjection projection;

    AgreementQueryModule(AgreementProjection projection) {
        this.projection = projection;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> ClientProxy.unwrap(projection));
    }
}
