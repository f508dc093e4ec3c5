package no.samrad.infrastructure;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Cases.meeting;
import static no.samrad.support.Cases.newCase;
import static no.samrad.support.Cases.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samrad.support.Api;
import no.samrad.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A list page is read as plain rows, a record from its view: every item of the agreement and
 * cost-case lists says what its record says, the latest estimate of a cost case included.
 */
@QuarkusTest
class ListItemsTest {

    private static final List<String> AGREEMENT_FIELDS = List.of("id", "title", "status", "category", "parties",
            "enteredOn", "expiresOn", "firstEnteredYear");
    private static final List<String> COST_CASE_FIELDS = List.of("id", "caseNumber", "title", "ministries", "reform",
            "status", "meeting", "reportedOn", "latestEstimate");

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    @Test
    void everyAgreementInTheListSaysWhatItsRecordSays() {
        String renewed = enter("Avtale i listen", List.of("KD", "HOD", "KS"), LocalDate.of(2090, 1, 1),
                LocalDate.of(2091, 12, 31));
        post(PATH + "/" + renewed + "/renewals", Map.of("enteredOn", "2091-12-01", "expiresOn", "2095-12-31",
                "parties", List.of("KD", "KS"))).statusCode(200);
        post(PATH + "/proposals", Map.of("title", "Forslag i listen", "parties", List.of("HOD", "KS"),
                "proposedOn", "2026-01-01")).statusCode(201);

        List<Map<String, Object>> items = Api.given().when().get(PATH + "?limit=500").then().statusCode(200)
                .extract().path("items");
        assertTrue(items.stream().anyMatch(item -> renewed.equals(item.get("id"))), "the renewed agreement is listed");
        for (Map<String, Object> item : items) {
            assertEquals(fields(Api.given().when().get(PATH + "/" + item.get("id")).then().statusCode(200)
                    .extract().path(""), AGREEMENT_FIELDS), fields(item, AGREEMENT_FIELDS), "agreement " + item.get("id"));
        }
    }

    @Test
    void everyCostCaseInTheListSaysWhatItsRecordSaysWithItsLatestEstimate() {
        String held = meeting("2090-04");
        Map<String, Object> body = newCase("COST_CALCULATION", "Kostnadssak i listen", List.of("BFD", "KD"), held);
        body.put("reform", "Reform i listen");
        String revised = report(body);
        Map<String, Object> without = newCase("COST_CALCULATION", "Kostnadssak uten overslag", List.of("BFD"), held);
        without.put("reform", "Reform uten overslag");
        report(without);
        clock.setToday(LocalDate.of(2090, 12, 31));
        String first = estimate(revised, Map.of("amountNok", 1000.5, "periodFrom", 2091, "basis", "B", "method", "M"));
        estimate(revised, Map.of("amountNok", 2500.25, "periodFrom", 2091, "basis", "B2", "method", "M2",
                "revises", first));

        List<Map<String, Object>> items = Api.given().when().get("/api/v1/cost-cases?limit=500").then()
                .statusCode(200).extract().path("items");
        Map<String, Object> listed = items.stream().filter(item -> revised.equals(item.get("id"))).findFirst()
                .orElseThrow();
        assertEquals("2500.25", String.valueOf(((Map<?, ?>) listed.get("latestEstimate")).get("amountNok")),
                "the estimate that revised the first");
        for (Map<String, Object> item : items) {
            assertEquals(fields(Api.given().when().get("/api/v1/cost-cases/" + item.get("id")).then().statusCode(200)
                    .extract().path(""), COST_CASE_FIELDS), fields(item, COST_CASE_FIELDS), "cost case " + item.get("id"));
        }
    }

    private static String estimate(String costCase, Map<String, Object> body) {
        return Api.as("BFD", Api.KS_READ_WRITE).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cost-cases/" + costCase + "/estimates").then().statusCode(200).extract()
                .path("latestEstimate.id");
    }

    private static Map<String, Object> fields(Map<String, Object> answer, List<String> names) {
        Map<String, Object> fields = new LinkedHashMap<>();
        names.forEach(name -> fields.put(name, answer.get(name)));
        return fields;
    }
}
