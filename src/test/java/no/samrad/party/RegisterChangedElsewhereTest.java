package no.samrad.party;

import static no.samrad.support.Api.as;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.party.api.RegisterEvent;
import no.samrad.support.Agreements;
import no.samrad.support.Api;
import org.junit.jupiter.api.Test;

/**
 * A reorganisation recorded by another instance on the same database (written here straight into
 * the event store, as that instance's command would write it) holds from this instance's next
 * command, without a restart.
 */
@QuarkusTest
class RegisterChangedElsewhereTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theNextCommandJudgesByAChangeAnotherInstanceRecorded() throws Exception {
        String code = "TE" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase()
                .replaceAll("[^A-Z]", "X");
        Agreements.post(Agreements.PATH, Agreements.body("Avtale", List.of(code, "KS"), LocalDate.of(2025, 2, 1),
                LocalDate.of(2027, 1, 1))).statusCode(400).body("code", equalTo("UNKNOWN_PARTY"));

        recordElsewhere("{\"registerId\":\"" + RegisterEvent.REGISTER_ID + "\",\"key\":\"" + code + "\",\"code\":\""
                + code + "\",\"kind\":\"MINISTRY\",\"name\":\"Et nytt departement\",\"nameEn\":null,\"orgNo\":null,"
                + "\"establishedOn\":\"2025-01-01\",\"source\":\"Kongelig resolusjon (test)\"}");

        as(code, Api.KS_READ_WRITE).contentType(ContentType.JSON)
                .body(Agreements.body("Avtale", List.of(code, "KS"), LocalDate.of(2025, 2, 1), LocalDate.of(2027, 1, 1)))
                .when().post(Agreements.PATH).then().statusCode(201);
        given().when().get("/api/v1/parties/" + code).then().statusCode(200).body("name", equalTo("Et nytt departement"));
    }

    /** Appends a register event as another instance's command would have: the register's next sequence number. */
    private void recordElsewhere(String payload) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            long next;
            try (PreparedStatement last = connection.prepareStatement(
                    "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
                last.setString(1, RegisterEvent.REGISTER_ID);
                try (ResultSet row = last.executeQuery()) {
                    row.next();
                    next = row.getLong(1) + 1;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry"
                    + " (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                    + " payload_revision, payload_type, time_stamp) VALUES (?, ?, 'Register', ?, ?, ?, '1', ?, ?)")) {
                insert.setString(1, RegisterEvent.REGISTER_ID);
                insert.setLong(2, next);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setBytes(4, "{\"sub\":\"admin-elsewhere\"}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
                insert.setString(6, "no.samrad.party.api.PartyEstablished");
                insert.setString(7, Instant.now().toString());
                insert.executeUpdate();
            }
        }
    }
}
