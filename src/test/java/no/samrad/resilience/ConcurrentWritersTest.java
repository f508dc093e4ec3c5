package no.samrad.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.samrad.infrastructure.security.LocalIssuer;
import no.samrad.support.LoggedHistory;
import no.samrad.support.RenewalLoad;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many integrators writing to the same records at once: every acknowledged command's events are
 * stored exactly once, every refused command left nothing, and a conflict is a 409 or a 412, never
 * a 5xx. Every command carries an Idempotency-Key, and one in ten is sent twice at once: one of the
 * pair runs, the other is told the truth.
 * The size is issue 6's (32 writers × 1,000 commands over 50 records); {@code
 * -Dsamrad.fault.commands-per-writer} shrinks it for a quick local run.
 */
@QuarkusTest
@Tag("fault")
class ConcurrentWritersTest {

    private static final int WRITERS = 32;
    private static final int RECORDS = 50;
    private static final int COMMANDS_EACH = Integer.getInteger("samrad.fault.commands-per-writer", 1000);

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyAcknowledgedCommandIsStoredOnceAndEveryRefusedOneLeftNothing() throws Exception {
        String token = Tokens.mint(LocalIssuer.ISSUER, Tokens.AUDIENCE, "KS", "samrad:read samrad:write",
                java.time.Instant.now(), Duration.ofHours(2));
        RenewalLoad load = new RenewalLoad(base, token);
        List<String> agreements = load.enterAgreements("Samtidige skrivere", RECORDS);

        List<RenewalLoad.Outcome> outcomes = load.run(agreements, WRITERS, COMMANDS_EACH, "concurrent");

        Map<Integer, Long> statuses = outcomes.stream()
                .collect(Collectors.groupingBy(RenewalLoad.Outcome::status, TreeMap::new, Collectors.counting()));
        assertEquals(WRITERS * COMMANDS_EACH, outcomes.size(), "every command was answered: " + statuses);
        assertTrue(Set.of(200, 202, 409, 412).containsAll(statuses.keySet()),
                "answers are successes, stale versions and rule refusals only: " + statuses);
        assertTrue(statuses.getOrDefault(200, 0L) > 0 && statuses.getOrDefault(412, 0L) > 0,
                "the run both succeeded and met stale versions: " + statuses);
        List<RenewalLoad.Twin> twins = load.twins();
        assertTrue(twins.size() > WRITERS * COMMANDS_EACH / 20, "commands were sent twice at once: " + twins.size());
        twins.forEach(ConcurrentWritersTest::assertOneRanAndTheOtherWasToldTheTruth);

        LoggedHistory history = LoggedHistory.read(load, agreements);
        history.assertEveryRecordDense();
        history.assertMatches(outcomes, true);
    }

    /**
     * Of a command sent twice at once under one key, one ran; the other got its answer again or was
     * told to retry (409 IDEMPOTENCY_KEY_IN_USE with Retry-After), and a retry once both were in
     * got the answer of the one that ran. A refused command is not remembered, so both may run and
     * be refused.
     */
    private static void assertOneRanAndTheOtherWasToldTheTruth(RenewalLoad.Twin twin) {
        List<RenewalLoad.Answer> both = List.of(twin.first(), twin.second());
        for (RenewalLoad.Answer answer : List.of(twin.first(), twin.second(), twin.retried())) {
            assertTrue(answer.status() >= 200 && answer.status() < 500, twin.correlationId() + ": " + answer);
            if (answer.inUse()) {
                assertTrue(answer.retryAfter() != null, twin.correlationId() + " in use says when to retry");
            }
        }
        assertTrue(!twin.retried().inUse(), twin.correlationId() + ": a retry once both were answered is not kept"
                + " waiting: " + twin.retried());
        List<RenewalLoad.Answer> ran = both.stream().filter(answer -> !answer.replayed() && !answer.inUse()).toList();
        List<RenewalLoad.Answer> acknowledged = ran.stream().filter(answer -> answer.status() < 300).toList();
        assertTrue(!ran.isEmpty() && acknowledged.size() <= 1, twin.correlationId() + " ran once: " + both);
        assertTrue(acknowledged.isEmpty() || twin.retried().replayed(), twin.correlationId()
                + " stored once, so its retry is a replay: " + twin.retried());
        if (acknowledged.size() == 1) {
            RenewalLoad.Answer original = acknowledged.get(0);
            for (RenewalLoad.Answer answer : both) {
                if (answer != original) {
                    assertTrue(answer.inUse() || (answer.replayed() && answer.status() == original.status()
                            && answer.body().equals(original.body())), twin.correlationId() + ": " + both);
                }
            }
            assertTrue(twin.retried().replayed() && twin.retried().body().equals(original.body()),
                    twin.correlationId() + " retried: " + twin.retried());
        } else {
            assertTrue(!twin.retried().replayed(), twin.correlationId()
                    + ": a refused command is not remembered, so its retry runs: " + twin.retried());
        }
    }
}
