package no.samrad.cases;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static no.samrad.support.Cases.meeting;
import static no.samrad.support.Cases.newCase;
import static no.samrad.support.Cases.report;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.support.Api;
import no.samrad.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The case lists, the cost and law records and the meeting appendices as they stood at an instant. */
@QuarkusTest
class CaseTimeTravelTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    private static String recordedAt(String path, int event) {
        return given().when().get(path + "/history").then().statusCode(200).extract().path("[" + event + "].recordedAt");
    }

    @Test
    void listsRecordsAndAppendicesAnswerAsTheyStoodAtAnInstant() {
        clock.setToday(LocalDate.of(2071, 12, 31));
        String earlier = meeting("2071-03");
        String later = meeting("2071-10");
        Map<String, Object> cost = newCase("COST_CALCULATION", "Kostnadssak i tid", List.of("HOD"), earlier);
        cost.put("reform", "Reform");
        cost.put("reportedOn", "2071-02");
        String costCase = report(cost);
        Map<String, Object> law = newCase("LAW_PARTICIPATION", "Lovsak i tid", List.of("HOD"), earlier);
        law.put("law", Map.of("title", "Lov i tid"));
        law.put("reportedOn", "2071-02");
        String lawCase = report(law);
        String agreement = enter("Avtale i tid", List.of("HOD", "KS"), LocalDate.of(2071, 1, 1),
                LocalDate.of(2075, 12, 31));

        String reported = recordedAt("/api/v1/cases/" + costCase, 1);
        String awaiting = recordedAt("/api/v1/cases/" + lawCase, 1);
        post("/api/v1/cases/" + costCase + "/withdrawal", Map.of("withdrawnOn", "2071-03-01", "reason", "Trukket"))
                .statusCode(200);
        Api.as("HOD", Api.KS_READ_WRITE).contentType("application/json")
                .body(Map.of("decision", "ACCEPTED", "reasons", "Ja", "decidedOn", "2071-04"))
                .when().post("/api/v1/law-participation/" + lawCase + "/decision").then().statusCode(200);

        given().queryParam("status", "open").queryParam("asOf", reported).queryParam("limit", 500)
                .when().get("/api/v1/cost-cases").then().statusCode(200).body("items.id", hasItem(costCase));
        given().queryParam("status", "open").queryParam("limit", 500)
                .when().get("/api/v1/cost-cases").then().body("items.id", not(hasItem(costCase)));
        given().queryParam("asOf", reported).when().get("/api/v1/cost-cases/" + costCase).then()
                .statusCode(200).body("status", equalTo("OPENED")).header("ETag", "\"1\"");
        given().when().get("/api/v1/cost-cases/" + costCase).then().body("status", equalTo("WITHDRAWN"));

        given().queryParam("status", "awaiting-decision").queryParam("asOf", awaiting).queryParam("limit", 500)
                .when().get("/api/v1/law-participation").then().body("items.id", hasItem(lawCase));
        given().queryParam("status", "awaiting-decision").queryParam("limit", 500)
                .when().get("/api/v1/law-participation").then().body("items.id", not(hasItem(lawCase)));
        given().queryParam("asOf", awaiting).when().get("/api/v1/law-participation/" + lawCase).then()
                .body("state", equalTo("AWAITING_DECISION"));

        String meetings = "/api/v1/meetings/" + later + "/appendices/";
        given().queryParam("asOf", reported).when().get(meetings + "a").then().statusCode(200)
                .body("rows.caseId", hasItem(costCase));
        given().when().get(meetings + "a").then().body("rows.caseId", not(hasItem(costCase)));
        given().queryParam("asOf", reported).when().get(meetings + "b").then()
                .body("rows.caseId", not(hasItem(lawCase)));
        given().when().get(meetings + "b").then().body("rows.caseId", hasItem(lawCase));
        given().when().get(meetings + "c").then().body("rows.agreementId", hasItem(agreement));
        given().queryParam("asOf", reported).when().get(meetings + "c").then()
                .body("rows.agreementId", not(hasItem(agreement)));
        given().queryParam("asOf", "in a while").when().get(meetings + "c").then().statusCode(400);

        given().queryParam("asOf", reported).when().get("/api/v1/cases/" + costCase).then().statusCode(200)
                .body("status", equalTo("REPORTED"));
        given().when().get("/api/v1/cases/" + costCase).then().body("status", equalTo("WITHDRAWN"));
        String scheduled = recordedAt("/api/v1/meetings/" + later, 0);
        given().queryParam("asOf", scheduled).when().get("/api/v1/meetings/" + later).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
        given().queryParam("asOf", java.time.Instant.parse(scheduled).minusMillis(1).toString())
                .when().get("/api/v1/meetings/" + later).then().statusCode(404);
        given().queryParam("asOf", reported).when().get(PATH + "?limit=1").then().statusCode(200);
    }
}
