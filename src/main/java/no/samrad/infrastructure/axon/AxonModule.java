package no.samrad.infrastructure.axon;

import org.axonframework.config.Configurer;

/**
 * A business capability's contribution to the Axon configuration: its aggregates, command
 * handlers and projections. Each slice provides one as a CDI bean; {@link AxonRuntime} applies
 * them all before it starts Axon.
 */
public interface AxonModule {

    void configure(Configurer configurer);
}
