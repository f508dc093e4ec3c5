package no.samrad.audit;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.body;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import no.samrad.support.Api;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every command's answer promises at once, signed with the audit key, that the published log will
 * hold its events by a deadline; verification reports a promise the log did not keep.
 */
@QuarkusTest
class InclusionPromiseTest {

    private static final String VERIFY = "/api/v1/audit/verify";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCommandsPromiseNamesItsStoredEventsAndIsSignedWithThePublicKey() throws Exception {
        ExtractableResponse<Response> answer = given().contentType(ContentType.JSON)
                .body(body("Avtale med løfte", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))
                .when().post(PATH).then().statusCode(201).extract();
        String[] promise = answer.header("Samrad-Promise").split("\\.");
        assertEquals(2, promise.length, "statement.signature");
        String statement = new String(Base64.getDecoder().decode(promise[0]), StandardCharsets.UTF_8);
        String id = answer.path("id");

        List<String> lines = statement.lines().toList();
        assertEquals("Samråd inclusion promise", lines.get(0));
        Instant recorded = Instant.parse(lines.get(2).substring("recorded: ".length()));
        Instant deadline = Instant.parse(lines.get(3).substring("deadline: ".length()));
        assertEquals(ConfigProvider.getConfig().getValue("samrad.audit.promise-deadline", Duration.class),
                Duration.between(recorded, deadline), "the configured deadline");
        String[] event = lines.get(4).substring("event: ".length()).split(" ");
        assertEquals(id, event[1], "the event's record");
        assertEquals("0", event[2], "the event's sequence number");
        assertEquals(storedPayloadHash(event[0]), event[3], "the SHA-256 of the payload as stored");

        PublicKey key = publicKey();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(statement.getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getDecoder().decode(promise[1])), "signed with the audit key");
        verifier.initVerify(key);
        verifier.update(statement.replace(" 0 ", " 1 ").getBytes(StandardCharsets.UTF_8));
        assertFalse(verifier.verify(Base64.getDecoder().decode(promise[1])), "a changed statement fails");

        String requestId = lines.get(1).substring("request: ".length());
        given().header("Prefer", "wait=10").when().get("/api/v1/audit/receipts/" + requestId).then().statusCode(200);
        given().when().get(VERIFY).then().statusCode(200).body("promisesBroken", not(hasItem(requestId)));
    }

    @Test
    void verificationReportsAPromiseTheLogDidNotKeep() throws Exception {
        String requestId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO inclusion_promise (request_id,"
                     + " recorded_at, deadline, event_ids, statement, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            Instant past = Instant.now().minus(Duration.ofMinutes(5));
            insert.setString(1, requestId);
            insert.setTimestamp(2, Timestamp.from(past));
            insert.setTimestamp(3, Timestamp.from(past.plusSeconds(10)));
            insert.setString(4, UUID.randomUUID().toString());
            insert.setString(5, "a promise whose event never reached the log");
            insert.setString(6, "c2lnbmF0dXJl");
            insert.executeUpdate();
        }
        Api.as(null, "samrad:audit").when().get(VERIFY).then().statusCode(200)
                .body("promisesBroken", hasItem(requestId));
    }

    @Test
    void verificationReportsAPromiseWhoseEventsReachedTheLogLate() throws Exception {
        String promise = given().contentType(ContentType.JSON)
                .body(body("Avtale med sent løfte", List.of("KD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))
                .when().post(PATH).then().statusCode(201).extract().header("Samrad-Promise");
        String requestId = new String(Base64.getDecoder().decode(promise.split("\\.")[0]), StandardCharsets.UTF_8)
                .lines().toList().get(1).substring("request: ".length());
        given().header("Prefer", "wait=10").when().get("/api/v1/audit/receipts/" + requestId).then().statusCode(200);
        given().when().get(VERIFY).then().statusCode(200)
                .body("promisesBroken", not(hasItem(requestId)))
                .body("promisesPending", greaterThanOrEqualTo(1));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement moveDeadline = connection.prepareStatement("UPDATE inclusion_promise SET deadline ="
                     + " (SELECT MAX(chained_at) FROM event_chain WHERE request_id = ?) - INTERVAL '1' SECOND"
                     + " WHERE request_id = ?")) {
            moveDeadline.setString(1, requestId);
            moveDeadline.setString(2, requestId);
            assertEquals(1, moveDeadline.executeUpdate(), "the request made a promise");
        }
        given().when().get(VERIFY).then().statusCode(200).body("promisesBroken", hasItem(requestId));
    }

    private String storedPayloadHash(String eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payload FROM domain_event_entry WHERE event_identifier = ?")) {
            query.setString(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the promised event is stored");
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(row.getBytes(1)));
            }
        }
    }

    private static PublicKey publicKey() throws Exception {
        String pem = Api.anonymous().when().get("/api/v1/audit/public-key").then().statusCode(200).extract().asString();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
    }
}
