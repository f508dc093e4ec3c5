package no.samrad.infrastructure.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.instance.WorkLeases;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A read-only instance (a replay of an export, {@code samrad.read-only}) refuses every request
 * that would change something, before it reaches a resource: its store is the export's, and
 * nothing may be added to it.
 */
class ReadOnlyFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final boolean readOnly;

    ReadOnlyFilter(@ConfigProperty(name = WorkLeases.READ_ONLY, defaultValue = "false") boolean readOnly) {
        this.readOnly = readOnly;
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseChanges(ContainerRequestContext request) {
        if (readOnly && !READS.contains(request.getMethod())) {
            throw new DomainException(CommonErrors.READ_ONLY, "This Samråd is a replay of an export: it serves"
                    + " reads only, and " + request.getMethod() + " changes nothing here.");
        }
    }
}
