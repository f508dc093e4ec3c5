package no.samrad.party;

import static no.samrad.support.Api.as;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.samrad.support.Agreements;
import no.samrad.support.Api;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The party register through the API: the history it opens with (every ministry since 1990, codes
 * resolved by date), reorganisations an admin records, and records that follow them.
 */
@QuarkusTest
class PartyRegisterApiTest {

    private static final String PATH = "/api/v1/parties";
    private static final String ADMIN = "samrad:admin samrad:read";
    private static final String SOURCE = "Kongelig resolusjon (test)";

    private static RequestSpecification admin() {
        return as("KS", ADMIN).contentType(ContentType.JSON);
    }

    /** A code no other test uses: capital letters, as the sources write codes. */
    private static String freshCode() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    private static ValidatableResponse establish(String code, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("kind", "MINISTRY");
        body.put("name", code + "-departementet");
        body.put("establishedOn", on.toString());
        body.put("source", SOURCE);
        return admin().body(body).when().post(PATH).then();
    }

    private static String enterAs(String party, List<String> parties, LocalDate enteredOn) {
        return as(party, Api.KS_READ_WRITE).contentType(ContentType.JSON)
                .body(Agreements.body("Avtale " + parties, parties, enteredOn, enteredOn.plusYears(3)))
                .when().post(Agreements.PATH).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse terminateAs(String party, String agreementId, LocalDate on) {
        return as(party, Api.KS_READ_WRITE).contentType(ContentType.JSON)
                .body(Map.of("terminatedOn", on.toString(), "reason", "Avsluttet"))
                .when().post(Agreements.PATH + "/" + agreementId + "/termination").then();
    }

    @Nested
    class TheRecordedHistory {

        @Test
        void holdsTheMinistriesOfOctober2000() {
            given().queryParam("validOn", "2000-10-16").when().get(PATH).then()
                    .statusCode(200)
                    .body("code", hasItems("AAD", "SHD", "KRD", "KUF", "BFD", "KD", "MD", "LD", "FID", "NHD", "OED",
                            "FIN", "JD", "UD", "FD", "SD"))
                    .body("code", not(hasItem("KAD")))
                    .body("code", not(hasItem("HOD")))
                    .body("find { it.code == 'BFD' }.key", equalTo("BFD"))
                    .body("find { it.code == 'KD' }.name", equalTo("Kulturdepartementet"));
        }

        @Test
        void resolvesACodeThatMeantTwoMinistriesByTheDay() {
            given().queryParam("validOn", "2000-10-16").when().get(PATH + "/BFD").then()
                    .statusCode(200).body("key", equalTo("BFD")).body("validTo", equalTo("2005-12-31"));
            given().queryParam("validOn", "2020-10-16").when().get(PATH + "/BFD").then()
                    .statusCode(200).body("key", equalTo("BFD-2019")).body("validFrom", equalTo("2019-01-22"));
            given().when().get(PATH + "/BFD").then().statusCode(200).body("key", equalTo("BFD-2019"));
            given().when().get(PATH + "/BFD-2019").then().statusCode(200).body("code", equalTo("BFD"));
            given().queryParam("validOn", "2010-06-01").when().get(PATH + "/BFD").then()
                    .statusCode(404).contentType("application/problem+json");
        }

        @Test
        void namesEverySuccessionWithItsSource() {
            given().when().get(PATH + "/SHD").then()
                    .statusCode(200)
                    .body("successors.key", hasItems("SOS-2002", "HD"))
                    .body("successors[0].change", equalTo("SPLIT"))
                    .body("sources[0]", startsWith("https://"));
            given().when().get(PATH + "/KMD").then()
                    .statusCode(200)
                    .body("predecessors.key", hasItems("KRD", "FAD"))
                    .body("successor", equalTo("KDD"));
        }

        @Test
        void servesTheRegistersOwnHistory() {
            given().when().get(PATH + "/history").then()
                    .statusCode(200)
                    .body("[0].type", equalTo("PartyEstablished"))
                    .body("[0].payload.source", notNullValue());
        }
    }

    @Nested
    class RecordsOfEarlierYears {

        @Test
        void aFourthConsultationMeetingOfOctober2000TakesACaseOfTheMinistriesOfItsDay() {
            String location = given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "CONSULTATION", "number", 4, "date", "2000-10-16"))
                    .when().post("/api/v1/meetings").then().statusCode(201)
                    .body("title", equalTo("4. konsultasjonsmøte 2000")).body("number", equalTo(4))
                    .extract().header("Location");
            String meeting = location.substring(location.lastIndexOf('/') + 1);
            given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "SECTOR_MATTER", "title", "Eldreomsorgen", "meeting", meeting,
                            "ministries", List.of("SHD", "AAD", "KRD"), "reportedOn", "2000-09-01"))
                    .when().post("/api/v1/cases").then().statusCode(201)
                    .body("ministries", equalTo(List.of("SHD", "AAD", "KRD")));
            given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "SECTOR_MATTER", "title", "Eldreomsorgen", "meeting", meeting,
                            "ministries", List.of("HOD"), "reportedOn", "2000-09-01"))
                    .when().post("/api/v1/cases").then().statusCode(409)
                    .body("code", equalTo("PARTY_NOT_VALID_ON_DATE"));
            given().queryParam("year", 2000).queryParam("kind", "CONSULTATION").queryParam("number", 4)
                    .when().get("/api/v1/meetings").then().statusCode(200).body("items.id", hasItem(meeting));
        }

        @Test
        void aBilateralMeetingOfOctober2000NamesTheCultureMinistryOfItsDay() {
            String location = given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "BILATERAL", "date", "2000-10", "ministry", "KD"))
                    .when().post("/api/v1/meetings").then().statusCode(201).extract().header("Location");
            given().when().get(location).then().statusCode(200).body("ministry", equalTo("KD"));
        }

        @Test
        void aBilateralMeetingOf2020NamesTheAgricultureAndFoodMinistry() {
            given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "BILATERAL", "date", "2020-10", "ministry", "LMD"))
                    .when().post("/api/v1/meetings").then().statusCode(201);
        }

        @Test
        void anAgreementOf2003NamesTheSocialMinistryOfItsDayAndItsSuccessorActsForIt() {
            String id = enterAs("KS", List.of("SOS", "KS"), LocalDate.of(2003, 3, 1));
            given().queryParam("inForceOn", "2003-06-01").queryParam("party", "SOS").when().get(Agreements.PATH)
                    .then().statusCode(200).body("items.id", hasItem(id));
            terminateAs("HOD", id, LocalDate.of(2004, 6, 30)).statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("NOT_ENTITLED"));
            terminateAs("AID", id, LocalDate.of(2004, 6, 30)).statusCode(200).body("status", equalTo("TERMINATED"));
        }

        @Test
        void refusesACodeNoMinistryCarriedThatDay() {
            Agreements.post(Agreements.PATH, Agreements.body("Avtale", List.of("SOS", "KS"),
                            LocalDate.of(2010, 3, 1), LocalDate.of(2012, 3, 1)))
                    .statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("PARTY_NOT_VALID_ON_DATE"));
        }
    }

    @Nested
    class Reorganisations {

        @Test
        void aNewMinistryIsUsedByTheNextCommand() {
            String code = freshCode();
            Instant before = Instant.now();
            establish(code, LocalDate.of(2025, 1, 1)).statusCode(201)
                    .header("Location", endsWith(PATH + "/" + code))
                    .body("parties[0].key", equalTo(code))
                    .body("version", notNullValue());
            enterAs(code, List.of(code, "KS"), LocalDate.of(2025, 2, 1));
            given().queryParam("asOf", before.toString()).when().get(PATH).then()
                    .statusCode(200).body("code", not(hasItem(code)));
            given().when().get(PATH).then().statusCode(200).body("code", hasItem(code));
        }

        @Test
        void aSplitHandsEachRecordToThePartGivenIt() {
            String split = freshCode();
            String first = freshCode();
            String second = freshCode();
            establish(split, LocalDate.of(2000, 1, 1)).statusCode(201);
            String schools = enterAs(split, List.of(split, "KS"), LocalDate.of(2001, 1, 1));
            String roads = enterAs(split, List.of(split, "KS"), LocalDate.of(2001, 1, 1));
            admin().body(Map.of("splitOn", "2002-01-01", "source", SOURCE, "parts", List.of(
                            Map.of("code", first, "name", first + "-departementet", "records", List.of(schools)),
                            Map.of("code", second, "name", second + "-departementet", "remainingRecords", true))))
                    .when().post(PATH + "/" + split + "/splits").then()
                    .statusCode(200).body("parties.key", hasItems(split, first, second));
            terminateAs(second, schools, LocalDate.of(2002, 6, 1)).statusCode(403);
            terminateAs(first, roads, LocalDate.of(2002, 6, 1)).statusCode(403);
            terminateAs(first, schools, LocalDate.of(2002, 6, 1)).statusCode(200);
            terminateAs(second, roads, LocalDate.of(2002, 6, 1)).statusCode(200);
        }

        @Test
        void aMergedMinistryActsForTheRecordsOfBoth() {
            String one = freshCode();
            String other = freshCode();
            String merged = freshCode();
            establish(one, LocalDate.of(2000, 1, 1)).statusCode(201);
            establish(other, LocalDate.of(2000, 1, 1)).statusCode(201);
            String agreement = enterAs(other, List.of(other, "KS"), LocalDate.of(2001, 1, 1));
            admin().body(Map.of("keys", List.of(one, other), "mergedOn", "2003-01-01", "source", SOURCE,
                            "into", Map.of("code", merged, "name", merged + "-departementet")))
                    .when().post(PATH + "/mergers").then().statusCode(200);
            given().queryParam("validOn", "2003-01-01").when().get(PATH + "/" + other).then()
                    .statusCode(404);
            terminateAs(merged, agreement, LocalDate.of(2003, 6, 1)).statusCode(200);
        }

        @Test
        void aRenamingUnderTheSameCodeKeepsTheFormerName() {
            String code = freshCode();
            establish(code, LocalDate.of(2000, 1, 1)).statusCode(201);
            admin().body(Map.of("renamedOn", "2010-01-01", "name", "Nytt navn", "source", SOURCE))
                    .when().post(PATH + "/" + code + "/renamings").then()
                    .statusCode(200).body("parties[0].name", equalTo("Nytt navn"))
                    .body("parties[0].formerNames[0].validTo", equalTo("2009-12-31"));
        }

        @Test
        void movesTasksAndAbolishes() {
            String from = freshCode();
            String to = freshCode();
            establish(from, LocalDate.of(2000, 1, 1)).statusCode(201);
            establish(to, LocalDate.of(2000, 1, 1)).statusCode(201);
            String agreement = enterAs(from, List.of(from, "KS"), LocalDate.of(2001, 1, 1));
            admin().body(Map.of("toKey", to, "movedOn", "2005-01-01", "tasks", "Barnehager", "records",
                            List.of(agreement), "source", SOURCE))
                    .when().post(PATH + "/" + from + "/task-moves").then().statusCode(200);
            admin().body(Map.of("abolishedOn", "2006-01-01", "source", SOURCE))
                    .when().post(PATH + "/" + from + "/abolition").then()
                    .statusCode(200).body("parties[0].validTo", equalTo("2005-12-31"));
            terminateAs(to, agreement, LocalDate.of(2003, 6, 30)).statusCode(200);
        }

        @Test
        void answersProblemsAndChangesNothing() {
            String code = freshCode();
            establish(code, LocalDate.of(2000, 1, 1)).statusCode(201);
            establish(code, LocalDate.of(2001, 1, 1)).statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("PARTY_CODE_IN_USE"));
            establish("lower", LocalDate.of(2001, 1, 1)).statusCode(400).body("code", equalTo("PARTY_CODE_INVALID"));
            admin().body(Map.of("code", freshCode(), "kind", "MINISTRY", "name", "X", "orgNo", "123456789",
                            "source", SOURCE))
                    .when().post(PATH).then().statusCode(400).body("code", equalTo("ORGANISATION_NUMBER_INVALID"));
            admin().body(Map.of("code", freshCode(), "kind", "MINISTRY", "name", "X"))
                    .when().post(PATH).then().statusCode(400).contentType("application/problem+json");
            admin().body(Map.of("renamedOn", "2010-01-01", "name", "X", "source", SOURCE))
                    .when().post(PATH + "/NOSUCHKEY/renamings").then()
                    .statusCode(404).contentType("application/problem+json");
            admin().body(Map.of("abolishedOn", "1999-01-01", "source", SOURCE))
                    .when().post(PATH + "/" + code + "/abolition").then()
                    .statusCode(409).body("code", equalTo("REORGANISATION_INVALID"));
            given().when().get(PATH + "/" + code).then().statusCode(200).body("validTo", equalTo(null));
        }

        @Test
        void onlyAnAdminRecordsAReorganisation() {
            as("KS", Api.KS_READ_WRITE).contentType(ContentType.JSON)
                    .body(Map.of("code", freshCode(), "kind", "MINISTRY", "name", "X", "source", SOURCE))
                    .when().post(PATH).then().statusCode(403).contentType("application/problem+json");
            Api.anonymous().contentType(ContentType.JSON)
                    .body(Map.of("code", freshCode(), "kind", "MINISTRY", "name", "X", "source", SOURCE))
                    .when().post(PATH).then().statusCode(401).contentType("application/problem+json");
        }
    }
}
