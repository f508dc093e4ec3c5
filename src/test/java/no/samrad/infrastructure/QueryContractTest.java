package no.samrad.infrastructure;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.support.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Query parameters at their edges, filter values as the records spell them, and conditional reads. */
@QuarkusTest
class QueryContractTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {"%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00%2B18:00",
            "1899-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "1900-01-01T00:30:00%2B01:00"})
    void instantsOutsideTheYears1900To9999Are400(String asOf) {
        for (String path : List.of(PATH, "/api/v1/dashboard", "/api/v1/cost-cases", "/api/v1/law-participation")) {
            given().urlEncodingEnabled(false).when().get(path + "?asOf=" + asOf).then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("asOf"));
        }
    }

    @Test
    void theFirstAndLastInstantsOfTheRangeAreAnswered() {
        given().urlEncodingEnabled(false).when().get(PATH + "?asOf=1900-01-01T00:00:00Z").then().statusCode(200);
        given().urlEncodingEnabled(false).when().get(PATH + "?asOf=9999-12-31T23:59:59Z").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "0001-01-01"})
    void datesBefore1900Are400(String day) {
        given().queryParam("inForceOn", day).when().get(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("inForceOn"));
        given().queryParam("on", day).when().get("/api/v1/dashboard").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("on"));
        given().contentType(ContentType.JSON).body(Map.of("title", "Avtale fra før 1900", "category",
                        "WELFARE_SERVICES", "parties", List.of("KD", "KS"), "enteredOn", day, "expiresOn", "2024-01-01"))
                .when().post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("enteredOn"));
    }

    @Test
    void lawParticipationStatesAreSpelledAsTheRecordsSpellThem() {
        String meeting = Cases.meeting("2071-04");
        Map<String, Object> body = Cases.newCase("LAW_PARTICIPATION", "Lov med stavet status", List.of("KD"), meeting);
        body.put("law", Map.of("title", "Lov om stavemåter"));
        String id = Cases.report(body);
        given().when().get("/api/v1/law-participation/" + id).then().body("state", equalTo("AWAITING_DECISION"));
        List<String> exact = given().queryParam("status", "AWAITING_DECISION").queryParam("limit", 500).when()
                .get("/api/v1/law-participation").then().statusCode(200).extract().path("items.id");
        List<String> alias = given().queryParam("status", "awaiting-decision").queryParam("limit", 500).when()
                .get("/api/v1/law-participation").then().statusCode(200).extract().path("items.id");
        assertEquals(alias, exact);
        org.hamcrest.MatcherAssert.assertThat(exact, hasItem(id));
        given().queryParam("status", "Awaiting_Decision").when().get("/api/v1/law-participation").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
    }

    @Test
    void costCaseStatesAreSpelledAsTheRecordsSpellThem() {
        String meeting = Cases.meeting("2072-04");
        Map<String, Object> body = Cases.newCase("COST_CALCULATION", "Kostnad med stavet status", List.of("HOD"),
                meeting);
        body.put("reform", "Stavereformen");
        String id = Cases.report(body);
        String status = given().when().get("/api/v1/cost-cases/" + id).then().extract().path("status");
        for (String filter : List.of(status, "OPEN", "open", "ALL", "all")) {
            List<String> ids = given().queryParam("status", filter).queryParam("limit", 500).when()
                    .get("/api/v1/cost-cases").then().statusCode(200).extract().path("items.id");
            org.hamcrest.MatcherAssert.assertThat(filter, ids, hasItem(id));
        }
        for (String filter : List.of("CONCLUDED", "concluded", "WITHDRAWN")) {
            List<String> ids = given().queryParam("status", filter).queryParam("limit", 500).when()
                    .get("/api/v1/cost-cases").then().statusCode(200).extract().path("items.id");
            org.hamcrest.MatcherAssert.assertThat(filter, ids, not(hasItem(id)));
        }
    }

    @Test
    void everyRecordAnswers304ToItsCurrentETag() {
        String meeting = Cases.meeting("2073-04");
        Map<String, Object> cost = Cases.newCase("COST_CALCULATION", "Kostnad som leses betinget", List.of("HOD"),
                meeting);
        cost.put("reform", "Betinget reform");
        String costCase = Cases.report(cost);
        Map<String, Object> law = Cases.newCase("LAW_PARTICIPATION", "Lov som leses betinget", List.of("KD"), meeting);
        law.put("law", Map.of("title", "Lov om betingede lesninger"));
        String lawCase = Cases.report(law);
        String agreement = enter("Avtale som leses betinget", List.of("KD", "KS"), LocalDate.of(2021, 1, 1),
                LocalDate.of(2031, 1, 1));
        for (String path : List.of(PATH + "/" + agreement, "/api/v1/meetings/" + meeting, Cases.PATH + "/" + costCase,
                "/api/v1/cost-cases/" + costCase, "/api/v1/law-participation/" + lawCase)) {
            String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
            given().header("If-None-Match", etag).when().get(path).then()
                    .statusCode(304).header("ETag", etag).body(emptyString());
            given().header("If-None-Match", "W/" + etag).when().get(path).then().statusCode(304);
            given().header("If-None-Match", "\"999\", " + etag).when().get(path).then().statusCode(304);
            given().header("If-None-Match", "*").when().get(path).then().statusCode(304);
            given().header("If-None-Match", "\"999\"").when().get(path).then().statusCode(200)
                    .header("ETag", etag).body("id", not(emptyString()));
        }
    }
}
