package no.samrad.agreement;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.support.Store;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The test profile snapshots every third event; decisions must be the same after a snapshot. */
@QuarkusTest
class AgreementSnapshotTest {

    @Inject
    Store store;

    @Test
    void decisionsAfterASnapshotSeeTheWholeState() {
        String id = enter("Avtale om kvalitetsutvikling – mange runder", List.of("KD", "KS"),
                LocalDate.of(2018, 4, 20), LocalDate.of(2021, 12, 31));
        post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "2021-06-01")).statusCode(200);
        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2021-12-01", "expiresOn", "2024-12-31"))
                .statusCode(200);
        post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "2024-06-01")).statusCode(200);
        // Snapshots are taken on a thread of their own once the command has committed.
        Awaitility.await("a snapshot was taken").atMost(Duration.ofSeconds(10)).until(() -> store.snapshotsOf(id) > 0);

        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2024-12-01", "expiresOn", "2024-12-30"))
                .statusCode(409).body("code", equalTo("RENEWAL_TERM_INVALID"));
        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2024-12-01", "expiresOn", "2027-12-31",
                "parties", List.of("KD", "KS")))
                .statusCode(200)
                .body("terms.size()", equalTo(3));
        given().when().get(PATH + "/" + id + "/history").then().body("size()", equalTo(5));
    }

    @Test
    void aSnapshotOfAnEarlierShapeIsPassedOverAndTheRecordLoadedFromItsEvents() {
        String id = enter("Avtale med gammelt øyeblikksbilde", List.of("KD", "KS"), LocalDate.of(2018, 4, 20),
                LocalDate.of(2021, 12, 31));
        post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "2021-06-01")).statusCode(200);
        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2021-12-01", "expiresOn", "2024-12-31"))
                .statusCode(200);
        post(PATH + "/" + id + "/renegotiations", Map.of("startedOn", "2024-06-01")).statusCode(200);
        Awaitility.await("a snapshot was taken").atMost(Duration.ofSeconds(10)).until(() -> store.snapshotsOf(id) > 0);
        store.makeSnapshotsOfAnEarlierShape(id);

        // The correction needs the term before the current one, which only the events still tell.
        post(PATH + "/" + id + "/corrections", Map.of("enteredOn", "2018-01-01", "reason", "Før forrige periode"))
                .statusCode(409).body("code", equalTo("TERMS_OUT_OF_ORDER"));
        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2024-12-01", "expiresOn", "2027-12-31"))
                .statusCode(200).body("terms.size()", equalTo(3));
    }
}
