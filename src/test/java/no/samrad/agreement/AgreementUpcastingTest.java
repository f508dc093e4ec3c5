package no.samrad.agreement;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.support.Rebuilds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Events written by the release before the ending events were given one field name, stored
 * exactly as that release stored them, are read through the upcaster chain: by the aggregate,
 * the projection and the history alike.
 */
@QuarkusTest
class AgreementUpcastingTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0} of revision 1")
    @CsvSource(delimiter = '|', value = {
        "AgreementExpired|{\"agreementId\":\"ID\",\"expiredOn\":\"2020-12-31\"}|EXPIRED",
        "AgreementTerminated|{\"agreementId\":\"ID\",\"terminatedOn\":\"2020-06-30\",\"reason\":\"Avløst\"}|TERMINATED",
        "AgreementSuperseded|{\"agreementId\":\"ID\",\"supersededBy\":\"ID\",\"supersededOn\":\"2020-06-30\"}|SUPERSEDED"})
    void anEndingEventOfTheFirstRevisionIsReadAsTheSecond(String type, String payload, String status)
            throws Exception {
        UUID id = UUID.randomUUID();
        String entered = "{\"agreementId\":\"" + id + "\",\"title\":\"Avtale fra forrige versjon\","
                + "\"category\":\"WELFARE_SERVICES\",\"parties\":[\"HOD\",\"KS\"],\"enteredOn\":\"2019-01-01\","
                + "\"expiresOn\":\"2020-12-31\",\"firstEnteredYear\":2019}";
        store(id, List.of(Map.entry("AgreementEntered", entered), Map.entry(type, payload.replace("ID", id.toString()))));
        String lastDay = payload.contains("2020-06-30") ? "2020-06-30" : "2020-12-31";

        // Events stored past the commands, as a store of the first release holds them, reach the
        // read model, kept inline, when it is rebuilt from the history.
        Rebuilds.rebuild("agreements");
        given().when().get(PATH + "/" + id).then()
                .statusCode(200).body("status", equalTo(status)).body("endedOn", equalTo(lastDay));
        given().when().get(PATH + "/" + id + "/history").then().statusCode(200)
                .body("[1].type", equalTo(type))
                .body("[1].payload.lastDayInForce", equalTo(lastDay))
                .body("[1].effectiveOn", equalTo(lastDay));
        post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "2020-05-01")).statusCode(409)
                .body("code", equalTo("AGREEMENT_STATE_CONFLICT"));
    }

    /** Stores the events as the first release wrote them: revision 1, its JSON, its metadata. */
    private void store(UUID id, List<Map.Entry<String, String>> events) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry"
                     + " (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                     + " payload_revision, payload_type, time_stamp) VALUES (?, ?, 'Agreement', ?, ?, ?, '1', ?, ?)")) {
            connection.setAutoCommit(false);
            for (int sequence = 0; sequence < events.size(); sequence++) {
                insert.setString(1, id.toString());
                insert.setLong(2, sequence);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setBytes(4, ("{\"sub\":\"samrad:demo-import\",\"system\":true,\"correlationId\":\""
                        + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, events.get(sequence).getValue().getBytes(StandardCharsets.UTF_8));
                insert.setString(6, "no.samrad.agreement.api." + events.get(sequence).getKey());
                insert.setString(7, Instant.now().toString());
                insert.executeUpdate();
            }
            connection.commit();
        }
    }
}
