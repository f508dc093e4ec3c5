package no.samrad.support;

import static no.samrad.support.Api.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds agreement requests for endpoint tests. */
public final class Agreements {

    public static final String PATH = "/api/v1/agreements";

    private Agreements() {
    }

    public static Map<String, Object> body(String title, List<String> parties, LocalDate enteredOn,
                                           LocalDate expiresOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("category", "WELFARE_SERVICES");
        body.put("parties", parties);
        body.put("enteredOn", enteredOn.toString());
        body.put("expiresOn", expiresOn.toString());
        return body;
    }

    /** Enters an agreement and returns its id. */
    public static String enter(String title, List<String> parties, LocalDate enteredOn, LocalDate expiresOn) {
        return post(PATH, body(title, parties, enteredOn, expiresOn)).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse post(String path, Object body) {
        return Api.given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }
}
