package no.samrad.infrastructure.axon;

/**
 * Marks a CDI bean whose {@code @EventHandler} methods keep a read model. {@link AxonRuntime}
 * registers every one with a pooled streaming processor named by its {@code @ProcessingGroup}.
 */
public interface Projection {
}
