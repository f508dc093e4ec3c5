package no.samrad.infrastructure.startup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.samrad.infrastructure.axon.ProjectionRebuilder;
import no.samrad.infrastructure.axon.ReadModels;
import org.jboss.logging.Logger;

/**
 * Brings the read models of a store written by an earlier release up to date once. That release
 * kept them after the commit, in processors whose tokens tell how far they had come; what they had
 * not reached when it stopped would never reach a model kept inline. So a model that still has
 * tokens is rebuilt from its history before Samråd reports itself ready, and its tokens go.
 */
@ApplicationScoped
public class EarlierReadModels implements StartupTask {

    private static final Logger LOG = Logger.getLogger(EarlierReadModels.class);

    private final ReadModels readModels;
    private final ProjectionRebuilder rebuilder;
    private final AgroalDataSource dataSource;

    EarlierReadModels(ReadModels readModels, ProjectionRebuilder rebuilder, AgroalDataSource dataSource) {
        this.readModels = readModels;
        this.rebuilder = rebuilder;
        this.dataSource = dataSource;
    }

    /** Before anything else that reads or writes the models. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void run() {
        Set<String> withTokens = processorsWithTokens();
        List<String> earlier = readModels.names().stream().filter(withTokens::contains).toList();
        if (earlier.isEmpty()) {
            return;
        }
        LOG.infof("The read models %s were kept after the commit by an earlier release; rebuilding them", earlier);
        rebuilder.rebuildNow(earlier);
        earlier.forEach(this::forgetTokens);
    }

    private Set<String> processorsWithTokens() {
        Set<String> names = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT DISTINCT processor_name FROM token_entry");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the processors' tokens", e);
        }
        return names;
    }

    private void forgetTokens(String model) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM token_entry WHERE processor_name = ?")) {
            delete.setString(1, model);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget the tokens of " + model, e);
        }
    }
}
