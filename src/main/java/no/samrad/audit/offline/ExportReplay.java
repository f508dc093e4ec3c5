package no.samrad.audit.offline;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import no.samrad.infrastructure.axon.ProjectionRebuilder;
import no.samrad.infrastructure.axon.ReadModels;
import no.samrad.infrastructure.startup.StartupTask;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A replay of an export ({@code samrad.replay.export}, set by the jar's {@code replay} command):
 * before anything else, the export's events are checked and stored, as they were stored, into a
 * fresh store, and every read model is built from them. The log's chainer then chains them again,
 * in the same order, to the same hashes. Nothing but the export is trusted; the replay serves reads
 * only ({@code samrad.read-only}).
 */
@ApplicationScoped
class ExportReplay implements StartupTask {

    private static final Logger LOG = Logger.getLogger(ExportReplay.class);
    private static final int BATCH = 1000;

    private final Optional<Path> export;
    private final AgroalDataSource dataSource;
    private final ProjectionRebuilder rebuilder;
    private final ReadModels readModels;

    ExportReplay(@ConfigProperty(name = "samrad.replay.export") Optional<String> export, AgroalDataSource dataSource,
                 ProjectionRebuilder rebuilder, ReadModels readModels) {
        this.export = export.filter(path -> !path.isBlank()).map(Path::of);
        this.dataSource = dataSource;
        this.rebuilder = rebuilder;
        this.readModels = readModels;
    }

    /** After the keys, before the party register would be opened and anything else reads a model. */
    @Override
    public int order() {
        return 2;
    }

    @Override
    public void run() {
        if (export.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (holdsEvents(connection)) {
                throw new IllegalStateException("A replay needs a fresh store, and this one holds events: give"
                        + " the replay a data directory of its own");
            }
            long stored = store(connection);
            LOG.infof("Stored the %d events of %s; building every read model from them", stored, export.get());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the export's events", e);
        }
        rebuilder.rebuildNow(readModels.names());
    }

    private long store(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index,"
                + " aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                + " payload_revision, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long[] stored = {0};
            ExportReader.read(export.get(), event -> {
                try {
                    insert.setLong(1, event.position());
                    insert.setString(2, event.recordId());
                    insert.setLong(3, event.sequence());
                    insert.setString(4, event.recordType());
                    insert.setString(5, event.eventId());
                    insert.setBytes(6, event.metadata().length == 0 ? null : event.metadata());
                    insert.setBytes(7, event.payload());
                    insert.setString(8, event.revision());
                    insert.setString(9, event.payloadType());
                    insert.setString(10, event.recordedAt());
                    insert.addBatch();
                    if (++stored[0] % BATCH == 0) {
                        insert.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IOException("Could not store the event at position " + event.position(), e);
                }
            });
            insert.executeBatch();
            return stored[0];
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + export.get(), e);
        } catch (ExportReader.BrokenExport e) {
            throw new IllegalStateException("The export does not hold together, so nothing of it is replayed: "
                    + e.getMessage());
        }
    }

    private static boolean holdsEvents(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM domain_event_entry FETCH FIRST 1 ROWS ONLY"); ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }
}
