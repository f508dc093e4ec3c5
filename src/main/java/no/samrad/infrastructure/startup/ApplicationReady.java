package no.samrad.infrastructure.startup;

/** Fired asynchronously once Axon runs and every {@link StartupTask} has finished. */
public record ApplicationReady() {
}
