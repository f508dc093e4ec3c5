package no.samrad.infrastructure;

import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import no.samrad.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The contract every endpoint shares, checked where no single capability owns it. Concurrent
 * modification cannot be provoked deterministically in one JVM (Axon serialises commands on one
 * record there); its mapping is checked through {@link ProblemMapperUnitTest}.
 */
@QuarkusTest
class ProblemMapperTest {

    @Test
    void unknownAddressesAreProblems() {
        given().when().get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    @Test
    void healthAndTheOpenApiDocumentArePublic() {
        Api.anonymous().when().get("/q/health/ready").then().statusCode(200);
        Api.anonymous().when().get("/q/openapi").then().statusCode(200);
    }
}
