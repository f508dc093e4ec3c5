package no.samrad.audit;

import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Cases.meeting;
import static no.samrad.support.Cases.newCase;
import static no.samrad.support.Cases.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.support.Api;
import no.samrad.support.MovableClock;
import no.samrad.support.WithDemoData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rebuild folds the history in memory and writes each view once; the live processors run the
 * handlers event by event. On the 2021 material and a history that uses every kind of event, both
 * must leave every row of every read model exactly alike.
 */
@QuarkusTest
@TestProfile(RebuildEquivalenceTest.OwnDemoData.class)
class RebuildEquivalenceTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    /** A start of its own, on a fresh store: the test adds records that DemoDataTest must not see. */
    public static class OwnDemoData extends WithDemoData {
    }

    private static final String ADMIN = "/api/v1/admin/projections";
    /** Each read model's tables, its views' and its counts'. */
    private static final Map<String, List<String>> TABLES = Map.of(
            "agreements", List.of("agreement_view", "agreement_view_term", "agreement_view_party",
                    "agreement_view_count"),
            "cases", List.of("case_view", "case_view_ministry", "case_view_agenda", "case_view_input",
                    "case_view_count"),
            "cost-cases", List.of("cost_case_view", "cost_case_estimate", "cost_case_status_update",
                    "cost_case_view_count"),
            "law-participation", List.of("law_participation_view", "law_participation_milestone",
                    "law_participation_view_count"),
            "meetings", List.of("meeting_view", "meeting_view_count"));

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProjectionCatchUp catchUp;

    @Test
    void everyReadModelRebuiltInMemoryHoldsTheRowsItsHandlersWrote() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.given().queryParam("status",
                "EXPIRED").when().get("/api/v1/agreements").then().body("total", org.hamcrest.Matchers.equalTo(10)));
        historyWithEveryKindOfEvent();
        for (String model : TABLES.keySet()) {
            assertTrue(catchUp.await(model, Duration.ofSeconds(30)), model + " caught up");
        }

        for (Map.Entry<String, List<String>> model : TABLES.entrySet()) {
            Map<String, List<String>> before = rows(model.getValue());
            assertTrue(before.get(model.getValue().get(0)).size() > 0, model.getKey() + " holds views");

            Api.as(null, "samrad:admin").when().post(ADMIN + "/" + model.getKey() + "/rebuild").then()
                    .statusCode(202);
            Awaitility.await("rebuild of " + model.getKey()).atMost(Duration.ofSeconds(60)).until(() -> {
                String state = Api.as(null, "samrad:admin").when().get(ADMIN).then().statusCode(200).extract()
                        .path("find { it.name == '" + model.getKey() + "' }.rebuild.state");
                assertTrue(!"FAILED".equals(state), model.getKey() + " rebuild failed");
                return "DONE".equals(state);
            });

            assertEquals(before, rows(model.getValue()), model.getKey());
        }
    }

    /** Renewal, renegotiation, termination, cancellation, inputs, estimates and their assessment, withdrawal. */
    private void historyWithEveryKindOfEvent() {
        String renewed = enter("Avtale som fornyes og sies opp", List.of("HOD", "KS"), LocalDate.of(2066, 1, 1),
                LocalDate.of(2067, 12, 31));
        post("/api/v1/agreements/" + renewed + "/renegotiations", Map.of("startedOn", "2067-06-01"))
                .statusCode(200);
        post("/api/v1/agreements/" + renewed + "/renewals", Map.of("enteredOn", "2067-12-01",
                "expiresOn", "2070-12-31")).statusCode(200);
        post("/api/v1/agreements/" + renewed + "/termination", Map.of("terminatedOn", "2069-06-30",
                "reason", "Avløst")).statusCode(200);

        String held = meeting("2066-03");
        String cancelled = meeting("2066-10");
        post("/api/v1/meetings/" + cancelled + "/cancellation", Map.of("cancelledOn", "2066-09-01",
                "reason", "Flyttet")).statusCode(200);

        Map<String, Object> cost = newCase("COST_CALCULATION", "Kostnader som vurderes", List.of("BFD"), held);
        cost.put("reform", "Reform");
        String costCase = report(cost);
        String estimate = Api.as("BFD", Api.KS_READ_WRITE).contentType(ContentType.JSON)
                .body(Map.of("amountNok", 1250000.5, "periodFrom", 2067, "basis", "B", "method", "M"))
                .when().post("/api/v1/cost-cases/" + costCase + "/estimates").then().statusCode(200).extract()
                .path("estimates[0].id");
        post("/api/v1/cost-cases/" + costCase + "/estimates/" + estimate + "/assessment",
                Map.of("verdict", "DISAGREES", "reasons", "For lavt")).statusCode(200);
        post("/api/v1/cost-cases/" + costCase + "/status-updates", Map.of("meeting", held, "text", "Pågår"))
                .statusCode(200);

        String discussed = report(newCase("SECTOR_MATTER", "Sak som drøftes og trekkes", List.of("KD"), held));
        post("/api/v1/cases/" + discussed + "/agenda-items", Map.of("meeting", held)).statusCode(200);
        clock.setToday(LocalDate.of(2066, 12, 31));
        post("/api/v1/cases/" + discussed + "/inputs", Map.of("text", "Innspill", "givenOn", "2066-02-01"))
                .statusCode(200);
        post("/api/v1/cases/" + discussed + "/discussions", Map.of("meeting", held, "outcome", "DISCUSSED",
                "note", "Drøftet")).statusCode(200);
        post("/api/v1/cases/" + discussed + "/withdrawal", Map.of("withdrawnOn", "2066-05-01",
                "reason", "Løst på annen måte")).statusCode(200);
    }

    /** Every row of each table, as text, in a stable order. */
    private Map<String, List<String>> rows(List<String> tables) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement()) {
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                // A count the handlers brought down to 0 stays as a row; a rebuild writes no such row.
                String where = table.endsWith("_count") ? " WHERE n <> 0" : "";
                try (ResultSet result = query.executeQuery("SELECT * FROM " + table + where)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            line.append(result.getMetaData().getColumnName(column)).append('=')
                                    .append(result.getString(column)).append(' ');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                rows.put(table, lines);
            }
        }
        return rows;
    }
}
