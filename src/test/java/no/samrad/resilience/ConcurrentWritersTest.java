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
 * stored exactly once, every refused command left nothing, and a conflict is a 409, never a 5xx.
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
        assertTrue(Set.of(200, 202, 409, 422).containsAll(statuses.keySet()),
                "answers are successes, conflicts and rule refusals only: " + statuses);
        assertTrue(statuses.getOrDefault(200, 0L) > 0 && statuses.getOrDefault(409, 0L) > 0,
                "the run both succeeded and met stale versions: " + statuses);

        LoggedHistory history = LoggedHistory.read(load, agreements);
        history.assertEveryRecordDense();
        history.assertMatches(outcomes, true);
    }
}
