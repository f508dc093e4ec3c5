package no.samrad.infrastructure;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.body;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.samrad.infrastructure.security.LocalIssuer;
import no.samrad.infrastructure.security.TokenMinter;
import no.samrad.infrastructure.web.idempotency.IdempotencyStore;
import no.samrad.support.Api;
import no.samrad.support.Cases;
import no.samrad.support.Store;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys under concurrency, after a crash, and between callers who share a subject or
 * a party: a retry always gets the truth, and never another caller's answer.
 */
@QuarkusTest
class IdempotencyTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String GONE_INSTANCE = "instance-killed-with-sigkill";

    @Inject
    Store store;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyStore keys;

    @Test
    void twentySimultaneousPostsWithOneKeyActOnceAndTheOthersAreToldToRetry() throws Exception {
        String caseId = sectorMatter("Sak med tjue samtidige innspill");
        String path = Cases.PATH + "/" + caseId + "/inputs";
        String key = UUID.randomUUID().toString();
        int senders = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            sent.add(pool.submit(() -> {
                start.await();
                return given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                        .body(Map.of("text", "x")).when().post(path).then().extract();
            }));
        }
        start.countDown();
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : sent) {
            answers.add(answer.get());
        }
        pool.shutdown();

        List<ExtractableResponse<Response>> firsts = answers.stream()
                .filter(answer -> answer.statusCode() == 200 && answer.header("Idempotent-Replayed") == null).toList();
        assertEquals(1, firsts.size(), "exactly one request ran");
        String firstBody = firsts.get(0).body().asString();
        for (ExtractableResponse<Response> answer : answers) {
            if (answer.statusCode() == 409) {
                assertEquals(PROBLEM, answer.contentType());
                assertEquals("IDEMPOTENCY_KEY_IN_USE", answer.path("code"));
                assertNotNullHeader(answer, "Retry-After");
            } else {
                assertEquals(200, answer.statusCode(), "every answer is the first, a replay of it, or 409");
                assertEquals(firstBody, answer.body().asString());
            }
        }
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .when().post(path).then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("inputs", hasSize(1));
        given().when().get(Cases.PATH + "/" + caseId).then().body("inputs", hasSize(1));
    }

    @Test
    void aRetryOfARequestWhoseInstanceDiedBeforeItsCommandCommittedRunsAfresh() throws SQLException {
        String caseId = sectorMatter("Sak der forrige forsøk døde");
        String path = Cases.PATH + "/" + caseId + "/inputs";
        String key = UUID.randomUUID().toString();
        String goneRequest = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .when().post(path).then().statusCode(200);
        // The same key as a request the dead instance had reserved and not yet committed.
        String otherKey = UUID.randomUUID().toString();
        copyAsInFlight(key, otherKey, goneRequest);
        long before = store.events();

        given().header("Idempotency-Key", otherKey).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .when().post(path).then()
                .statusCode(200).header("Idempotent-Replayed", nullValue()).body("inputs", hasSize(2));
        assertEquals(before + 1, store.events(), "the retry ran, once");
        given().header("Idempotency-Key", otherKey).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .when().post(path).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("inputs", hasSize(2));
    }

    @Test
    void aRetryOfARequestWhoseInstanceDiedAfterItsCommandCommittedGetsTheOriginalAnswer() throws SQLException {
        String caseId = sectorMatter("Sak der svaret gikk tapt");
        String path = Cases.PATH + "/" + caseId + "/inputs";
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> original = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("text", "x")).when().post(path).then().statusCode(200).extract();
        forgetAnswer(key);
        // Later changes to the record do not change the answer the request was owed.
        given().contentType(ContentType.JSON).body(Map.of("text", "y")).when().post(path).then().statusCode(200);
        long before = store.events();

        ExtractableResponse<Response> retry = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("text", "x")).when().post(path).then()
                .statusCode(200).header("Idempotent-Replayed", "true").extract();
        assertEquals(before, store.events(), "the retry appends nothing");
        assertEquals(original.header("ETag"), retry.header("ETag"));
        assertEquals((Object) original.path("inputs"), retry.path("inputs"));
        assertEquals((Object) original.path("version"), retry.path("version"));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsAnsweredWith201AndItsLocation() throws SQLException {
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body("Avtale der svaret gikk tapt", List.of("HOD", "KS"),
                LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
        ExtractableResponse<Response> original = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(request).when().post(PATH).then().statusCode(201).extract();
        forgetAnswer(key);
        Store.Snapshot before = store.snapshot();

        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(request).when().post(PATH).then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", original.header("Location"))
                .header("ETag", original.header("ETag"))
                .body("id", equalTo(original.path("id")))
                .body("title", equalTo("Avtale der svaret gikk tapt"));
        assertEquals(before, store.snapshot());
    }

    @Test
    void aRequestStillRunningOnALiveInstanceHoldsItsKey() throws SQLException {
        String caseId = sectorMatter("Sak med et forsøk som fortsatt går");
        String path = Cases.PATH + "/" + caseId + "/inputs";
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .when().post(path).then().statusCode(200);
        String liveInstance = UUID.randomUUID().toString();
        execute("INSERT INTO service_instance (instance_id, started_at, heartbeat_at)"
                + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", liveInstance);
        String otherKey = UUID.randomUUID().toString();
        copyAsInFlight(key, otherKey, UUID.randomUUID().toString());
        execute("UPDATE idempotency_record SET instance_id = '" + liveInstance + "' WHERE idempotency_key = ?",
                otherKey);
        long before = store.events();

        given().header("Idempotency-Key", otherKey).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .when().post(path).then()
                .statusCode(409).contentType(PROBLEM).header("Retry-After", notNullValue())
                .body("code", equalTo("IDEMPOTENCY_KEY_IN_USE"));
        assertEquals(before, store.events());
    }

    @Test
    void aReservationTakenOverCannotBeCommittedByTheRequestThatLostIt() {
        IdempotencyStore.Key key = new IdempotencyStore.Key("fence-test", UUID.randomUUID().toString());
        assertTrue(keys.reserve(key, "hash", "first", GONE_INSTANCE, Instant.now()));
        assertTrue(keys.takeOver(key, "first", "second", "live", Instant.now()));
        assertFalse(keys.markCommitted(key, "first", UUID.randomUUID().toString(), 0), "the first lost its key");
        assertTrue(keys.markCommitted(key, "second", UUID.randomUUID().toString(), 0));
        assertFalse(keys.takeOver(key, "second", "third", "live", Instant.now()),
                "a reservation whose command committed is never taken over");
    }

    @Test
    void keysAreKeptPerIssuerSubjectAndParty() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body("Avtale med delt nøkkel", List.of("KD", "KS"),
                LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
        String shared = "integrasjon-felles";
        String asKs = Api.withToken(tokenFor(shared, "KS")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(request).when().post(PATH).then().statusCode(201)
                .extract().path("id");
        String asKd = Api.withToken(tokenFor(shared, "KD")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(request).when().post(PATH).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(asKs, asKd, "the same subject acting for another party is another caller");
        String otherSubject = Api.withToken(tokenFor("integrasjon-annen", "KS")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(request).when().post(PATH).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(asKs, otherSubject, "another subject of the same party is another caller");
        Api.withToken(tokenFor(shared, "KS")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(request).when().post(PATH).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(asKs));
    }

    @Test
    void aCallerWithoutTheWriteScopeIsRefusedBeforeAnyReplay() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body("Avtale som ikke spilles av", List.of("HOD", "KS"),
                LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
        String subject = "integrasjon-som-mister-skriving";
        Api.withToken(tokenFor(subject, "KS")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(request).when().post(PATH).then().statusCode(201);
        Api.withToken(mint(subject, "KS", "samrad:read")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(request).when().post(PATH).then()
                .statusCode(403).contentType(PROBLEM).header("Idempotent-Replayed", nullValue());
    }

    private static String tokenFor(String subject, String party) {
        return mint(subject, party, Api.KS_READ_WRITE);
    }

    private static String mint(String subject, String party, String scope) {
        return TokenMinter.mint(new TokenMinter.Claims(LocalIssuer.ISSUER, Tokens.AUDIENCE, subject, scope, party,
                "971032146", Instant.now(), Duration.ofMinutes(10)), Tokens.issuerKey(
                java.nio.file.Path.of("target/test-data")));
    }

    private static String sectorMatter(String title) {
        String meeting = Cases.meeting("2031-04");
        return Cases.report(Cases.newCase("SECTOR_MATTER", title, List.of("KD"), meeting));
    }

    /** As if the instance that ran the request was killed after its command committed, before it answered. */
    private void forgetAnswer(String key) throws SQLException {
        execute("UPDATE idempotency_record SET status = NULL, location = NULL, etag = NULL, body = NULL,"
                + " instance_id = '" + GONE_INSTANCE + "' WHERE idempotency_key = ?", key);
    }

    /** A reservation under {@code newKey} of the same caller and request, held by a request of a dead instance, uncommitted. */
    private void copyAsInFlight(String key, String newKey, String requestId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement copy = connection.prepareStatement("INSERT INTO idempotency_record (caller,"
                     + " idempotency_key, request_hash, request_id, instance_id, reserved_at, created_at, record_id,"
                     + " record_version) SELECT caller, ?, request_hash, ?, ?, reserved_at, created_at, NULL, NULL"
                     + " FROM idempotency_record WHERE idempotency_key = ?")) {
            copy.setString(1, newKey);
            copy.setString(2, requestId);
            copy.setString(3, GONE_INSTANCE);
            copy.setString(4, key);
            assertEquals(1, copy.executeUpdate());
        }
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static void assertNotNullHeader(ExtractableResponse<Response> answer, String header) {
        assertTrue(answer.header(header) != null, header + " is set");
    }
}
