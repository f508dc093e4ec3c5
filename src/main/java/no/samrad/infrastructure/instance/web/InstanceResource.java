package no.samrad.infrastructure.instance.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.instance.ServiceInstances;
import no.samrad.infrastructure.instance.WorkLeases;
import no.samrad.infrastructure.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The instances that share the database, for {@code samrad:admin}: which are alive, and which holds what. */
@Tag(name = "Instances", description = "The instances sharing the database and the work each holds (samrad:admin)")
@Path("/api/v1/admin/instances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.ADMIN)
public class InstanceResource {

    private final ServiceInstances instances;
    private final WorkLeases leases;
    private final ProjectionCatchUp processors;

    InstanceResource(ServiceInstances instances, WorkLeases leases, ProjectionCatchUp processors) {
        this.instances = instances;
        this.leases = leases;
        this.processors = processors;
    }

    /**
     * The instances registered in the database, the answering one named {@code self}; the work
     * that runs on one instance at a time with the instance that holds it ({@code work}); and the
     * processors that follow the published log with the instance that holds their claim.
     */
    public record Instances(String self, List<ServiceInstances.Instance> instances, Map<String, String> work,
                            Map<String, String> processors) {
    }

    @GET
    public Instances listInstances() {
        return new Instances(instances.self(), instances.registered(), leases.holders(), processors.holders());
    }
}
