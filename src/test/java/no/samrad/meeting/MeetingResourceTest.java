package no.samrad.meeting;

import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import no.samrad.support.MovableClock;
import no.samrad.support.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeetingResourceTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    static final String PATH = "/api/v1/meetings";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Store store;

    static String schedule(Map<String, Object> body) {
        return post(PATH, body).statusCode(201).extract().path("id");
    }

    @Test
    void schedulesHoldsAndShowsAMeetingWithItsHistory() {
        clock.setToday(LocalDate.of(2061, 5, 1));
        String location = post(PATH, Map.of("kind", "SECOND_CONSULTATION", "date", "2061-04"))
                .statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .header("ETag", "\"0\"")
                .body("title", equalTo("2. konsultasjonsmøte 2061"))
                .body("date", equalTo("2061-04"))
                .body("budgetYear", equalTo(2062))
                .body("status", equalTo("SCHEDULED"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("heldOn", "2061-04-20"))
                .when().post(PATH + "/" + id + "/completion").then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("HELD"))
                .body("date", equalTo("2061-04-20"));
        given().when().get(PATH + "/" + id + "/history").then()
                .statusCode(200)
                .body("type", contains("MeetingScheduled", "MeetingHeld"))
                .body("effectiveOn", contains("2061-04-01", "2061-04-20"));
        given().contentType(ContentType.JSON).body(Map.of("cancelledOn", "2061-04-21", "reason", "For sent"))
                .when().post(PATH + "/" + id + "/cancellation").then()
                .statusCode(409).contentType(PROBLEM).body("code", equalTo("MEETING_STATE_CONFLICT"));
    }

    @Test
    void listsByYearKindStatusAndMinistry() {
        String bilateral = schedule(Map.of("kind", "BILATERAL", "date", "2063", "ministry", "KDD"));
        String first = schedule(Map.of("kind", "FIRST_CONSULTATION", "date", "2063-03-10"));
        given().queryParam("year", 2063).when().get(PATH).then()
                .statusCode(200)
                .body("items.id", contains(bilateral, first))
                .body("total", equalTo(2));
        given().queryParam("year", 2063).queryParam("kind", "BILATERAL").when().get(PATH).then()
                .body("items.id", contains(bilateral))
                .body("items[0].title", equalTo("Bilateralt møte KDD–KS 2063"));
        given().queryParam("ministry", "KDD").queryParam("limit", 500).when().get(PATH).then()
                .body("items.id", hasItem(bilateral))
                .body("items.id", not(hasItem(first)));
        given().queryParam("status", "CANCELLED").queryParam("limit", 500).when().get(PATH).then()
                .body("items.id", not(hasItem(first)));
    }

    @Test
    void cancellationNeedsAReasonAndAStaleVersionIs412() {
        String id = schedule(Map.of("kind", "DIGITALISATION", "date", "2064-09"));
        post(PATH + "/" + id + "/cancellation", Map.of("cancelledOn", "2064-08-01"))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        Store.Snapshot before = store.snapshot();
        given().header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(Map.of("cancelledOn", "2064-08-01", "reason", "Utsatt"))
                .when().post(PATH + "/" + id + "/cancellation").then()
                .statusCode(412).body("code", equalTo("VERSION_MISMATCH"));
        assertEquals(before, store.snapshot());
        post(PATH + "/" + id + "/cancellation", Map.of("cancelledOn", "2064-08-01", "reason", "Utsatt"))
                .statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Utsatt"));
    }

    @Test
    void unknownAndMalformedIdsAre404AndBadDatesAre400() {
        given().when().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get(PATH + "/not-an-id/history").then().statusCode(404).contentType(PROBLEM);
        post(PATH + "/" + UUID.randomUUID() + "/completion", Map.of()).statusCode(404).contentType(PROBLEM);
        post(PATH, Map.of("kind", "SECOND_CONSULTATION", "date", "april 2021"))
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", containsString("yyyy"));
        post(PATH, Map.of("kind", "BILATERAL", "date", "2020"))
                .statusCode(400).body("code", equalTo("MEETING_MINISTRY_MISMATCH"));
        given().queryParam("year", "twenty").when().get(PATH).then().statusCode(400).contentType(PROBLEM);
    }
}
