package no.samrad.infrastructure.axon;

import java.util.Collection;
import java.util.List;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * A business capability's contribution to the Axon configuration: its aggregates, command
 * handlers and the components they consult. Each slice provides one as a CDI bean;
 * {@link AxonRuntime} applies them all before it starts Axon. Projections need no module: they
 * implement {@link Projection}.
 */
public interface AxonModule {

    void configure(Configurer configurer);

    /**
     * The capability's stored types that moved to another package and say where they were stored
     * ({@code StoredAs}), so that their stored name still finds them.
     */
    default Collection<Class<?>> movedTypes() {
        return List.of();
    }

    /** What the capability gives every handler that names it as a parameter, besides Axon's own. */
    default Collection<ParameterResolverFactory> parameterResolvers() {
        return List.of();
    }
}
