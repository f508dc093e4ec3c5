package no.samrad.audit;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.support.Api;
import no.samrad.support.Cases;
import org.junit.jupiter.api.Test;

/** The change log of a record: each event's changed fields with old and new values, when and by whom. */
@QuarkusTest
class ChangeLogTest {

    @Test
    void anAgreementsChangesShowOldAndNewValuesAndWho() {
        String id = enter("Avtale med endringslogg", List.of("HOD", "KS"), LocalDate.of(2020, 1, 1),
                LocalDate.of(2022, 12, 31));
        post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "2022-06-01")).statusCode(200);
        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2022-12-01", "expiresOn", "2025-12-31"))
                .statusCode(200);
        Api.as("HOD", Api.KS_READ_WRITE).contentType("application/json")
                .body(Map.of("terminatedOn", "2024-06-30", "reason", "Avløst av ny avtale"))
                .when().post(PATH + "/" + id + "/termination").then().statusCode(200);

        given().when().get(PATH + "/" + id + "/changes").then().statusCode(200)
                .body("type", contains("AgreementEntered", "AgreementRenegotiationStarted", "AgreementRenewed",
                        "AgreementTerminated"))
                .body("[0].changes.field", hasItem("title"))
                .body("[0].changes.field", not(hasItem("agreementId")))
                .body("[0].changes.find { it.field == 'expiresOn' }.oldValue", nullValue())
                .body("[0].party", equalTo("KS"))
                .body("[2].changes.field", contains("enteredOn", "expiresOn"))
                .body("[2].changes.find { it.field == 'expiresOn' }.oldValue", equalTo("2022-12-31"))
                .body("[2].changes.find { it.field == 'expiresOn' }.newValue", equalTo("2025-12-31"))
                .body("[3].party", equalTo("HOD"))
                .body("[3].effectiveOn", equalTo("2024-06-30"))
                .body("[3].changes.field", contains("lastDayInForce", "reason"));
        given().when().get(PATH + "/not-an-id/changes").then().statusCode(404);
    }

    @Test
    void entriesOfACollectionAreNamedAfterTheirKey() {
        Map<String, Object> body = Cases.newCase("COST_CALCULATION", "Kostnadssak med logg",
                List.of("KD"), Cases.meeting("2070-04"));
        body.put("reform", "Reform");
        String id = Cases.report(body);
        Api.as("KD", Api.KS_READ_WRITE).contentType("application/json")
                .body("{\"amountNok\": 125000000.5, \"periodFrom\": 2071, \"basis\": \"B\", \"method\": \"M\"}")
                .when().post("/api/v1/cost-cases/" + id + "/estimates").then().statusCode(200);
        String estimate = given().when().get("/api/v1/cost-cases/" + id).then().extract().path("latestEstimate.id");

        given().when().get("/api/v1/cases/" + id + "/changes").then().statusCode(200)
                .body("type", contains("CaseReported", "CostCalculationOpened", "CostEstimateRecorded"))
                .body("[2].changes.field", hasItem("estimates[" + estimate + "].amountNok"))
                .body("[2].changes.field", not(hasItem("estimates[" + estimate + "].estimateId")))
                .body("[2].party", equalTo("KD"));
    }

    @Test
    void fieldsAreNamedAndAmountsWrittenAsTheApiDoes() {
        String meeting = Cases.meeting("2070-05");
        Map<String, Object> body = Cases.newCase("COST_CALCULATION", "Kostnadssak med navn", List.of("KD"), meeting);
        body.put("reform", "Reform");
        String id = Cases.report(body);
        Api.as("KD", Api.KS_READ_WRITE).contentType("application/json")
                .body("{\"amountNok\": 125000000.50, \"periodFrom\": 2071, \"basis\": \"B\", \"method\": \"M\"}")
                .when().post("/api/v1/cost-cases/" + id + "/estimates").then().statusCode(200);
        String estimate = given().when().get("/api/v1/cost-cases/" + id).then().extract().path("latestEstimate.id");

        String log = given().when().get("/api/v1/cases/" + id + "/changes").then().statusCode(200)
                .body("[0].changes.field", hasItem("meeting"))
                .body("[0].changes.field", not(hasItem("meetingId")))
                .body("[0].changes.find { it.field == 'meeting' }.newValue", equalTo(meeting))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(log.contains("\"field\":\"estimates[" + estimate
                + "].amountNok\",\"newValue\":125000000.50"), log);
    }
}
