package no.samrad.infrastructure.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/** The two databases {@link ReadRouting} chooses between: the primary, and the streaming replica. */
@PersistenceUnitExtension
@ApplicationScoped
@IfBuildProfile("pg")
class ReadDatabases implements TenantConnectionResolver {

    private final ConnectionProvider primary;
    private final Instance<AgroalDataSource> replica;
    private volatile ConnectionProvider replicaConnections;

    ReadDatabases(AgroalDataSource primary, @DataSource(WalPositions.REPLICA) Instance<AgroalDataSource> replica) {
        this.primary = new QuarkusConnectionProvider(primary);
        this.replica = replica;
    }

    @Override
    public ConnectionProvider resolve(String database) {
        if (!WalPositions.REPLICA.equals(database)) {
            return primary;
        }
        ConnectionProvider connections = replicaConnections;
        if (connections == null) {
            connections = new QuarkusConnectionProvider(replica.get());
            replicaConnections = connections;
        }
        return connections;
    }
}
