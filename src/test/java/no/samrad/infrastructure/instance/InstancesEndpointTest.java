package no.samrad.infrastructure.instance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import no.samrad.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An operator sees which instances share the database and which of them holds what. */
@QuarkusTest
class InstancesEndpointTest {

    private static final String CHAINER = "event-chain";

    @Inject
    ServiceInstances instances;

    @Inject
    WorkLeases leases;

    @Test
    void theInstancesTheWorkAndTheProcessorsNameTheirHolder() {
        leases.runsHere("test-work-listed");
        Awaitility.await("the chainer claimed").atMost(Duration.ofSeconds(30))
                .until(() -> instances.self().equals(Api.as(null, "samrad:admin").when().get("/api/v1/admin/instances")
                        .then().statusCode(200).extract().<Map<String, String>>path("processors").get(CHAINER)));

        Api.as(null, "samrad:admin").when().get("/api/v1/admin/instances").then().statusCode(200)
                .body("self", equalTo(instances.self()))
                .body("instances.findAll { it.alive }.id", hasItem(instances.self()))
                .body("work.'test-work-listed'", equalTo(instances.self()));
        Api.as(null, "samrad:admin").when().get("/api/v1/admin/projections").then().statusCode(200)
                .body("find { it.name == '" + CHAINER + "' }.heldBy", equalTo(instances.self()));
        RestAssured.given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'read models' }.data.instance", equalTo(instances.self()))
                .body("checks.find { it.name == 'read models' }.data.holds", containsString(CHAINER));
    }
}
