package no.samrad.infrastructure;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.body;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.infrastructure.security.KeyRing;
import no.samrad.infrastructure.security.LocalIssuer;
import no.samrad.infrastructure.security.TokenMinter;
import no.samrad.support.Api;
import no.samrad.support.Store;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpContractTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Store store;

    @Nested
    class IdempotencyKeys {

        @Test
        void aRetriedPostCreatesOneRecordAndGetsTheFirstAnswer() {
            String key = UUID.randomUUID().toString();
            Map<String, Object> request = body("Avtale sendt to ganger", List.of("HOD", "KS"),
                    LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
            var first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(request)
                    .when().post(PATH).then().statusCode(201).header("Idempotent-Replayed", nullValue())
                    .extract();
            Store.Snapshot afterFirst = store.snapshot();

            given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(request)
                    .when().post(PATH).then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "true")
                    .header("Location", first.header("Location"))
                    .header("ETag", first.header("ETag"))
                    .body("id", equalTo(first.path("id")));
            assertEquals(afterFirst, store.snapshot(), "the retry appends nothing");
        }

        @Test
        void theSameKeyWithAnotherRequestIs422() {
            String key = UUID.randomUUID().toString();
            given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body("Første", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))
                    .when().post(PATH).then().statusCode(201);
            Store.Snapshot before = store.snapshot();
            given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body("Andre", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))
                    .when().post(PATH).then()
                    .statusCode(422).contentType(PROBLEM).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
            assertEquals(before, store.snapshot());
        }

        @Test
        void keysAreKeptPerCaller() {
            String key = UUID.randomUUID().toString();
            Map<String, Object> request = body("Avtale med samme nøkkel", List.of("KD", "KS"),
                    LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
            String mine = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(request)
                    .when().post(PATH).then().statusCode(201).extract().path("id");
            String theirs = Api.as("KD", Api.KS_READ_WRITE).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(request)
                    .when().post(PATH).then().statusCode(201).header("Idempotent-Replayed", nullValue())
                    .extract().path("id");
            org.junit.jupiter.api.Assertions.assertNotEquals(mine, theirs);
        }

        @Test
        void aRefusedRequestIsNotStoredSoItsKeyCanBeRetried() {
            String key = UUID.randomUUID().toString();
            given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body("Avtale", List.of("KDD", "KS"), LocalDate.of(2021, 1, 1), LocalDate.of(2027, 1, 1)))
                    .when().post(PATH).then().statusCode(409);
            given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body("Avtale", List.of("KDD", "KS"), LocalDate.of(2021, 1, 1), LocalDate.of(2027, 1, 1)))
                    .when().post(PATH).then().statusCode(409).header("Idempotent-Replayed", nullValue());
        }

        @Test
        void anUnusableKeyIs400() {
            given().header("Idempotency-Key", "key with spaces").contentType(ContentType.JSON)
                    .body(body("Avtale", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))
                    .when().post(PATH).then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
        }
    }

    @Nested
    class EntityTags {

        @Test
        void recordsCarryTheirVersionAndStaleIfMatchIs412() {
            String id = enter("Avtale med versjoner", List.of("HOD", "KS"), LocalDate.of(2020, 1, 1),
                    LocalDate.of(2024, 12, 31));
            given().when().get(PATH + "/" + id).then().statusCode(200).header("ETag", "\"0\"");

            given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("startedOn", "2024-01-01"))
                    .when().post(PATH + "/" + id + "/renegotiations").then()
                    .statusCode(200).header("ETag", "\"1\"");

            Store.Snapshot before = store.snapshot();
            given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("enteredOn", "2024-06-01", "expiresOn", "2028-12-31"))
                    .when().post(PATH + "/" + id + "/renewals").then()
                    .statusCode(412).contentType(PROBLEM).body("code", equalTo("VERSION_MISMATCH"));
            assertEquals(before, store.snapshot());

            given().header("If-Match", "W/\"1\"").contentType(ContentType.JSON)
                    .body(Map.of("enteredOn", "2024-06-01", "expiresOn", "2028-12-31"))
                    .when().post(PATH + "/" + id + "/renewals").then()
                    .statusCode(200).header("ETag", "\"2\"");
        }

        @Test
        void aStaleIfMatchIs412BeforeTheCommandIsDecided() {
            String id = enter("Avtale fornyet av en annen", List.of("HOD", "KS"), LocalDate.of(2020, 1, 1),
                    LocalDate.of(2024, 12, 31));
            given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("enteredOn", "2024-06-01", "expiresOn", "2028-12-31"))
                    .when().post(PATH + "/" + id + "/renewals").then().statusCode(200).header("ETag", "\"1\"");

            Store.Snapshot before = store.snapshot();
            // Against version 1 this renewal breaks the renewal rules; against version 0 it was never decided.
            given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("enteredOn", "2024-03-01", "expiresOn", "2026-12-31"))
                    .when().post(PATH + "/" + id + "/renewals").then()
                    .statusCode(412).contentType(PROBLEM).body("code", equalTo("VERSION_MISMATCH"))
                    .body("detail", not(containsString("2028")));
            assertEquals(before, store.snapshot());
        }

        @Test
        void aMalformedIfMatchIs400() {
            String id = enter("Avtale", List.of("HOD", "KS"), LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31));
            given().header("If-Match", "version one").contentType(ContentType.JSON)
                    .body(Map.of("startedOn", "2024-01-01"))
                    .when().post(PATH + "/" + id + "/renegotiations").then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("If-Match"));
        }
    }

    @Nested
    class Transport {

        @Test
        void bodiesOverOneMebibyteAre413() {
            Store.Snapshot before = store.snapshot();
            String huge = "{\"title\": \"" + "æ".repeat(600_000) + "\"}";
            given().contentType(ContentType.JSON).body(huge).when().post(PATH).then()
                    .statusCode(413).contentType(PROBLEM).body("code", equalTo("PAYLOAD_TOO_LARGE"));
            assertEquals(before, store.snapshot());
        }

        @Test
        void theCorrelationIdIsEchoedAndRecordedInTheEvents() {
            String id = given().header("X-Correlation-Id", "sak-2021-0007").contentType(ContentType.JSON)
                    .body(body("Avtale med sporing", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                            LocalDate.of(2027, 1, 1)))
                    .when().post(PATH).then()
                    .statusCode(201).header("X-Correlation-Id", "sak-2021-0007")
                    .extract().path("id");
            given().when().get(PATH + "/" + id + "/history").then()
                    .body("[0].metadata.correlationId", equalTo("sak-2021-0007"))
                    .body("[0].metadata.sub", equalTo("test-KS"))
                    .body("[0].metadata.party", equalTo("KS"))
                    .body("[0].metadata.consumer_orgno", equalTo("971032146"));
        }

        @Test
        void problemsCarryTheCorrelationIdAndAnUnsafeOneIsReplaced() {
            given().header("X-Correlation-Id", "abc\u0007<script>").when().get(PATH + "/" + UUID.randomUUID())
                    .then().statusCode(404)
                    .header("X-Correlation-Id", notNullValue())
                    .header("X-Correlation-Id", org.hamcrest.Matchers.not(containsString("<")))
                    .body("correlationId", notNullValue());
        }
    }

    @Nested
    class Tokens401 {

        private void refused(io.restassured.specification.RequestSpecification request) {
            request.when().get(PATH).then()
                    .statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", "Bearer")
                    .body("code", equalTo("UNAUTHENTICATED"));
        }

        @Test
        void noTokenExpiredWrongAudienceWrongIssuerOrForeignSignature() throws Exception {
            refused(Api.anonymous());
            refused(Api.withToken(Tokens.expired("KS", "samrad:read")));
            refused(Api.withToken(Tokens.wrongAudience("KS", "samrad:read")));
            refused(Api.withToken(Tokens.mint("https://someone.else/", Tokens.AUDIENCE, "KS", "samrad:read",
                    Instant.now(), Duration.ofMinutes(5))));
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            refused(Api.withToken(TokenMinter.mint(new TokenMinter.Claims(LocalIssuer.ISSUER, Tokens.AUDIENCE,
                    "intruder", "samrad:read samrad:write", "KS", null, Instant.now(), Duration.ofMinutes(5)),
                    rsa.generateKeyPair().getPrivate())));
            KeyRing.SigningKey borrowedId = new KeyRing.SigningKey(
                    Tokens.issuerKey(java.nio.file.Path.of("target/test-data")).id(), rsa.generateKeyPair().getPrivate());
            refused(Api.withToken(TokenMinter.mint(new TokenMinter.Claims(LocalIssuer.ISSUER, Tokens.AUDIENCE,
                    "intruder", "samrad:read samrad:write", "KS", null, Instant.now(), Duration.ofMinutes(5)),
                    borrowedId)));
            refused(Api.withToken("not.a.token"));
        }
    }
}
