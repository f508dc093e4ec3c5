package no.samrad.agreement;

import static no.samrad.support.Api.as;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.support.Agreements;
import no.samrad.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Agreement lines as they run: a term that ran out and was renewed months later leaves the days
 * between out of force, and a later agreement with the parties of its own day continues the line.
 */
@QuarkusTest
class AgreementLineTest {

    private static final String PATH = Agreements.PATH;

    private static String meetingOn(String date) {
        String location = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "CONSULTATION", "number", 1, "date", date))
                .when().post("/api/v1/meetings").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aLineRenewedAfterALapseAndContinuedAcrossTwoRenamingsReadsAsOneHistory() {
        String first = Agreements.enter("Avtale om regional utvikling", List.of("KRD", "KS"),
                LocalDate.of(2010, 1, 1), LocalDate.of(2012, 12, 31));
        given().contentType(ContentType.JSON)
                .body(Map.of("enteredOn", "2013-06-01", "expiresOn", "2015-12-31"))
                .when().post(PATH + "/" + first + "/renewals").then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("lapses[0].from", equalTo("2013-01-01"))
                .body("lapses[0].to", equalTo("2013-05-31"))
                .body("terms.enteredOn", contains("2010-01-01", "2013-06-01"));
        given().when().get(PATH + "/" + first + "/history").then().statusCode(200)
                .body("type", hasItems("AgreementEntered", "AgreementExpired", "AgreementRenewed"));
        for (String day : List.of("2012-06-01", "2013-07-01")) {
            given().queryParam("inForceOn", day).queryParam("party", "KRD").when().get(PATH).then()
                    .statusCode(200).body("items.id", hasItem(first));
        }
        given().queryParam("inForceOn", "2013-03-01").queryParam("party", "KRD").when().get(PATH).then()
                .statusCode(200).body("items.id", not(hasItem(first)));
        given().queryParam("on", "2013-03-01").when().get("/api/v1/dashboard").then().statusCode(200)
                .body("timeline.find { it.id == '" + first + "' }.inForce", equalTo(false))
                .body("timeline.find { it.id == '" + first + "' }.terms.size()", equalTo(2));
        given().queryParam("on", "2013-07-01").when().get("/api/v1/dashboard").then().statusCode(200)
                .body("timeline.find { it.id == '" + first + "' }.inForce", equalTo(true));
        given().when().get("/api/v1/meetings/" + meetingOn("2013-03-10") + "/appendices/c").then()
                .statusCode(200).body("rows.agreementId", not(hasItem(first)));
        given().when().get("/api/v1/meetings/" + meetingOn("2013-09-10") + "/appendices/c").then()
                .statusCode(200).body("rows.agreementId", hasItem(first));

        String second = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Avtale om regional utvikling 2022–2025", "category", "WELFARE_SERVICES",
                        "parties", List.of("KDD", "KS"), "enteredOn", "2022-06-01", "expiresOn", "2025-12-31",
                        "continues", first))
                .when().post(PATH).then().statusCode(201)
                .body("continues", equalTo(first))
                .body("firstEnteredYear", equalTo(2010))
                .extract().path("id");
        given().when().get(PATH + "/" + second + "/line").then().statusCode(200)
                .body("id", contains(first, second))
                .body("[0].parties", contains("KRD", "KS"))
                .body("[1].parties", contains("KDD", "KS"));
        given().when().get(PATH + "/" + first + "/line").then().statusCode(200).body("id", contains(first, second));
        as("KDD", Api.KS_READ_WRITE).contentType(ContentType.JSON)
                .body(Map.of("terminatedOn", "2014-06-30", "reason", "Avløst"))
                .when().post(PATH + "/" + first + "/termination").then().statusCode(200);
    }

    @Test
    void aContinuationKeepsTheLinesFirstYearAndFollowsTheAgreementItContinues() {
        String first = Agreements.enter("Avtale", List.of("HOD", "KS"), LocalDate.of(2016, 1, 1),
                LocalDate.of(2018, 12, 31));
        Map<String, Object> body = Agreements.body("Avtale videre", List.of("HOD", "KS"), LocalDate.of(2019, 1, 1),
                LocalDate.of(2022, 12, 31));
        body.put("continues", first);
        body.put("firstEnteredYear", 2019);
        Agreements.post(PATH, body).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("FIRST_ENTERED_AFTER_ENTRY"));
        body.remove("firstEnteredYear");
        body.put("enteredOn", "2015-01-01");
        Agreements.post(PATH, body).statusCode(409).body("code", equalTo("CONTINUATION_INVALID"));
        body.put("enteredOn", "2019-01-01");
        body.put("continues", "00000000-0000-0000-0000-000000000000");
        Agreements.post(PATH, body).statusCode(409).body("code", equalTo("CONTINUATION_INVALID"));
        given().when().get(PATH + "/" + first + "/line").then().statusCode(200).body("id", contains(first));
    }

    @Test
    void anAgreementOfSeveralMinistriesNamesTheOneThatCoordinatesIt() {
        Map<String, Object> body = Agreements.body("Avtale om tidlig innsats", List.of("KD", "HOD", "KS"),
                LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31));
        body.put("coordinator", "KD");
        String id = Agreements.post(PATH, body).statusCode(201).body("coordinator", equalTo("KD"))
                .extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("enteredOn", "2023-06-01", "expiresOn", "2026-12-31", "coordinator", "HOD"))
                .when().post(PATH + "/" + id + "/renewals").then().statusCode(200).body("coordinator", equalTo("HOD"));
        body.put("coordinator", "JD");
        Agreements.post(PATH, body).statusCode(400).body("code", equalTo("COORDINATOR_INVALID"));
    }
}
