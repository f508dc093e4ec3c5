package no.samrad.infrastructure;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.body;
import static no.samrad.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read models are kept in the command's own transaction: the moment a command is answered,
 * its record is in every read model, at its new version, for any connection that reads it.
 */
@QuarkusTest
class InlineReadModelTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCommittedCommandsRecordIsInItsReadModelOnASecondConnectionAtOnce() throws SQLException {
        String id = given().contentType(ContentType.JSON)
                .body(body("Avtale lest på en annen forbindelse", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2027, 1, 1)))
                .when().post(PATH).then().statusCode(201).extract().path("id");
        assertEquals(0L, versionInReadModel(id), "the record is in its read model at version 0");

        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("enteredOn", "2026-06-01", "expiresOn", "2029-12-31"))
                .when().post(PATH + "/" + id + "/renewals").then().statusCode(200);
        assertEquals(1L, versionInReadModel(id), "the renewal is in the read model when its answer is");
        io.restassured.RestAssured.given().auth().oauth2(no.samrad.support.Tokens.token("KS", "samrad:read"))
                .header("Connection", "close").when().get(PATH + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aCommandLinksItsReceiptAndWaitsForItOnlyWhenAsked() {
        ExtractableResponse<Response> answer = given().contentType(ContentType.JSON)
                .body(body("Avtale med kvittering", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2027, 1, 1)))
                .when().post(PATH).then().statusCode(201).extract();
        assertNull(answer.header("Samrad-Receipt"), "a command answers without waiting for the published log");
        String link = answer.header("Link");
        assertNotNull(link, "the answer links its receipt");
        assertTrue(link.endsWith("; rel=\"receipt\""), link);
        String receipt = link.substring(link.indexOf('<') + 1, link.indexOf('>'));

        given().header("Prefer", "wait=10").when().get(receipt).then().statusCode(200)
                .body("events.size()", org.hamcrest.Matchers.equalTo(1))
                .body("receipt", org.hamcrest.Matchers.matchesPattern("\\d+ [0-9a-f-]{36} [0-9a-f]{64}"));
        given().when().get("/api/v1/audit/receipts/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        given().header("Prefer", "wait=10").contentType(ContentType.JSON)
                .body(body("Avtale som venter på kvitteringen", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2027, 1, 1)))
                .when().post(PATH).then().statusCode(201)
                .header("Samrad-Receipt", org.hamcrest.Matchers.notNullValue())
                .header("Preference-Applied", "wait=10");
    }

    private long versionInReadModel(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT version FROM agreement_view WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the record " + id + " is in its read model");
                return row.getLong(1);
            }
        }
    }
}
