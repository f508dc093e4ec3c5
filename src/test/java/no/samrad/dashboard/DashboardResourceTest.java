package no.samrad.dashboard;

import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.support.Api;
import no.samrad.support.Cases;
import no.samrad.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard's summary, seen from days in 2091 so that the records of other tests (which live
 * in other years) stay out of its lists.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardResourceTest {

    private static final String DASHBOARD = "/api/v1/dashboard";
    private static final List<String> KD_AND_KS = List.of("KD", "KS");
    private static final LocalDate DAY = LocalDate.of(2091, 3, 1);
    private static final Set<String> OPEN_STATES = Set.of("REPORTED", "ON_AGENDA", "DISCUSSED", "OPEN");

    @Inject
    MovableClock clock;

    private String soon;
    private String later;
    private String thisYear;
    private String renewed;
    private Instant beforeLater;
    private String meeting;
    private String costCase;
    private String request;
    private String sectorMatter;

    /** Once for the class; in a @BeforeEach because RestAssured knows Samråd's port only from there. */
    @BeforeEach
    void recordsOf2091() {
        if (soon != null) {
            return;
        }
        soon = enter("Dashbord: utløper om 61 dager", KD_AND_KS, LocalDate.of(2090, 1, 1), LocalDate.of(2091, 5, 1));
        beforeLater = Instant.now();
        later = enter("Dashbord: utløper om 153 dager", KD_AND_KS, LocalDate.of(2090, 1, 1), LocalDate.of(2091, 8, 1));
        thisYear = enter("Dashbord: utløper i år", KD_AND_KS, LocalDate.of(2090, 1, 1), LocalDate.of(2091, 12, 31));
        renewed = enter("Dashbord: fornyes", KD_AND_KS, LocalDate.of(2090, 1, 1), LocalDate.of(2091, 4, 1));
        post("/api/v1/agreements/" + renewed + "/renewals", Map.of("enteredOn", "2091-03-15",
                "expiresOn", "2094-01-01")).statusCode(200);

        meeting = post("/api/v1/meetings", Map.of("kind", "SECOND_CONSULTATION", "date", "2091-04")).statusCode(201)
                .extract().path("id");
        Map<String, Object> cost = new java.util.HashMap<>(Cases.newCase("COST_CALCULATION", "Dashbord: kostnader",
                List.of("KD"), meeting));
        cost.put("reform", "Reform");
        costCase = Cases.report(cost);
        Api.as("KD", Api.KS_READ_WRITE).contentType("application/json")
                .body(Map.of("amountNok", 1234.5, "periodFrom", 2091, "basis", "B", "method", "M"))
                .when().post("/api/v1/cost-cases/" + costCase + "/estimates").then().statusCode(200);
        Map<String, Object> law = new java.util.HashMap<>(Cases.newCase("LAW_PARTICIPATION", "Dashbord: ny lov",
                List.of("KD"), meeting));
        law.put("law", Map.of("title", "Lov om dashbord"));
        request = Cases.report(law);
        sectorMatter = Cases.report(Cases.newCase("SECTOR_MATTER", "Dashbord: på sakslisten", List.of("KD"),
                meeting));
        post("/api/v1/cases/" + sectorMatter + "/agenda-items", Map.of("meeting", meeting)).statusCode(200);
    }

    private static JsonPath dashboard(String query) {
        String body = Api.given().when().get(DASHBOARD + query).then().statusCode(200).extract().asString();
        // Amounts are exact decimals, to be read as written.
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static List<String> ids(JsonPath answer, String list) {
        return answer.getList(list + ".id");
    }

    @Test
    void agreementsRunningOutAreListedByHowSoon() {
        JsonPath answer = dashboard("?on=" + DAY);

        assertEquals(DAY.toString(), answer.getString("on"));
        assertEquals(List.of(renewed, soon), ids(answer, "expiring.within90Days").stream()
                .filter(List.of(soon, later, thisYear, renewed)::contains).toList());
        assertEquals(List.of(renewed, soon, later), ids(answer, "expiring.within180Days").stream()
                .filter(List.of(soon, later, thisYear, renewed)::contains).toList());
        assertEquals(List.of(renewed, soon, later, thisYear), ids(answer, "expiring.thisYear").stream()
                .filter(List.of(soon, later, thisYear, renewed)::contains).toList());
        Map<String, Object> first = answer.getMap("expiring.within90Days.find { it.id == '" + soon + "' }");
        assertEquals("2091-05-01", first.get("expiresOn"));
        assertEquals(61, first.get("daysLeft"));
    }

    @Test
    void aRenewalTakesTheAgreementOffTheListFromTheDayItsNewTermBegins() {
        JsonPath afterRenewal = dashboard("?on=2091-03-20");

        assertFalse(ids(afterRenewal, "expiring.thisYear").contains(renewed));
        assertTrue(ids(afterRenewal, "expiring.within90Days").contains(soon));
        Map<String, Object> row = afterRenewal.getMap("timeline.find { it.id == '" + renewed + "' }");
        assertEquals(true, row.get("inForce"));
        assertEquals(2, ((List<?>) row.get("terms")).size());
    }

    @Test
    void theTimelineShowsEveryTermAndWhatIsInForceOnTheDay() {
        JsonPath answer = dashboard("?on=2091-06-01");

        assertEquals(false, answer.getMap("timeline.find { it.id == '" + soon + "' }").get("inForce"));
        assertEquals(true, answer.getMap("timeline.find { it.id == '" + later + "' }").get("inForce"));
        assertEquals(List.of("2090-01-01", "2091-03-15"),
                answer.getList("timeline.find { it.id == '" + renewed + "' }.terms.enteredOn"));
    }

    @Test
    void openCostCasesWaitingRequestsAndTheNextMeetingsWithTheirAgendas() {
        JsonPath answer = dashboard("?on=" + DAY);

        Map<String, Object> cost = answer.getMap("openCostCases.find { it.id == '" + costCase + "' }");
        assertEquals("1234.50", ((java.math.BigDecimal) ((Map<?, ?>) cost.get("latestEstimate")).get("amountNok")).toPlainString());
        assertEquals("KD", ((Map<?, ?>) cost.get("latestEstimate")).get("madeBy"));

        String reportedOn = Api.given().when().get("/api/v1/cases/" + request).then().extract().path("reportedOn");
        Map<String, Object> waiting = answer.getMap("awaitingDecision.find { it.id == '" + request + "' }");
        assertEquals("Lov om dashbord", waiting.get("law"));
        assertEquals((int) ChronoUnit.DAYS.between(PartialDate.parse(reportedOn).earliest(), DAY),
                waiting.get("daysWaited"));

        Map<String, Object> next = answer.getMap("nextMeetings.find { it.id == '" + meeting + "' }");
        assertEquals("2091-04", next.get("date"));
        assertEquals(List.of(sectorMatter), ((List<?>) next.get("agenda")).stream()
                .map(item -> ((Map<?, ?>) item).get("caseId")).toList());
    }

    @Test
    void onADayBeforeAMeetingWasHeldItIsShownScheduled() {
        String held = post("/api/v1/meetings", Map.of("kind", "FIRST_CONSULTATION", "date", "2092-03-10"))
                .statusCode(201).extract().path("id");
        clock.setToday(LocalDate.of(2092, 3, 10));
        try {
            post("/api/v1/meetings/" + held + "/completion", Map.of()).statusCode(200).body("status",
                    org.hamcrest.Matchers.equalTo("HELD"));
        } finally {
            clock.reset();
        }
        assertEquals("SCHEDULED", dashboard("?on=2092-03-09").getString("nextMeetings.find { it.id == '" + held
                + "' }.status"));
        assertEquals("HELD", dashboard("?on=2092-03-10").getString("nextMeetings.find { it.id == '" + held
                + "' }.status"));
    }

    @Test
    void anAnsweredRequestNoLongerWaits() {
        Map<String, Object> law = new java.util.HashMap<>(Cases.newCase("LAW_PARTICIPATION", "Dashbord: besvart",
                List.of("KD"), meeting));
        law.put("law", Map.of("title", "Lov som besvares"));
        String answered = Cases.report(law);
        Api.as("KD", Api.KS_READ_WRITE).contentType("application/json")
                .body(Map.of("decision", "ACCEPTED", "reasons", "Ja"))
                .when().post("/api/v1/law-participation/" + answered + "/decision").then().statusCode(200);

        assertFalse(ids(dashboard("?on=" + DAY), "awaitingDecision").contains(answered));
    }

    @Test
    void countsAreTheStatesOnTheDayAndAgreeWithTheLists() {
        JsonPath answer = dashboard("?on=" + DAY);

        int inForce = Api.given().when().get("/api/v1/agreements?inForceOn=" + DAY + "&limit=1").then()
                .statusCode(200).extract().path("total");
        Map<String, Integer> agreements = answer.getMap("counts.AGREEMENT");
        assertEquals(inForce, agreements.getOrDefault("ACTIVE", 0) + agreements.getOrDefault("RENEGOTIATION", 0));
        Map<String, Integer> costStates = answer.getMap("counts.COST_CALCULATION");
        int open = costStates.entrySet().stream().filter(entry -> OPEN_STATES.contains(entry.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        assertEquals(answer.getList("openCostCases").size(), open);
        assertTrue(answer.getLong("logHead") > 0);
    }

    @Test
    void anAgreementCountsFromItsEntryAndAsExpiredOnceItsLastTermHasRunOut() {
        int activeBefore = countOf(dashboard("?on=2096-12-31"), "ACTIVE");
        int activeThen = countOf(dashboard("?on=2097-03-01"), "ACTIVE");
        int expiredAfter = countOf(dashboard("?on=2099-01-01"), "EXPIRED");

        String agreement = enter("Dashbord: teller fra inngåelsen", KD_AND_KS, LocalDate.of(2097, 1, 1),
                LocalDate.of(2097, 6, 30));
        post("/api/v1/agreements/" + agreement + "/renewals", Map.of("enteredOn", "2097-06-30",
                "expiresOn", "2098-06-30")).statusCode(200);

        assertEquals(activeBefore, countOf(dashboard("?on=2096-12-31"), "ACTIVE"), "not entered yet");
        assertEquals(activeThen + 1, countOf(dashboard("?on=2097-03-01"), "ACTIVE"));
        assertEquals(expiredAfter + 1, countOf(dashboard("?on=2099-01-01"), "EXPIRED"),
                "recorded as active, but its last term has run out by then");
    }

    private static int countOf(JsonPath answer, String agreementState) {
        Map<String, Integer> agreements = answer.getMap("counts.AGREEMENT");
        return agreements == null ? 0 : agreements.getOrDefault(agreementState, 0);
    }

    @Test
    void withoutADayItLooksFromTodayAndAgreesWithTheAgreementList() {
        JsonPath answer = dashboard("");
        List<String> within90 = Api.given().when().get("/api/v1/agreements?expiringWithinDays=90&limit=500").then()
                .extract().path("items.id");

        assertEquals(within90.stream().sorted().toList(),
                ids(answer, "expiring.within90Days").stream().sorted().toList());
        assertNull(answer.get("asOf"));
    }

    @Test
    void asOfShowsTheRecordAsItStoodThen() {
        JsonPath answer = dashboard("?on=" + DAY + "&asOf=" + beforeLater);

        assertEquals(beforeLater.toString(), answer.getString("asOf"));
        assertTrue(ids(answer, "timeline").contains(soon));
        assertFalse(ids(answer, "timeline").contains(later));
        assertFalse(ids(answer, "openCostCases").contains(costCase));
    }

    @Test
    void asOfWithoutADayLooksFromTheInstantsDate() {
        Api.given().when().get(DASHBOARD + "?asOf=2091-03-01T12:00:00Z").then().statusCode(200)
                .body("on", equalTo("2091-03-01"));
    }

    @Test
    void signInSettingsArePublicAndOfferNoOidcWhenNoneIsConfigured() {
        Api.anonymous().when().get(DASHBOARD + "/sign-in").then().statusCode(200).body("oidc", equalTo(null));
    }
}
