package no.samrad.meeting;

import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import no.samrad.support.Rebuilds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A meeting scheduled by the release before consultation meetings were numbered, stored exactly as
 * that release stored it, is read as a numbered consultation meeting by the aggregate, the read
 * model, the lists and the history alike; a meeting of another kind keeps its kind and gets no
 * number.
 */
@QuarkusTest
class MeetingUpcastingTest {

    private static final String PATH = "/api/v1/meetings";

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0} of revision 1")
    @CsvSource({"FIRST_CONSULTATION, 2072-03, CONSULTATION, 1", "SECOND_CONSULTATION, 2072-04, CONSULTATION, 2",
            "DIGITALISATION, 2072-05, DIGITALISATION, "})
    void aMeetingOfTheFirstRevisionIsReadAsTheSecond(String storedKind, String date, String kind, Integer number)
            throws Exception {
        UUID id = UUID.randomUUID();
        store(id, "{\"meetingId\":\"" + id + "\",\"kind\":\"" + storedKind + "\",\"date\":\"" + date
                + "\",\"budgetYear\":2073,\"ministry\":null,\"title\":\"Møte fra forrige versjon\"}");
        Rebuilds.rebuild("meetings");
        given().when().get(PATH + "/" + id).then()
                .statusCode(200).body("kind", equalTo(kind)).body("number", equalTo(number));
        given().when().get(PATH + "/" + id + "/history").then().statusCode(200)
                .body("[0].payload.kind", equalTo(kind))
                .body("[0].payload.number", equalTo(number));
        if (number != null) {
            given().queryParam("year", 2072).queryParam("kind", storedKind).when().get(PATH).then()
                    .statusCode(200).body("items.id", hasItem(id.toString()));
            given().queryParam("year", 2072).queryParam("kind", "CONSULTATION").queryParam("number", number + 1)
                    .when().get(PATH).then().statusCode(200).body("items.id", not(hasItem(id.toString())));
        }
        given().contentType(ContentType.JSON).body(Map.of("cancelledOn", "2072-01-10", "reason", "Flyttet"))
                .when().post(PATH + "/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("kind", equalTo(kind));
    }

    /** Stores the event as the earlier release wrote it: revision 1, its JSON, its metadata. */
    private void store(UUID id, String payload) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry"
                     + " (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                     + " payload_revision, payload_type, time_stamp) VALUES (?, 0, 'Meeting', ?, ?, ?, '1', ?, ?)")) {
            insert.setString(1, id.toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, ("{\"sub\":\"samrad:demo-import\",\"system\":true,\"correlationId\":\""
                    + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, "no.samrad.meeting.api.MeetingScheduled");
            insert.setString(6, Instant.now().toString());
            insert.executeUpdate();
        }
    }
}
