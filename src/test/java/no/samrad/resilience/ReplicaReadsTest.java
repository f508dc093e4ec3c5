package no.samrad.resilience;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.infrastructure.replica.WalPositions;
import no.samrad.support.Agreements;
import no.samrad.support.Api;
import no.samrad.support.PrivatePostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Reads from a real streaming replica (pg_basebackup of a private cluster): a reader that names its
 * write's WAL position is answered by the replica only once it has replayed that write, and by the
 * primary until then; with the replica's replay paused, a write is still read back at once.
 */
@QuarkusTest
@Tag("fault")
@TestProfile(ReplicaReadsTest.WithReplica.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*",
        disabledReason = "runs a PostgreSQL primary and replica of its own: runs with -Ppostgresql")
class ReplicaReadsTest {

    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivatePostgres.class, Map.of("replica", "true")));
        }
    }

    private static final LocalDate ENTERED = LocalDate.of(2034, 1, 1);
    private static final Duration REPLAY = Duration.ofSeconds(30);

    @Test
    void aReaderIsNeverShownAReplicaBehindItsOwnWrite() throws SQLException {
        ExtractableResponse<Response> first = enter("Avtale lest fra replikaen");
        String firstId = first.path("id");
        String firstPosition = first.header(WalPositions.READ_AFTER);
        assertTrue(firstPosition != null && WalPositions.POSITION.matcher(firstPosition).matches(),
                "a command's answer names its WAL position: " + firstPosition);
        Awaitility.await("the replica replays the write").atMost(REPLAY)
                .until(() -> "replica".equals(read(firstId, firstPosition).header(WalPositions.READ_FROM)));
        Api.given().header(WalPositions.READ_AFTER, firstPosition).when().get(Agreements.PATH + "/" + firstId)
                .then().statusCode(200).header(WalPositions.READ_FROM, "replica")
                .body("title", equalTo("Avtale lest fra replikaen"));
        Api.given().when().get(Agreements.PATH + "?limit=5").then().statusCode(200)
                .header(WalPositions.READ_FROM, "replica");
        Api.given().when().get("/api/v1/dashboard").then().statusCode(200)
                .header(WalPositions.READ_FROM, "replica");

        onReplica("SELECT pg_wal_replay_pause()");
        String secondId;
        String secondPosition;
        try {
            ExtractableResponse<Response> second = enter("Avtale skrevet mens replikaen står");
            secondId = second.path("id");
            secondPosition = second.header(WalPositions.READ_AFTER);
            assertTrue(WalPositions.reaches(WalPositions.parse(secondPosition), WalPositions.parse(firstPosition))
                    && !secondPosition.equals(firstPosition), "the second write is later in the WAL");

            Api.given().header(WalPositions.READ_AFTER, secondPosition).when().get(Agreements.PATH + "/" + secondId)
                    .then().statusCode(200).header(WalPositions.READ_FROM, "primary")
                    .body("title", equalTo("Avtale skrevet mens replikaen står"));
            Api.given().header(WalPositions.READ_AFTER, secondPosition).when().get(Agreements.PATH + "/" + firstId)
                    .then().statusCode(200).header(WalPositions.READ_FROM, "primary");
            assertEquals(404, Api.given().when().get(Agreements.PATH + "/" + secondId).statusCode(),
                    "a reader that names no write is answered by the replica, which has not replayed it yet");
        } finally {
            onReplica("SELECT pg_wal_replay_resume()");
        }
        Awaitility.await("the replica replays the second write").atMost(REPLAY)
                .until(() -> "replica".equals(read(secondId, secondPosition).header(WalPositions.READ_FROM)));
        Api.given().header(WalPositions.READ_AFTER, secondPosition).when().get(Agreements.PATH + "/" + secondId)
                .then().statusCode(200).body("title", equalTo("Avtale skrevet mens replikaen står"));
    }

    @Test
    void aPositionThatIsNoWalPositionIsRefused() {
        Api.given().header(WalPositions.READ_AFTER, "yesterday").when().get(Agreements.PATH).then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
    }

    private static ExtractableResponse<Response> enter(String title) {
        return Agreements.post(Agreements.PATH, Agreements.body(title, List.of("HOD", "KS"), ENTERED,
                ENTERED.plusYears(3))).statusCode(201).extract();
    }

    private static Response read(String id, String position) {
        return Api.given().header(WalPositions.READ_AFTER, position).when().get(Agreements.PATH + "/" + id);
    }

    private static void onReplica(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PrivatePostgres.running().replicaUrl(), "postgres",
                "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
