package no.samrad.infrastructure.startup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.instance.ServiceInstances;
import no.samrad.infrastructure.instance.WorkLeases;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once start-up is complete and every read model is running and no further behind the event
 * store than {@code samrad.health.max-projection-lag} events. The database's own readiness is
 * checked by the datasource's health check.
 */
@Readiness
@ApplicationScoped
class ProjectionReadiness implements HealthCheck {

    private final StartupSequence startup;
    private final ProjectionCatchUp projections;
    private final long maxLag;
    private final ServiceInstances instances;
    private final WorkLeases leases;

    ProjectionReadiness(StartupSequence startup, ProjectionCatchUp projections,
                        @ConfigProperty(name = "samrad.health.max-projection-lag") long maxLag,
                        ServiceInstances instances, WorkLeases leases) {
        this.instances = instances;
        this.leases = leases;
        this.startup = startup;
        this.projections = projections;
        this.maxLag = maxLag;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read models")
                .withData("instance", instances.self());
        if (!startup.isReady()) {
            return response.down().withData("state", "starting").build();
        }
        long head = projections.headPosition();
        boolean up = true;
        for (String name : projections.processorNames()) {
            long lag = Math.max(0, head - projections.position(name).orElse(-1));
            boolean running = projections.processor(name).isRunning();
            response.withData(name + ".lag", lag).withData(name + ".running", running);
            up &= running && lag <= maxLag;
        }
        Map<String, String> held = new TreeMap<>(leases.holders());
        held.putAll(projections.holders());
        response.withData("holds", held.entrySet().stream().filter(work -> work.getValue().equals(instances.self()))
                .map(Map.Entry::getKey).collect(Collectors.joining(",")));
        return response.status(up).build();
    }
}
