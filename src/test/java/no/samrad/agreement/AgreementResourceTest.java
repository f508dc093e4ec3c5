package no.samrad.agreement;

import static no.samrad.support.Api.given;
import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.body;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.support.MovableClock;
import no.samrad.support.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgreementResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Store store;
    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Nested
    class Create {

        @Test
        void answers201WithLocationAndTheRecord() {
            String title = "Avtale om å styrke æøå-tjenester i Ålesund";
            String location = post(PATH, body(title, List.of("HOD", "KS"), LocalDate.of(2023, 3, 1),
                    LocalDate.of(2026, 12, 31)))
                    .statusCode(201)
                    .contentType(ContentType.JSON)
                    .header("Location", containsString(PATH + "/"))
                    .body("title", equalTo(title))
                    .body("status", equalTo("ACTIVE"))
                    .body("parties", contains("HOD", "KS"))
                    .body("enteredOn", equalTo("2023-03-01"))
                    .body("expiresOn", equalTo("2026-12-31"))
                    .body("firstEnteredYear", equalTo(2023))
                    .body("terms", hasSize(1))
                    .extract().header("Location");

            given().when().get(location).then()
                    .statusCode(200)
                    .body("title", equalTo(title))
                    .body("category", equalTo("WELFARE_SERVICES"));
        }

        @Test
        void proposesAndThenEnters() {
            String id = post(PATH + "/proposals", Map.of("title", "Samarbeidsavtale om innovasjon",
                    "parties", List.of("KMD", "KS"), "proposedBy", "KS", "proposedOn", "2021-04-01"))
                    .statusCode(201)
                    .header("Location", containsString(PATH + "/"))
                    .body("status", equalTo("PROPOSED"))
                    .body("proposedBy", equalTo("KS"))
                    .body("enteredOn", nullValue())
                    .extract().path("id");

            post(PATH + "/" + id + "/entry", Map.of("category", "ADMINISTRATIVE_INTERACTION",
                    "enteredOn", "2021-09-01", "expiresOn", "2024-12-31"))
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("parties", contains("KMD", "KS"))
                    .body("firstEnteredYear", equalTo(2021));

            post(PATH + "/" + id + "/entry", Map.of("category", "ADMINISTRATIVE_INTERACTION",
                    "enteredOn", "2021-09-01", "expiresOn", "2024-12-31"))
                    .statusCode(409)
                    .contentType(PROBLEM)
                    .body("code", equalTo("AGREEMENT_STATE_CONFLICT"));
        }
    }

    @Nested
    class Read {

        @Test
        void answers406ForARepresentationSamradDoesNotProduce() {
            given().accept("application/xml").when().get(PATH).then()
                    .statusCode(406).contentType(PROBLEM).body("code", equalTo("NOT_ACCEPTABLE"));
        }

        @Test
        void answers404ForAnUnknownOrMalformedId() {
            given().when().get(PATH + "/" + UUID.randomUUID()).then()
                    .statusCode(404).contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
            given().when().get(PATH + "/not-a-uuid").then()
                    .statusCode(404).contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        }

        @Test
        void historyShowsEveryEventInOrderWithPositionsAndEffectiveDates() {
            String id = enter("Avtale om e-helse", List.of("HOD", "KS"), LocalDate.of(2020, 12, 3),
                    LocalDate.of(2023, 12, 23));
            post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "2023-06-01")).statusCode(200);
            post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2023-12-01", "expiresOn", "2027-12-31"))
                    .statusCode(200);

            given().when().get(PATH + "/" + id + "/history").then()
                    .statusCode(200)
                    .body("type", contains("AgreementEntered", "AgreementRenegotiationStarted", "AgreementRenewed"))
                    .body("sequence", contains(0, 1, 2))
                    .body("effectiveOn", contains("2020-12-03", "2023-06-01", "2023-12-01"))
                    .body("position", everyItem(notNullValue()))
                    .body("recordedAt", everyItem(endsWith("Z")))
                    .body("[0].payload.parties", contains("HOD", "KS"))
                    .body("[2].payload.expiresOn", equalTo("2027-12-31"));
        }

        @Test
        void historyOfAnUnknownRecordIs404() {
            given().when().get(PATH + "/" + UUID.randomUUID() + "/history").then()
                    .statusCode(404).contentType(PROBLEM);
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void renewalIsListedUnderItsNewExpiryYearAndKeepsTheEarlierTerm() {
            String id = enter("Avtale om Digihjelpen – fornyet", List.of("KMD", "KS"), LocalDate.of(2020, 1, 7),
                    LocalDate.of(2021, 12, 31));
            long before = given().queryParam("expiringIn", 2025).when().get(PATH).then().extract()
                    .<Integer>path("total");

            post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2021-12-20", "expiresOn", "2025-12-31"))
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("expiresOn", equalTo("2025-12-31"))
                    .body("terms.enteredOn", contains("2020-01-07", "2021-12-20"))
                    .body("terms.parties", contains(List.of("KMD", "KS"), List.of("KMD", "KS")));

            given().queryParam("expiringIn", 2025).when().get(PATH).then()
                    .statusCode(200)
                    .body("total", equalTo((int) before + 1))
                    .body("items.id", hasItem(id));
            given().queryParam("expiringIn", 2021).queryParam("limit", 500).when().get(PATH).then()
                    .body("items.id", not(hasItem(id)));
        }

        @Test
        void renewalWithARenamedMinistryNamesTheSuccessor() {
            String id = enter("Avtale om digital samhandling", List.of("KMD", "KS"), LocalDate.of(2020, 9, 14),
                    LocalDate.of(2022, 9, 1));
            post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2022-06-01", "expiresOn", "2025-09-01"))
                    .statusCode(409)
                    .contentType(PROBLEM)
                    .body("code", equalTo("PARTY_NOT_VALID_ON_DATE"))
                    .body("detail", containsString("KDD"));
            post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2022-06-01", "expiresOn", "2025-09-01",
                    "parties", List.of("KDD", "KS")))
                    .statusCode(200)
                    .body("parties", contains("KDD", "KS"));
        }

        @Test
        void renewalOfAnUnknownAgreementIs404() {
            post(PATH + "/" + UUID.randomUUID() + "/renewals", Map.of("enteredOn", "2022-06-01",
                    "expiresOn", "2025-09-01"))
                    .statusCode(404).contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        }

        @Test
        void renewalWithoutDatesIs400() {
            String id = enter("Avtale om boligsosialt arbeid", List.of("KMD", "KS"), LocalDate.of(2019, 1, 1),
                    LocalDate.of(2021, 1, 1));
            post(PATH + "/" + id + "/renewals", Map.of("expiresOn", "2025-09-01"))
                    .statusCode(400).contentType(PROBLEM)
                    .body("errors.field", contains("enteredOn"));
        }

        @Test
        void renegotiationOutsideTheTermIs409() {
            String id = enter("Avtale om løslatelse", List.of("JD", "KS"), LocalDate.of(2019, 4, 10),
                    LocalDate.of(2021, 12, 31));
            post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "2022-01-01"))
                    .statusCode(409).body("code", equalTo("DATE_OUTSIDE_TERM"));
            post(PATH + "/" + UUID.randomUUID() + "/renegotiations", Map.of("startedOn", "2022-01-01"))
                    .statusCode(404);
            post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "1.1.2020"))
                    .statusCode(400).body("errors.field", contains("startedOn"));
        }

        @Test
        void terminationEndsTheAgreementAndIsRefusedTwice() {
            String id = enter("Avtale om NAV-kontorene", List.of("ASD", "KS"), LocalDate.of(2018, 4, 20),
                    LocalDate.of(2021, 12, 31));
            post(PATH + "/" + id + "/termination", Map.of("terminatedOn", "2020-06-30",
                    "reason", "Erstattet av ny utviklingsavtale"))
                    .statusCode(200)
                    .body("status", equalTo("TERMINATED"))
                    .body("endedOn", equalTo("2020-06-30"))
                    .body("endReason", equalTo("Erstattet av ny utviklingsavtale"));
            post(PATH + "/" + id + "/termination", Map.of("terminatedOn", "2020-07-30", "reason", "Igjen"))
                    .statusCode(409).body("code", equalTo("AGREEMENT_STATE_CONFLICT"));
            post(PATH + "/" + id + "/termination", Map.of("terminatedOn", "2020-07-30"))
                    .statusCode(400).body("errors.field", contains("reason"));
        }

        @Test
        void supersessionNeedsAnEnteredSuccessor() {
            String old = enter("Avtale om bosetting", List.of("JD", "KMD", "KS"), LocalDate.of(2018, 8, 29),
                    LocalDate.of(2021, 12, 31));
            String successor = enter("Avtale om bosetting 2022–2025", List.of("AID", "KDD", "KS"),
                    LocalDate.of(2022, 1, 10), LocalDate.of(2025, 12, 31));

            post(PATH + "/" + old + "/supersession", Map.of("supersededBy", UUID.randomUUID().toString(),
                    "supersededOn", "2021-12-31"))
                    .statusCode(409).body("code", equalTo("SUCCESSOR_INVALID"));
            post(PATH + "/" + old + "/supersession", Map.of("supersededBy", successor,
                    "supersededOn", "2021-12-31"))
                    .statusCode(200)
                    .body("status", equalTo("SUPERSEDED"))
                    .body("supersededBy", equalTo(successor));
            post(PATH + "/" + UUID.randomUUID() + "/supersession", Map.of("supersededBy", successor,
                    "supersededOn", "2021-12-31"))
                    .statusCode(404);
            post(PATH + "/" + old + "/supersession", Map.of("supersededBy", "not-a-uuid",
                    "supersededOn", "2021-12-31"))
                    .statusCode(400).body("errors.field", contains("supersededBy"));
        }
    }

    @Nested
    class Lists {

        @Test
        void filtersByYearPartyStatusAndDateInForceSortedByExpiry() {
            String late = enter("Avtale om kulturlova – sein", List.of("KUD", "KS"), LocalDate.of(2030, 1, 1),
                    LocalDate.of(2067, 12, 31));
            String early = enter("Avtale om kulturlova – tidleg", List.of("KUD", "KS"), LocalDate.of(2030, 1, 1),
                    LocalDate.of(2067, 3, 1));

            given().queryParam("expiringIn", 2067).when().get(PATH).then()
                    .statusCode(200)
                    .body("items.id", contains(early, late))
                    .body("total", equalTo(2))
                    .body("items[0].keySet()", hasItems("id", "title", "status", "parties", "enteredOn",
                            "expiresOn", "firstEnteredYear", "category"));
            given().queryParam("expiringIn", 2067).queryParam("limit", 1).when().get(PATH).then()
                    .body("items.id", contains(early))
                    .body("next", containsString("offset=1"));
            given().queryParam("expiringIn", 2067).queryParam("limit", 1).queryParam("offset", 1).when().get(PATH)
                    .then()
                    .body("items.id", contains(late))
                    .body("next", nullValue());
            given().queryParam("party", "KUD").queryParam("limit", 500).when().get(PATH).then()
                    .body("items.id", hasItems(early, late))
                    .body("items.parties", everyItem(hasItem("KUD")));
            given().queryParam("inForceOn", "2067-06-01").queryParam("limit", 500).when().get(PATH).then()
                    .body("items.id", hasItem(late))
                    .body("items.id", not(hasItem(early)));
            given().queryParam("status", "TERMINATED").queryParam("limit", 500).when().get(PATH).then()
                    .body("items.status", everyItem(equalTo("TERMINATED")));
        }

        @Test
        void expiringThisYearAndWithinDaysFollowTheClockInOslo() {
            clock.setToday(LocalDate.of(2071, 6, 1));
            String soon = enter("Avtale som utløper snart", List.of("HOD", "KS"), LocalDate.of(2070, 1, 1),
                    LocalDate.of(2071, 7, 15));
            String later = enter("Avtale som utløper seinere", List.of("HOD", "KS"), LocalDate.of(2070, 1, 1),
                    LocalDate.of(2071, 12, 31));

            given().queryParam("expiringIn", "current").when().get(PATH).then()
                    .body("items.id", contains(soon, later));
            given().queryParam("expiringWithinDays", 90).when().get(PATH).then()
                    .body("items.id", hasItem(soon))
                    .body("items.id", not(hasItem(later)));
        }

        @Test
        void badFiltersAre400() {
            for (Map.Entry<String, String> bad : Map.of("expiringIn", "next", "expiringWithinDays", "-1",
                    "inForceOn", "20.04.2021", "status", "ALIVE", "limit", "0", "offset", "x",
                    "party", "NOPE").entrySet()) {
                given().queryParam(bad.getKey(), bad.getValue()).when().get(PATH).then()
                        .statusCode(400)
                        .contentType(PROBLEM)
                        .body("errors.field", contains(bad.getKey()));
            }
        }
    }

    @Nested
    class BadInput {

        private final Map<String, Object> valid = body("Avtale om kvalitet", List.of("KD", "KS"),
                LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1));

        private void refused(Object requestBody, int status, String code) {
            Store.Snapshot before = store.snapshot();
            given().contentType(ContentType.JSON).body(requestBody).when().post(PATH).then()
                    .statusCode(status)
                    .contentType(PROBLEM)
                    .body("code", equalTo(code))
                    .body("type", equalTo("urn:samrad:problem:" + code.toLowerCase().replace('_', '-')))
                    .body("status", equalTo(status))
                    .body("detail", notNullValue())
                    .body(not(containsString("Exception")))
                    .body(not(containsString("no.samrad")));
            assertEquals(before, store.snapshot(), "a refused request must store nothing");
        }

        private Map<String, Object> with(String key, Object value) {
            Map<String, Object> changed = new java.util.HashMap<>(valid);
            changed.put(key, value);
            return changed;
        }

        @Test
        void malformedJson() {
            refused("{\"title\": \"Avtale\", ", 400, "MALFORMED_JSON");
            refused("[1, 2]", 400, "MALFORMED_JSON");
        }

        @Test
        void unknownParty() {
            refused(with("parties", List.of("XYZ", "KS")), 400, "UNKNOWN_PARTY");
        }

        @Test
        void partyNotValidOnTheEntryDate() {
            refused(with("parties", List.of("KDD", "KS")), 409, "PARTY_NOT_VALID_ON_DATE");
        }

        @Test
        void expiryBeforeEntry() {
            refused(with("expiresOn", "2020-12-31"), 400, "EXPIRY_NOT_AFTER_ENTRY");
        }

        @Test
        void wrongDateFormat() {
            refused(with("enteredOn", "01.01.2021"), 400, "INVALID_REQUEST");
            refused(with("enteredOn", "2021-02-30"), 400, "INVALID_REQUEST");
        }

        @Test
        void unknownFieldAndWrongTypes() {
            refused(with("colour", "blue"), 400, "INVALID_REQUEST");
            refused(with("category", "WELFARE"), 400, "INVALID_REQUEST");
            refused(with("parties", "KD KS"), 400, "INVALID_REQUEST");
            refused(with("firstEnteredYear", "early"), 400, "INVALID_REQUEST");
        }

        @Test
        void missingFields() {
            refused(Map.of("category", "WELFARE_SERVICES"), 400, "INVALID_REQUEST");
            refused("", 400, "INVALID_REQUEST");
        }

        @Test
        void wrongMediaTypeAndMethod() {
            Store.Snapshot before = store.snapshot();
            given().contentType(ContentType.TEXT).body("hello").when().post(PATH).then()
                    .statusCode(415).contentType(PROBLEM).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
            given().when().delete(PATH).then()
                    .statusCode(405).contentType(PROBLEM).body("code", equalTo("METHOD_NOT_ALLOWED"));
            assertEquals(before, store.snapshot());
        }
    }
}
