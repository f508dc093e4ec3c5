package no.samrad.cases;

import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static no.samrad.support.Cases.meeting;
import static no.samrad.support.Cases.newCase;
import static no.samrad.support.Cases.report;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import no.samrad.support.Api;
import no.samrad.support.Cases;
import no.samrad.support.MovableClock;
import no.samrad.support.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseResourceTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    static final String PATH = Cases.PATH;
    private static final String PROBLEM = "application/problem+json";
    private static final String READ_WRITE = Api.KS_READ_WRITE;

    @Inject
    Store store;

    @Test
    void aCaseIsNumberedAndWalksThroughAMeeting() {
        String meeting = meeting("2062-04");
        String location = post(PATH, newCase("SECTOR_MATTER", "Boligpolitiske virkemidler", List.of("KDD"), meeting))
                .statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .header("ETag", "\"0\"")
                .body("caseNumber", matchesPattern("\\d{4}/\\d{4}"))
                .body("status", equalTo("REPORTED"))
                .body("reportedBy", equalTo("KS"))
                .body("meeting", equalTo(meeting))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String path = PATH + "/" + id;
        clock.setToday(LocalDate.of(2062, 5, 1));

        given().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("text", "KS ber om en rask avklaring.", "givenOn", "2062-03-01", "meeting", meeting))
                .when().post(path + "/inputs").then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("inputs[0].party", equalTo("KS"))
                .body("inputs[0].text", equalTo("KS ber om en rask avklaring."));
        post(path + "/agenda-items", Map.of("meeting", meeting)).statusCode(200)
                .body("status", equalTo("ON_AGENDA"))
                .body("agenda[0].meetingDate", equalTo("2062-04"));
        post(path + "/discussions", Map.of("meeting", meeting, "outcome", "DISCUSSED", "note", "Drøftet"))
                .statusCode(200).body("status", equalTo("DISCUSSED")).body("agenda[0].outcome", equalTo("DISCUSSED"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("concludedOn", "2062-04", "outcome", "Ferdigbehandlet"))
                .when().post(path + "/conclusion").then()
                .statusCode(412).contentType(PROBLEM).body("code", equalTo("VERSION_MISMATCH"));
        post(path + "/conclusion", Map.of("concludedOn", "2062-04", "outcome", "Ferdigbehandlet"))
                .statusCode(200).header("ETag", "\"4\"").body("status", equalTo("CONCLUDED"))
                .body("concludedOn", equalTo("2062-04"));
        long events = store.events();
        post(path + "/withdrawal", Map.of("withdrawnOn", "2062-05-01", "reason", "For sent"))
                .statusCode(409).contentType(PROBLEM).body("code", equalTo("CASE_STATE_CONFLICT"));
        assertEquals(events, store.events());

        given().when().get(path).then().statusCode(200).header("ETag", "\"4\"");
        given().when().get("/api/v1/meetings/" + meeting + "/agenda").then().statusCode(200)
                .body("caseId", contains(id))
                .body("[0].caseNumber", matchesPattern("\\d{4}/\\d{4}"))
                .body("[0].outcome", equalTo("DISCUSSED"))
                .body("[0].note", equalTo("Drøftet"));
        given().when().get("/api/v1/meetings/not-a-meeting/agenda").then().statusCode(404);
        given().when().get(path + "/history").then().statusCode(200)
                .body("type", contains("CaseReported", "CaseInputAdded", "CasePutOnAgenda", "CaseDiscussed",
                        "CaseConcluded"));
        given().queryParam("meeting", meeting).when().get(PATH).then()
                .statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aCaseCanBeWithdrawn() {
        String id = report(newCase("CROSS_SECTOR_THEME", "Ungt utenforskap", null, meeting("2062-10")));
        clock.setToday(LocalDate.of(2062, 5, 1));
        post(PATH + "/" + id + "/withdrawal", Map.of("withdrawnOn", "2062-05-01", "reason", "Tatt opp i annen sak"))
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("withdrawReason",
                        equalTo("Tatt opp i annen sak"));
    }

    @Test
    void badReportsAreRefusedAndStoreNothing() {
        String meeting = meeting("2062-04");
        long events = store.events();
        post(PATH, Map.of("title", "Uten art", "meeting", meeting)).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("kind"));
        post(PATH, newCase("SECTOR_MATTER", "Med reform", List.of("KDD"), meeting)).statusCode(201);
        events = store.events();
        Map<String, Object> withReform = newCase("SECTOR_MATTER", "Med reform", List.of("KDD"), meeting);
        withReform.put("reform", "Reform");
        post(PATH, withReform).statusCode(400).body("code", equalTo("CASE_KIND_FIELDS"))
                .body("errors[0].field", equalTo("reform"));
        post(PATH, newCase("SECTOR_MATTER", "Ukjent møte", List.of("KDD"), "0f0e6c8a-3b5d-4a8e-9c1d-2e3f4a5b6c7d"))
                .statusCode(400).body("code", equalTo("MEETING_UNKNOWN"));
        post(PATH, newCase("SECTOR_MATTER", "KS som departement", List.of("KS"), meeting))
                .statusCode(400).body("code", equalTo("RESPONSIBLE_NOT_A_MINISTRY"));
        Map<String, Object> afterTheMeeting = newCase("SECTOR_MATTER", "For sent", List.of("KDD"), meeting);
        afterTheMeeting.put("reportedOn", "2062-05-01");
        post(PATH, afterTheMeeting).statusCode(400).body("code", equalTo("CASE_DATE_INVALID"));
        assertEquals(events, store.events());
    }

    @Test
    void unknownCasesAndBadFiltersAreAnsweredPlainly() {
        given().when().get(PATH + "/0f0e6c8a-3b5d-4a8e-9c1d-2e3f4a5b6c7d").then().statusCode(404)
                .contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        given().when().get(PATH + "/not-a-case").then().statusCode(404);
        given().when().get(PATH + "/not-a-case/history").then().statusCode(404);
        post(PATH + "/0f0e6c8a-3b5d-4a8e-9c1d-2e3f4a5b6c7d/withdrawal", Map.of("withdrawnOn", "2062-05-01",
                "reason", "Finnes ikke")).statusCode(404).contentType(PROBLEM);
        given().queryParam("kind", "NOPE").when().get(PATH).then().statusCode(400).body("errors[0].field",
                equalTo("kind"));
        given().queryParam("meeting", "not-a-uuid").when().get(PATH).then().statusCode(400);
        given().queryParam("ministry", "NOPE").when().get(PATH).then().statusCode(400)
                .body("code", equalTo("UNKNOWN_PARTY"));
        given().queryParam("status", "OPEN").when().get(PATH).then().statusCode(400);
    }

    @Test
    void theTitleSearchReadsNorwegianLettersInAnyCase() {
        String meeting = meeting("2062-04");
        String id = report(newCase("SECTOR_MATTER", "Økonomiske rammer for årsverk i barnehagen", List.of("KD"),
                meeting));
        report(newCase("SECTOR_MATTER", "Rammer for 100% tilskudd", List.of("KD"), meeting));
        given().queryParam("q", "ØKONOMISKE ÅRSVERK").when().get(PATH).then()
                .statusCode(200).body("items.id", contains(id));
        given().queryParam("q", "årsverk barnehagen").queryParam("meeting", meeting).when().get(PATH).then()
                .body("items.id", contains(id));
        given().queryParam("q", "%").queryParam("meeting", meeting).when().get(PATH).then()
                .body("items.title", contains("Rammer for 100% tilskudd"));
        given().queryParam("q", "a\u0000b").when().get(PATH).then().statusCode(400);
    }

    @Test
    void aRefusedReportGivesItsNumberBack() {
        String meeting = meeting("2062-04");
        Map<String, Object> good = newCase("SECTOR_MATTER", "Første", List.of("JD"), meeting);
        good.put("reportedOn", "1997");
        String first = post(PATH, good).statusCode(201).extract().path("caseNumber");
        Map<String, Object> bad = newCase("SECTOR_MATTER", "Avvist", List.of("KS"), meeting);
        bad.put("reportedOn", "1997");
        post(PATH, bad).statusCode(400);
        good.put("title", "Andre");
        String second = post(PATH, good).statusCode(201).extract().path("caseNumber");
        assertEquals("1997/0001", first);
        assertEquals("1997/0002", second);
    }

    @Test
    void fiftyConcurrentReportsGetFiftyNumbersWithoutAGap() throws Exception {
        String meeting = meeting("2062-04");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> reports = IntStream.rangeClosed(1, 50).<Callable<String>>mapToObj(n -> () -> {
                Map<String, Object> body = newCase("SECTOR_MATTER", "Samtidig sak " + n, List.of("JD"), meeting);
                body.put("reportedOn", "1996");
                return Api.as("KS", READ_WRITE).contentType(ContentType.JSON).body(body).when().post(PATH).then()
                        .statusCode(201).extract().path("caseNumber");
            }).toList();
            List<String> numbers = new ArrayList<>();
            for (Future<String> number : pool.invokeAll(reports)) {
                numbers.add(number.get());
            }
            List<String> expected = IntStream.rangeClosed(1, 50).mapToObj(n -> String.format("1996/%04d", n)).toList();
            assertEquals(expected, numbers.stream().sorted().toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aCostCaseCarriesEstimatesAssessmentsAndStatuses() {
        String meeting = meeting("2062-04");
        Map<String, Object> body = newCase("COST_CALCULATION", "Barnevernsreformen", List.of("BFD"), meeting);
        body.put("reform", "Barnevernsreformen");
        String id = report(body);
        String path = "/api/v1/cost-cases/" + id;
        given().when().get(path).then().statusCode(200).body("status", equalTo("OPENED"))
                .body("reform", equalTo("Barnevernsreformen"));
        clock.setToday(LocalDate.of(2062, 12, 31));

        String answer = Api.as("BFD", READ_WRITE).contentType(ContentType.JSON)
                .body("{\"amountNok\": 125000000.5, \"periodFrom\": 2022, \"periodTo\": 2025,"
                        + " \"basis\": \"Antall barn\", \"method\": \"Per tiltak\"}")
                .when().post(path + "/estimates").then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("ONGOING"))
                .body("latestEstimate.madeBy", equalTo("BFD"))
                .extract().asString();
        assertTrue(answer.contains("\"amountNok\":125000000.50"), answer);
        String estimate = given().when().get(path).then().extract().path("latestEstimate.id");

        Api.as("BFD", READ_WRITE).contentType(ContentType.JSON).body(Map.of("verdict", "AGREES", "reasons", "Selv"))
                .when().post(path + "/estimates/" + estimate + "/assessment").then()
                .statusCode(403).contentType(PROBLEM).body("code", equalTo("NOT_ENTITLED"));
        post(path + "/estimates/" + estimate + "/assessment", Map.of("verdict", "DISAGREES", "reasons", "For lavt"))
                .statusCode(200).body("estimates[0].verdict", equalTo("DISAGREES"));
        post(path + "/estimates/0f0e6c8a-3b5d-4a8e-9c1d-2e3f4a5b6c7d/assessment",
                Map.of("verdict", "AGREES", "reasons", "Enig")).statusCode(404)
                .body("code", equalTo("ESTIMATE_NOT_FOUND"));
        post(path + "/estimates/not-an-id/assessment", Map.of("verdict", "AGREES", "reasons", "Enig"))
                .statusCode(404);
        given().contentType(ContentType.JSON).body("{\"amountNok\": 1.005, \"periodFrom\": 2022,"
                        + " \"basis\": \"B\", \"method\": \"M\"}")
                .when().post(path + "/estimates").then().statusCode(400).body("code", equalTo("AMOUNT_INVALID"));
        post(path + "/status-updates", Map.of("meeting", meeting, "text", "Arbeidet pågår")).statusCode(200)
                .body("statusUpdates[0].text", equalTo("Arbeidet pågår"));

        given().queryParam("status", "open").queryParam("limit", 500).when().get("/api/v1/cost-cases").then()
                .statusCode(200).body("items.id", hasItem(id));
        post(PATH + "/" + id + "/conclusion", Map.of("concludedOn", "2062-04", "outcome", "Enighet",
                "finalEstimate", estimate)).statusCode(200).body("finalEstimate", equalTo(estimate));
        given().queryParam("status", "open").queryParam("limit", 500).when().get("/api/v1/cost-cases").then()
                .body("items.id", not(hasItem(id)));
        given().queryParam("status", "concluded").queryParam("limit", 500).when().get("/api/v1/cost-cases").then()
                .body("items.id", hasItem(id));
        given().queryParam("status", "nope").when().get("/api/v1/cost-cases").then().statusCode(400);
    }

    @Test
    void costAndLawEndpointsKnowOnlyTheirOwnKind() {
        String sector = report(newCase("SECTOR_MATTER", "Fagsak", List.of("BFD"), meeting("2062-04")));
        given().when().get("/api/v1/cost-cases/" + sector).then().statusCode(404);
        given().when().get("/api/v1/law-participation/" + sector).then().statusCode(404);
        post("/api/v1/cost-cases/" + sector + "/estimates", Map.of("amountNok", 10, "periodFrom", 2022,
                "basis", "B", "method", "M")).statusCode(404).body("code", equalTo("NOT_A_COST_CASE"));
        post("/api/v1/law-participation/" + sector + "/milestones", Map.of("milestone", "IN_FORCE",
                "reachedOn", "2062")).statusCode(404).body("code", equalTo("NOT_A_LAW_PARTICIPATION_CASE"));
    }

    @Test
    void aLawRequestWaitsForTheResponsibleMinistrysAnswer() {
        Map<String, Object> body = newCase("LAW_PARTICIPATION", "Ny opplæringslov", List.of("KD"), meeting("2062-04"));
        body.put("law", Map.of("title", "Lov om grunnskolen og den vidaregåande opplæringa", "kind", "LAW"));
        String id = report(body);
        String path = "/api/v1/law-participation/" + id;
        given().when().get(path).then().statusCode(200).body("state", equalTo("AWAITING_DECISION"))
                .body("requestedBy", equalTo("KS")).body("eeaOrigin", equalTo(false));
        given().queryParam("status", "awaiting-decision").queryParam("limit", 500).when()
                .get("/api/v1/law-participation").then().body("items.id", hasItem(id));
        clock.setToday(LocalDate.of(2062, 12, 31));

        post(path + "/decision", Map.of("decision", "ACCEPTED", "reasons", "KS deltar")).statusCode(403)
                .body("code", equalTo("NOT_ENTITLED"));
        Api.as("KD", READ_WRITE).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPTED", "reasons", "KS deltar i lovarbeidet", "decidedOn", "2062-05"))
                .when().post(path + "/decision").then()
                .statusCode(200).body("state", equalTo("IN_PROGRESS")).body("decidedOn", equalTo("2062-05"));
        post(path + "/milestones", Map.of("milestone", "PUBLIC_CONSULTATION", "reachedOn", "2062-06")).statusCode(200)
                .body("milestones[0].reachedOn", equalTo("2062-06"));
        post(path + "/milestones", Map.of("milestone", "PUBLIC_CONSULTATION", "reachedOn", "2062-07"))
                .statusCode(409).body("code", equalTo("MILESTONE_ALREADY_RECORDED"));
        given().queryParam("status", "in-progress").queryParam("limit", 500).when()
                .get("/api/v1/law-participation").then().body("items.id", hasItem(id));
        given().queryParam("status", "awaiting_decision").when().get("/api/v1/law-participation").then()
                .statusCode(400);
    }

    @Test
    void appendicesAAndBListTheCasesCarriedOverToAMeeting() {
        String earlier = meeting("2068-03");
        String later = meeting("2068-10");
        Map<String, Object> cost = newCase("COST_CALCULATION", "Kostnad til vedlegg", List.of("HOD"), earlier);
        cost.put("reform", "Reform");
        cost.put("reportedOn", "2068-03");
        String costCase = report(cost);
        Map<String, Object> law = newCase("LAW_PARTICIPATION", "Lov til vedlegg", List.of("HOD"), earlier);
        law.put("law", Map.of("title", "Lov til vedlegg"));
        law.put("reportedOn", "2068-03");
        String lawCase = report(law);
        clock.setToday(LocalDate.of(2068, 12, 31));
        Api.as("HOD", READ_WRITE).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPTED", "reasons", "Ja", "decidedOn", "2068-04"))
                .when().post("/api/v1/law-participation/" + lawCase + "/decision").then().statusCode(200);

        String meetings = "/api/v1/meetings/";
        given().when().get(meetings + later + "/appendices/a").then().statusCode(200)
                .body("rows.caseId", hasItem(costCase))
                .body("rows.find { it.caseId == '" + costCase + "' }.reportedAt", equalTo("2. konsultasjonsmøte 2068"))
                .body("asOf", equalTo("2068-10-31"));
        given().when().get(meetings + later + "/appendices/b").then().statusCode(200)
                .body("rows.caseId", hasItem(lawCase))
                .body("rows.find { it.caseId == '" + lawCase + "' }.ministries", contains("HOD"));
        given().when().get(meetings + earlier + "/appendices/a").then().statusCode(200)
                .body("rows.caseId", not(hasItem(costCase)));
        String csv = given().accept("text/csv").when().get(meetings + later + "/appendices/a").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("vedlegg-a-2068-10.csv"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFFSaksnummer;Departement;Sak;Oppmeldt;Ferdigbehandlet\r\n"), csv);
        assertTrue(csv.contains(";HOD;Kostnad til vedlegg;2. konsultasjonsmøte 2068;\r\n"), csv);
        given().when().get(meetings + "not-a-meeting/appendices/b").then().statusCode(404);
    }
}
