package no.samrad.infrastructure;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import no.samrad.support.Api;
import org.junit.jupiter.api.Test;

/** A 406 tells the client what the address does serve, so that it can ask again for that. */
@QuarkusTest
class NotAcceptableTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theExportNamesNdjson() {
        Api.given().accept("application/json").when().get("/api/v1/events/export").then()
                .statusCode(406).contentType(PROBLEM)
                .body("code", equalTo("NOT_ACCEPTABLE"))
                .body("detail", equalTo("Samråd answers this request with application/x-ndjson."));
    }

    @Test
    void aJsonEndpointNamesJson() {
        Api.given().accept("application/xml").when().get("/api/v1/agreements").then()
                .statusCode(406).contentType(PROBLEM)
                .body("detail", equalTo("Samråd answers this request with application/json."));
    }

    @Test
    void anAppendixNamesJsonAndCsv() {
        Api.given().accept("application/xml").when()
                .get("/api/v1/meetings/" + UUID.randomUUID() + "/appendices/a").then()
                .statusCode(406).contentType(PROBLEM)
                .body("detail", equalTo("Samråd answers this request with application/json or text/csv."));
    }

    @Test
    void thePublicKeyNamesPemAndText() {
        Api.anonymous().accept("application/json").when().get("/api/v1/audit/public-key").then()
                .statusCode(406).contentType(PROBLEM)
                .body("detail", equalTo("Samråd answers this request with application/x-pem-file or text/plain."));
    }
}
