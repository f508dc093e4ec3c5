package no.samrad.agreement;

import static no.samrad.support.Api.given;
import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import no.samrad.agreement.expiry.AgreementExpiryJob;
import no.samrad.agreement.query.AgreementProjection;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgreementExpiryJobTest {

    @Inject
    AgreementExpiryJob job;
    @Inject
    MovableClock clock;
    @Inject
    ProjectionCatchUp catchUp;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void expiresWhatIsDueDatedAtItsExpiryDateAndNothingTwice() {
        LocalDate expiry = LocalDate.of(2081, 12, 31);
        String due = enter("Avtale som går ut", List.of("HOD", "KS"), LocalDate.of(2079, 1, 1), expiry);
        String notDue = enter("Avtale som varer", List.of("HOD", "KS"), LocalDate.of(2079, 1, 1),
                LocalDate.of(2083, 1, 1));

        clock.setToday(expiry);
        job.sweep();
        given().when().get(PATH + "/" + due).then().body("status", equalTo("ACTIVE"));

        clock.setToday(expiry.plusDays(1));
        assertTrue(job.sweep() >= 1);
        assertTrue(catchUp.await(AgreementProjection.PROCESSING_GROUP, Duration.ofSeconds(10)));
        given().when().get(PATH + "/" + due).then()
                .body("status", equalTo("EXPIRED"))
                .body("endedOn", equalTo("2081-12-31"));
        given().when().get(PATH + "/" + notDue).then().body("status", equalTo("ACTIVE"));
        given().when().get(PATH + "/" + due + "/history").then()
                .body("[-1].type", equalTo("AgreementExpired"))
                .body("[-1].effectiveOn", equalTo("2081-12-31"));

        assertEquals(0, job.sweep(), "a second sweep on the same day expires nothing");
        given().when().get(PATH + "/" + due + "/history").then().body("size()", equalTo(2));
    }
}
