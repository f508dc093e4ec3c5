package no.samrad.infrastructure.axon;

import org.axonframework.config.Configurer;

/**
 * A business capability's contribution to the Axon configuration: its aggregates, command
 * handlers and the components they consult. Each slice provides one as a CDI bean;
 * {@link AxonRuntime} applies them all before it starts Axon. Projections need no module: they
 * implement {@link Projection}.
 */
public interface AxonModule {

    void configure(Configurer configurer);
}
