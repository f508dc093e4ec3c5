package no.samrad.cases;

import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.cases.cost.api.CostEstimateRecorded;
import no.samrad.cases.law.api.LawMilestoneReached;
import no.samrad.infrastructure.axon.AxonRuntime;
import no.samrad.support.Api;
import no.samrad.support.Cases;
import no.samrad.support.MovableClock;
import no.samrad.support.Rebuilds;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The events of cost calculations and law participation moved from {@code costcase} and
 * {@code lawparticipation} into {@code cases}. A store written by the release before the move
 * (its rows, captured from that release, in {@code stored/cases-before-package-move.json}) reads
 * as it did: the aggregate loads from it, a rebuild projects it, and new events of the moved types
 * are stored under the names they always had.
 */
@QuarkusTest
class StoredBeforeTheMoveTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    AxonRuntime axon;

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    @Test
    void aStoreWrittenBeforeTheMoveReadsAndGrowsUnderItsStoredNames() throws Exception {
        String meeting = Cases.meeting("2087-04");
        Map<String, String> ids = new HashMap<>();
        List<JsonNode> rows;
        try (InputStream in = getClass().getResourceAsStream("/stored/cases-before-package-move.json")) {
            rows = List.of(mapper.readValue(in, JsonNode[].class));
        }
        try (Connection connection = dataSource.getConnection()) {
            for (JsonNode row : rows) {
                String id = ids.computeIfAbsent(row.get("aggregateIdentifier").asText(), old -> UUID.randomUUID().toString());
                ObjectNode payload = (ObjectNode) row.get("payload").deepCopy();
                payload.put("caseId", id);
                if (payload.has("meetingId")) {
                    payload.put("meetingId", meeting);
                }
                if (payload.has("caseNumber")) {
                    payload.put("caseNumber", String.format("1989/%04d", Math.floorMod(id.hashCode(), 10_000)));
                }
                insert(connection, id, row, payload);
            }
        }
        String cost = ids.get(costCaseOf(rows));
        String law = ids.get(lawCaseOf(rows));

        List<Object> costEvents = axon.configuration().eventStore().readEvents(cost).asStream()
                .map(EventMessage::getPayload).map(Object.class::cast).toList();
        assertEquals(5, costEvents.size());
        assertInstanceOf(CostEstimateRecorded.class, costEvents.get(2));
        List<Object> lawEvents = axon.configuration().eventStore().readEvents(law).asStream()
                .map(EventMessage::getPayload).map(Object.class::cast).toList();
        assertInstanceOf(LawMilestoneReached.class, lawEvents.get(3));

        Rebuilds.rebuildEveryReadModel();
        given().when().get("/api/v1/cost-cases/" + cost).then().statusCode(200)
                .body("reform", equalTo("Reform før flyttingen"))
                .body("estimates[0].verdict", equalTo("DISAGREES"))
                .body("statusUpdates[0].text", equalTo("Arbeidet pågår"));
        given().when().get("/api/v1/law-participation/" + law).then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS"))
                .body("decidedOn", equalTo("2063-05"))
                .body("milestones[0].milestone", equalTo("PUBLIC_CONSULTATION"));

        clock.setToday(LocalDate.of(2087, 12, 31));
        Api.as("BFD", Api.KS_READ_WRITE).contentType(ContentType.JSON)
                .body("{\"amountNok\": 99, \"periodFrom\": 2024, \"basis\": \"Etter flyttingen\", \"method\": \"M\"}")
                .when().post("/api/v1/cost-cases/" + cost + "/estimates").then()
                .statusCode(200).header("ETag", "\"5\"").body("latestEstimate.basis", equalTo("Etter flyttingen"));
        post("/api/v1/law-participation/" + law + "/milestones", Map.of("milestone", "BILL_PRESENTED",
                "reachedOn", "2087-08")).statusCode(200);
        assertEquals("no.samrad.costcase.api.CostEstimateRecorded", storedType(cost, 5));
        assertEquals("no.samrad.lawparticipation.api.LawMilestoneReached", storedType(law, 4));
    }

    private static String costCaseOf(List<JsonNode> rows) {
        return caseWith(rows, "no.samrad.costcase.api.CostCalculationOpened");
    }

    private static String lawCaseOf(List<JsonNode> rows) {
        return caseWith(rows, "no.samrad.lawparticipation.api.LawParticipationRequested");
    }

    private static String caseWith(List<JsonNode> rows, String payloadType) {
        return rows.stream().filter(row -> row.get("payloadType").asText().equals(payloadType))
                .map(row -> row.get("aggregateIdentifier").asText()).findFirst().orElseThrow();
    }

    private void insert(Connection connection, String id, JsonNode row, JsonNode payload) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry"
                + " (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                + " payload_revision, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, row.get("sequenceNumber").asLong());
            insert.setString(3, row.get("type").asText());
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, mapper.writeValueAsBytes(row.get("metaData")));
            insert.setBytes(6, mapper.writeValueAsBytes(payload));
            insert.setString(7, row.get("payloadRevision").asText());
            insert.setString(8, row.get("payloadType").asText());
            insert.setString(9, row.get("timeStamp").asText());
            insert.executeUpdate();
        }
    }

    private String storedType(String recordId, long sequence) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT payload_type FROM domain_event_entry"
                     + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            query.setString(1, recordId);
            query.setLong(2, sequence);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
