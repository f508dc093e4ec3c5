package no.samrad.demo;

import static no.samrad.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.samrad.support.WithDemoData;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's promise: started on an empty store, Samråd holds the agreements of
 * appendix c, and since their expiry dates have passed, the expiry job has expired each of them,
 * dated at its own expiry date.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
class DemoDataTest {

    private static final String PATH = "/api/v1/agreements";

    @Test
    void appendixCIsImportedAndExpiredAtItsOwnDates() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("status", "EXPIRED").when().get(PATH).then().body("total", equalTo(10)));

        given().queryParam("expiringIn", 2021).when().get(PATH).then()
                .body("total", equalTo(5))
                .body("items.expiresOn", everyItem(equalTo("2021-12-31")));
        given().queryParam("expiringIn", 2022).when().get(PATH).then()
                .body("items.title", contains(
                        "Avtale om oppfølging av ambisjoner og felles tiltak i digitaliseringsstrategi for offentlig sektor"));
        given().queryParam("expiringIn", 2023).when().get(PATH).then()
                .body("total", equalTo(4));
        given().queryParam("inForceOn", "2021-04-20").when().get(PATH).then()
                .body("total", equalTo(10));
        given().queryParam("status", "PROPOSED").when().get(PATH).then()
                .body("items.title", containsInAnyOrder("Samarbeidsavtale om innovasjon og FNs bærekraftmål",
                        "Samarbeidsavtale om varig struktur for koordinering av arbeidet med utsatte barn og unge"));

        List<Map<String, Object>> agreements = given().queryParam("status", "EXPIRED").when().get(PATH).then()
                .extract().path("items");
        for (Map<String, Object> agreement : agreements) {
            given().when().get(PATH + "/" + agreement.get("id") + "/history").then()
                    .body("[0].type", equalTo("AgreementEntered"))
                    .body("[0].metadata.source",
                            startsWith("Materialet til 2. konsultasjonsmøte 2021, vedlegg c, rad "))
                    .body("[-1].type", equalTo("AgreementExpired"))
                    .body("[-1].effectiveOn", equalTo(agreement.get("expiresOn")));
        }
    }

    @Test
    void theMeetingsTheMaterialNamesExistAndWereHeld() {
        String meetings = "/api/v1/meetings";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("status", "HELD").when().get(meetings).then().body("total", equalTo(6)));
        given().queryParam("limit", 50).when().get(meetings).then()
                .body("items.title", contains("2. konsultasjonsmøte 2007", "1. konsultasjonsmøte 2019",
                        "2. konsultasjonsmøte 2019", "Bilateralt møte BFD–KS 2020", "Bilateralt møte KMD–KS 2020",
                        "2. konsultasjonsmøte 2021"))
                .body("items.date", contains("2007", "2019", "2019", "2020", "2020", "2021-04"))
                .body("items[5].budgetYear", equalTo(2022));
    }

    /** Appendix c of the 2nd meeting of 2021, row by row against the material's own table. */
    @Test
    void appendixCOfTheSecondMeetingOf2021IsTheMaterialsTable() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("status", "HELD").when().get("/api/v1/meetings").then().body("total", equalTo(6)));
        String meeting = given().queryParam("year", 2021).queryParam("kind", "SECOND_CONSULTATION")
                .when().get("/api/v1/meetings").then().extract().path("items[0].id");
        List<Map<String, Object>> rows = given().when().get("/api/v1/meetings/" + meeting + "/appendices/c").then()
                .statusCode(200).extract().path("rows");

        JsonNode material;
        try (var in = getClass().getClassLoader().getResourceAsStream("demo/konsultasjon-2021.json")) {
            material = new ObjectMapper().readTree(in);
        }
        assertEquals(material.path("agreements").size(), rows.size());
        for (JsonNode expected : material.path("agreements")) {
            Map<String, Object> row = rows.stream().filter(r -> expected.path("title").asText().equals(r.get("title")))
                    .findFirst().orElseThrow(() -> new AssertionError("missing " + expected.path("title")));
            assertEquals(expected.path("enteredIso").asText(), row.get("enteredOn"));
            assertEquals(expected.path("expiresIso").asText(), row.get("expiresOn"));
            assertEquals(expected.path("firstEnteredYear").asInt(), row.get("firstEnteredYear"));
            assertEquals(expected.path("category").asText(), row.get("category"));
            assertEquals(expected.path("parties").size(), ((List<?>) row.get("parties")).size());
        }
    }

    @Test
    void theSourcesLaterMinistryCodesAreMappedToThoseOfTheEntryDate() {
        given().queryParam("party", "BLD").when().get(PATH).then()
                .body("items.title", contains(
                        "Avtale om bosetting av flyktninger i kommunene og om etablering og nedlegging av asylmottak samt omsorgssentre"))
                .body("items[0].parties", contains("JD", "BLD", "KMD", "KS"));
    }

    @Test
    void theCasesOfTheMaterialStandAsItDescribesThem() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("status", "concluded").when().get("/api/v1/law-participation").then()
                        .body("total", equalTo(2)));

        given().queryParam("status", "open").when().get("/api/v1/cost-cases").then()
                .body("items.title", contains("Nødnett", "Barnevernsreformen", "Ny barnevernslov"))
                .body("items.ministries", contains(List.of("JD"), List.of("BFD"), List.of("BFD")));
        given().queryParam("status", "awaiting-decision").when().get("/api/v1/law-participation").then()
                .body("items.title", contains("Ny opplæringslov"))
                .body("items[0].ministries", contains("KD"))
                .body("items[0].requestedBy", equalTo("KS"));
        given().queryParam("status", "concluded").when().get("/api/v1/law-participation").then()
                .body("items.title", contains(
                        "Integreringsloven (lov om integrering gjennom opplæring, utdanning og arbeid)",
                        "Tolkeloven (lov om offentlige organers ansvar for bruk av tolk m.v.)"))
                .body("items.milestones.milestone", contains(List.of("IN_FORCE"), List.of("BILL_PRESENTED")));
        given().queryParam("kind", "CROSS_SECTOR_THEME").when().get("/api/v1/cases").then()
                .body("items.title", contains("Covid-19-situasjonen", "Ungt utenforskap"))
                .body("items.caseNumber", everyItem(org.hamcrest.Matchers.startsWith("2021/")));
        given().queryParam("ministry", "OED").when().get("/api/v1/cases").then()
                .body("items.title", contains(
                        "Virkemidler for omstilling til lavutslippssamfunnet og tilpasning til klimaendringer"));
    }

    /** Appendices a and b of the 2nd meeting of 2021, row by row against the material's tables. */
    @Test
    void appendicesAAndBOfTheSecondMeetingOf2021AreTheMaterialsTables() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("status", "concluded").when().get("/api/v1/law-participation").then()
                        .body("total", equalTo(2)));
        String meeting = given().queryParam("year", 2021).queryParam("kind", "SECOND_CONSULTATION")
                .when().get("/api/v1/meetings").then().extract().path("items[0].id");
        JsonNode material;
        try (var in = getClass().getClassLoader().getResourceAsStream("demo/konsultasjon-2021.json")) {
            material = new ObjectMapper().readTree(in);
        }
        for (Map.Entry<String, String> appendix : Map.of("a", "appendixA_likely",
                "b", "appendixB_lawParticipation").entrySet()) {
            List<Map<String, Object>> rows = given().when()
                    .get("/api/v1/meetings/" + meeting + "/appendices/" + appendix.getKey()).then()
                    .statusCode(200).extract().path("rows");
            JsonNode expected = material.path(appendix.getValue());
            assertEquals(expected.size(), rows.size(), "rows of appendix " + appendix.getKey());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = expected.get(i);
                assertEquals(row.path("title").asText(), rows.get(i).get("title"));
                assertEquals(List.of(row.path("ministry").asText()), rows.get(i).get("ministries"));
                assertEquals(readingOf(row.path("reportedAt").asText(), row.path("ministry").asText()),
                        rows.get(i).get("reportedAt"));
            }
        }
    }

    /** The source writes "2. møte 2019" and "Bilateralt møte 2020"; Samråd gives meetings their full names. */
    private static String readingOf(String reportedAt, String ministry) {
        java.util.regex.Matcher plenary = java.util.regex.Pattern.compile("([12])\\. møte (\\d{4})")
                .matcher(reportedAt);
        if (plenary.matches()) {
            return plenary.group(1) + ". konsultasjonsmøte " + plenary.group(2);
        }
        return reportedAt.replace("Bilateralt møte ", "Bilateralt møte " + ministry + "–KS ");
    }
}
