package no.samrad.audit;

import static no.samrad.support.Agreements.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.support.Api;
import no.samrad.support.EventStream;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Test;

/** The published log as Server-Sent Events: live, resumable by position, kept alive by heartbeats. */
@QuarkusTest
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String READER = Tokens.token("KS", "samrad:read");

    /** Enters an agreement and returns the published-log position of its event, from the receipt. */
    private static long enter(String title) {
        String receipt = Api.given().header("Prefer", "wait=10").contentType(ContentType.JSON)
                .body(body(title, List.of("KD", "KS"), LocalDate.of(2070, 1, 1), LocalDate.of(2072, 1, 1)))
                .when().post("/api/v1/agreements").then().statusCode(201).extract().header("Samrad-Receipt");
        return Long.parseLong(receipt.split(" ")[0]);
    }

    private static long renew(String id) {
        String receipt = Api.given().header("Prefer", "wait=10").contentType(ContentType.JSON)
                .body(Map.of("enteredOn", "2071-06-01", "expiresOn", "2075-01-01"))
                .when().post("/api/v1/agreements/" + id + "/renewals").then().statusCode(200).extract()
                .header("Samrad-Receipt");
        return Long.parseLong(receipt.split(" ")[0]);
    }

    @Test
    void anEventAppendedWhileConnectedArrivesWithItsPositionAsId() {
        try (EventStream stream = EventStream.open(READER, null)) {
            assertEquals(200, stream.status());
            assertTrue(stream.headers().get("content-type").get(0).startsWith("text/event-stream"));
            stream.until(event -> event.comment() != null, WAIT);

            long position = enter("Strømmet avtale");

            EventStream.Event arrived = stream.until(event -> String.valueOf(position).equals(event.id()), WAIT)
                    .stream().reduce((first, second) -> second).orElseThrow();
            assertEquals("event", arrived.name());
            assertTrue(arrived.data().contains("\"type\":\"AgreementEntered\""), arrived.data());
            assertTrue(arrived.data().contains("\"title\":\"Strømmet avtale\""), arrived.data());
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdMissesNothing() {
        long entered = enter("Avtale som fornyes mens klienten er borte");
        String id = Api.given().when().get("/api/v1/events?after=" + (entered - 1) + "&limit=1").then().extract()
                .path("items[0].recordId");
        long renewed = renew(id);

        try (EventStream stream = EventStream.open(READER, String.valueOf(entered))) {
            List<EventStream.Event> seen = stream.until(event -> String.valueOf(renewed).equals(event.id()), WAIT);

            List<Long> positions = seen.stream().filter(event -> event.id() != null)
                    .map(event -> Long.parseLong(event.id())).toList();
            assertEquals(entered + 1, positions.get(0), "the first event is the one after Last-Event-ID");
            for (int i = 1; i < positions.size(); i++) {
                assertEquals(positions.get(i - 1) + 1, positions.get(i), "no position is skipped");
            }
            assertTrue(seen.get(seen.size() - 1).data().contains("\"type\":\"AgreementRenewed\""));
        }
    }

    @Test
    void aQuietStreamSendsHeartbeats() {
        try (EventStream stream = EventStream.open(Tokens.token(null, "samrad:audit"), null)) {
            List<EventStream.Event> seen = stream.until(event -> "heartbeat".equals(event.comment()), WAIT);

            assertTrue(seen.stream().allMatch(event -> event.comment() != null || event.id() != null));
        }
    }
}
