package no.samrad.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.awaitility.Awaitility;

/** Rebuilds of read models through the admin endpoint, as an operator would run them. */
public final class Rebuilds {

    private static final String ADMIN = "/api/v1/admin/projections";

    private Rebuilds() {
    }

    /** Rebuilds the model and waits until it is done; fails if it failed. */
    public static void rebuild(String model) {
        Api.as(null, "samrad:admin").when().post(ADMIN + "/" + model + "/rebuild").then().statusCode(202);
        Awaitility.await("the rebuild of " + model).atMost(Duration.ofMinutes(2)).until(() -> !"RUNNING".equals(state(model)));
        assertEquals("DONE", state(model), "the rebuild of " + model);
    }

    /** Rebuilds every read model in one pass and waits until it is done; fails if it failed. */
    public static void rebuildEveryReadModel() {
        Api.as(null, "samrad:admin").when().post(ADMIN + "/rebuild").then().statusCode(202);
        Awaitility.await("the rebuild of every read model").atMost(Duration.ofMinutes(2))
                .until(() -> !"RUNNING".equals(state("agreements")));
        Api.as(null, "samrad:admin").when().get(ADMIN).then().statusCode(200)
                .body("findAll { it.kept == 'INLINE' }.rebuild.state", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo("DONE")));
    }

    public static String state(String model) {
        return Api.as(null, "samrad:admin").when().get(ADMIN).then().statusCode(200)
                .extract().path("find { it.name == '" + model + "' }.rebuild.state");
    }
}
