package no.samrad.resilience;

import static no.samrad.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.support.Agreements;
import no.samrad.support.PrivatePostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The database goes away in the middle of a run: Samråd answers 503 with Retry-After, stores
 * nothing half-way, reports not ready, and recovers by itself once the database is back. The
 * database is a private cluster of this test's own, never the machine's.
 */
@QuarkusTest
@Tag("fault")
@TestProfile(PostgresOutageTest.OnPrivateCluster.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*",
        disabledReason = "stops a PostgreSQL of its own: runs with -Ppostgresql")
class PostgresOutageTest {

    public static class OnPrivateCluster implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivatePostgres.class));
        }
    }

    private static final LocalDate ENTERED = LocalDate.of(2031, 1, 1);

    @Test
    void withoutItsDatabaseSamradAnswers503WritesNothingAndRecoversByItself() throws Exception {
        String id = Agreements.enter("Avtale før brudd", List.of("HOD", "KS"), ENTERED, ENTERED.plusYears(2));
        PrivatePostgres database = PrivatePostgres.running();

        database.stopCluster();
        try {
            given().contentType(ContentType.JSON).header("X-Correlation-Id", "outage-enter")
                    .body(Agreements.body("Avtale under brudd", List.of("HOD", "KS"), ENTERED, ENTERED.plusYears(1)))
                    .when().post(Agreements.PATH).then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("SERVICE_UNAVAILABLE"));
            given().contentType(ContentType.JSON).header("X-Correlation-Id", "outage-renew")
                    .body(Map.of("enteredOn", ENTERED.plusYears(1).toString(), "expiresOn",
                            ENTERED.plusYears(5).toString()))
                    .when().post(Agreements.PATH + "/" + id + "/renewals").then()
                    .statusCode(503).header("Retry-After", notNullValue());
            given().when().get(Agreements.PATH + "/" + id).then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
            RestAssured.given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            database.startCluster();
        }

        await("ready again").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                RestAssured.given().when().get("/q/health/ready").then().statusCode(200));
        await("commands answered with the record again").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                        given().contentType(ContentType.JSON)
                                .body(Map.of("enteredOn", ENTERED.plusYears(1).toString(), "expiresOn",
                                        ENTERED.plusYears(3).toString()))
                                .when().post(Agreements.PATH + "/" + id + "/renewals").then().statusCode(200)
                                .body("version", equalTo(1)));

        List<Map<String, Object>> events = given().queryParam("limit", 1000).when().get("/api/v1/events").then()
                .statusCode(200).extract().path("items");
        List<Object> correlations = events.stream().map(event -> event.get("correlationId")).toList();
        assertTrue(!correlations.contains("outage-enter") && !correlations.contains("outage-renew"),
                "the commands refused during the outage left nothing: " + correlations);
        assertEquals(Integer.valueOf(2), given().when().get(Agreements.PATH + "/" + id + "/history").then().statusCode(200)
                .extract().<Integer>path("size()"), "the agreement holds its entry and the renewal after the outage");
        given().when().get(Agreements.PATH + "?expiringIn=" + ENTERED.plusYears(1).getYear()).then()
                .statusCode(200).body("total", equalTo(0));
    }
}
