package no.samrad.demo;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import no.samrad.history.HistoryImport;
import no.samrad.infrastructure.startup.StartupTask;
import no.samrad.party.api.RegisterEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports the 2021 material into a store that holds no records yet: appendix c, the proposed
 * agreements of chapter 2, the meetings the material names and its cases (chapters 2, 3 and 5 and
 * appendices a and b), from {@value #SOURCE} in the import format (docs/import.md), through the
 * same commands a client sends, so that the history is real. The file names parties by the codes
 * of each record's day (BLD for the agreement of 2018 the material lists under BFD).
 */
@ApplicationScoped
class DemoDataImporter implements StartupTask {

    static final String SOURCE = "demo/konsultasjon-2021.ndjson";
    private static final Logger LOG = Logger.getLogger(DemoDataImporter.class);

    private final boolean enabled;
    private final HistoryImport history;
    private final AgroalDataSource dataSource;

    DemoDataImporter(@ConfigProperty(name = "samrad.demo-data") boolean enabled, HistoryImport history,
                     AgroalDataSource dataSource) {
        this.enabled = enabled;
        this.history = history;
        this.dataSource = dataSource;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void run() {
        if (!enabled || holdsRecords()) {
            return;
        }
        HistoryImport.Report report;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Demo data " + SOURCE + " is missing from the application");
            }
            report = history.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SOURCE, e);
        }
        if (report.refused() > 0) {
            throw new IllegalStateException("The 2021 material was refused: " + report.outcomes());
        }
        LOG.infof("Imported %d agreements, %d meetings and %d cases of the 2021 material from %s.",
                count(report, HistoryImport.RecordKind.AGREEMENT), count(report, HistoryImport.RecordKind.MEETING),
                count(report, HistoryImport.RecordKind.CASE), SOURCE);
    }

    private static long count(HistoryImport.Report report, HistoryImport.RecordKind kind) {
        return report.outcomes().stream().filter(outcome -> outcome.kind() == kind).count();
    }

    /** Whether the store holds any record besides the party register, which every store opens with. */
    private boolean holdsRecords() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM domain_event_entry WHERE aggregate_identifier <> ? FETCH FIRST 1 ROWS ONLY")) {
            statement.setString(1, RegisterEvent.REGISTER_ID);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell whether the store is empty", e);
        }
    }
}
