package no.samrad.audit;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import no.samrad.agreement.query.AgreementProjection;
import no.samrad.infrastructure.axon.ReadModels;
import no.samrad.support.Api;
import no.samrad.support.Rebuilds;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A rebuild fills tables beside the live ones and swaps them in: the model keeps its keys,
 * constraints and indexes under their names, nothing of the rebuild is left behind, and a rebuild
 * that cannot swap leaves the live model as it was.
 */
@QuarkusTest
class RebuildTablesTest {

    private static final String MODEL = AgreementProjection.PROCESSING_GROUP;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReadModels readModels;

    @Test
    void theRebuiltModelKeepsItsKeysConstraintsAndIndexesAndLeavesNothingBehind() throws SQLException {
        String renewed = enter("Avtale som bygges på nytt", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2027, 1, 1));
        no.samrad.support.Agreements.post(PATH + "/" + renewed + "/renewals",
                Map.of("enteredOn", "2026-12-01", "expiresOn", "2030-12-31")).statusCode(200);
        Map<String, List<String>> schemaBefore = schema();
        String record = given().when().get(PATH + "/" + renewed).then().statusCode(200).extract().asString();

        Rebuilds.rebuild(MODEL);

        assertEquals(schemaBefore, schema());
        assertEquals(List.of(), tablesOfRebuilds());
        assertEquals(record, given().when().get(PATH + "/" + renewed).then().statusCode(200).extract().asString());
    }

    @Test
    void aRebuildThatCannotTakeTheLiveTablesPlaceLeavesTheModelAsItWas() throws SQLException {
        String held = enter("Avtale som en annen tabell viser til", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2027, 1, 1));
        String list = given().when().get(PATH + "?limit=500").then().statusCode(200).extract().asString();
        // A table outside the model that refers to one of its rows: neither engine may replace them.
        execute("CREATE TABLE rebuild_blocker (agreement_id UUID NOT NULL, CONSTRAINT fk_rebuild_blocker"
                + " FOREIGN KEY (agreement_id) REFERENCES agreement_view (id))");
        try {
            execute("INSERT INTO rebuild_blocker (agreement_id) VALUES ('" + held + "')");
            Api.as(null, "samrad:admin").when().post("/api/v1/admin/projections/" + MODEL + "/rebuild").then()
                    .statusCode(202);
            Awaitility.await("the rebuild").atMost(Duration.ofMinutes(2))
                    .until(() -> !"RUNNING".equals(Rebuilds.state(MODEL)));

            assertEquals("FAILED", Rebuilds.state(MODEL));
            String error = Api.as(null, "samrad:admin").when().get("/api/v1/admin/projections").then()
                    .statusCode(200).extract().path("find { it.name == '" + MODEL + "' }.rebuild.error");
            assertFalse(error == null || error.isBlank(), "the failed rebuild says why");
            assertEquals(list, given().when().get(PATH + "?limit=500").then().statusCode(200).extract().asString());
            assertEquals(List.of(), tablesOfRebuilds());
        } finally {
            execute("DROP TABLE rebuild_blocker");
        }
        Rebuilds.rebuild(MODEL);
        assertEquals(list, given().when().get(PATH + "?limit=500").then().statusCode(200).extract().asString());
    }

    /** Each of the model's tables: its columns, primary key, foreign keys and indexes, by name. */
    private Map<String, List<String>> schema() throws SQLException {
        Map<String, List<String>> schema = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String table : readModels.tables(MODEL)) {
                String name = stored(metadata, table);
                List<String> facts = new ArrayList<>();
                try (ResultSet columns = metadata.getColumns(null, null, name, null)) {
                    while (columns.next()) {
                        facts.add("column " + columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME")
                                + " " + columns.getInt("COLUMN_SIZE") + " nullable=" + columns.getString("IS_NULLABLE"));
                    }
                }
                try (ResultSet keys = metadata.getPrimaryKeys(null, null, name)) {
                    while (keys.next()) {
                        facts.add("primary key " + keys.getString("PK_NAME") + " " + keys.getString("COLUMN_NAME"));
                    }
                }
                try (ResultSet references = metadata.getImportedKeys(null, null, name)) {
                    while (references.next()) {
                        facts.add("foreign key " + references.getString("FK_NAME") + " "
                                + references.getString("FKCOLUMN_NAME") + " -> "
                                + references.getString("PKTABLE_NAME") + "." + references.getString("PKCOLUMN_NAME")
                                + " on delete " + references.getShort("DELETE_RULE"));
                    }
                }
                try (ResultSet indexes = metadata.getIndexInfo(null, null, name, false, false)) {
                    while (indexes.next()) {
                        if (indexes.getString("INDEX_NAME") != null) {
                            facts.add("index " + indexes.getString("INDEX_NAME") + " "
                                    + indexes.getString("COLUMN_NAME") + " at " + indexes.getShort("ORDINAL_POSITION")
                                    + " unique=" + !indexes.getBoolean("NON_UNIQUE"));
                        }
                    }
                }
                facts.sort(null);
                assertTrue(facts.stream().anyMatch(fact -> fact.startsWith("column ")), table + " exists");
                schema.put(table, facts);
            }
        }
        return schema;
    }

    /** Tables a rebuild made or retired that are still there. */
    private List<String> tablesOfRebuilds() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet all = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (all.next()) {
                String table = all.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.endsWith("__rebuilt") || table.endsWith("__retired")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** The table's name as the database keeps it (H2 folds unquoted names to upper case, PostgreSQL to lower). */
    private static String stored(DatabaseMetaData metadata, String table) throws SQLException {
        return metadata.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
