package no.samrad.infrastructure.replica;

import io.quarkus.arc.Arc;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends the read models' reads of a {@code GET} to the streaming replica when one is configured and
 * it shows what the reader wrote: a request that carries {@link WalPositions#READ_AFTER} (the WAL position a
 * command's answer named) reads there only once the replica has replayed past it, and one without
 * reads there while the replica is serving (a malformed one is refused before, by
 * {@code ReadAfterFilter}). Everything else (commands, their read models, the
 * jobs, administration, and time travel, which reads the event store) uses the primary. The
 * decision is kept on the request, for its answer to name ({@link WalPositions#READ_FROM}).
 *
 * <p>Hibernate calls this as it opens a session, and only in the PostgreSQL build, whose read
 * models are a persistence unit with a database per "tenant": the primary and the replica.
 */
@PersistenceUnitExtension
@ApplicationScoped
@IfBuildProfile("pg")
class ReadRouting implements TenantResolver {

    private static final String PRIMARY = "primary";
    private static final String ADMINISTRATION = "/api/v1/admin/";

    private final WalPositions positions;
    private final CurrentVertxRequest request;

    ReadRouting(WalPositions positions, CurrentVertxRequest request) {
        this.positions = positions;
        this.request = request;
    }

    @Override
    public String getDefaultTenantId() {
        return PRIMARY;
    }

    @Override
    public String resolveTenantId() {
        RoutingContext current = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        if (current == null || !positions.replicaConfigured() || current.request().method() != HttpMethod.GET
                || current.request().path().startsWith(ADMINISTRATION)) {
            return PRIMARY;
        }
        String after = current.request().getHeader(WalPositions.READ_AFTER);
        boolean replica = (after == null || WalPositions.POSITION.matcher(after).matches())
                && positions.replicaHasReplayed(after);
        current.put(WalPositions.READ_FROM, replica ? WalPositions.REPLICA : PRIMARY);
        return replica ? WalPositions.REPLICA : PRIMARY;
    }
}
