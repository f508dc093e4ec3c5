package no.samrad.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * The published log's events of a set of agreements, once the log holds every event their
 * versions say they have, and the checks of that history against what the writers were told.
 */
public final class LoggedHistory {

    private final List<JsonNode> events;
    private final Map<String, Long> versions;

    private LoggedHistory(List<JsonNode> events, Map<String, Long> versions) {
        this.events = events;
        this.versions = versions;
    }

    /** Waits until the published log has reached every event of these agreements, then reads them. */
    public static LoggedHistory read(RenewalLoad load, List<String> agreements) throws Exception {
        Map<String, Long> versions = load.versions(agreements);
        long expected = versions.values().stream().mapToLong(version -> version + 1).sum();
        Set<String> ids = Set.copyOf(agreements);
        AtomicReference<List<JsonNode>> logged = new AtomicReference<>(List.of());
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            logged.set(load.loggedEvents(ids));
            return logged.get().size() >= expected;
        });
        return new LoggedHistory(logged.get(), versions);
    }

    /** Every record's events are numbered 0 … version, each once, and no event id repeats. */
    public void assertEveryRecordDense() {
        Map<String, List<Long>> sequences = events.stream().collect(Collectors.groupingBy(
                event -> event.get("recordId").asText(),
                Collectors.mapping(event -> event.get("sequence").asLong(), Collectors.toList())));
        versions.forEach((id, version) -> {
            List<Long> seen = sequences.getOrDefault(id, List.of()).stream().sorted().toList();
            assertEquals(version + 1, seen.size(), "events of " + id);
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i, seen.get(i), "sequence of " + id + " has no gap or repeat");
            }
        });
        Set<String> eventIds = new HashSet<>();
        events.forEach(event -> assertTrue(eventIds.add(event.get("eventId").asText()),
                "event " + event.get("eventId") + " is logged once"));
    }

    /** Whether the log holds a renewal that the command with this correlation id caused. */
    public boolean renewed(String correlationId) {
        return events.stream().anyMatch(event -> event.get("type").asText().equals("AgreementRenewed")
                && event.get("correlationId").asText().equals(correlationId));
    }

    /**
     * Each acknowledged command caused exactly one renewal; each refused one none; a command
     * whose answer was lost (the service died) at most one; and no renewal is there that no
     * writer sent.
     */
    public void assertMatches(List<RenewalLoad.Outcome> outcomes, boolean allAnswered) {
        Map<String, Integer> renewals = new HashMap<>();
        events.stream().filter(event -> event.get("type").asText().equals("AgreementRenewed"))
                .forEach(event -> renewals.merge(event.get("correlationId").asText(), 1, Integer::sum));
        Set<String> sent = new HashSet<>();
        for (RenewalLoad.Outcome outcome : outcomes) {
            sent.add(outcome.correlationId());
            int stored = renewals.getOrDefault(outcome.correlationId(), 0);
            if (outcome.acknowledged()) {
                assertEquals(1, stored, "acknowledged command " + outcome.correlationId() + " is stored once");
            } else if (outcome.status() == RenewalLoad.NO_ANSWER) {
                assertTrue(!allAnswered && stored <= 1, "unanswered command " + outcome.correlationId()
                        + " is stored at most once");
            } else {
                assertEquals(0, stored, "refused command " + outcome.correlationId() + " (" + outcome.status()
                        + ") left nothing");
            }
        }
        assertTrue(sent.containsAll(renewals.keySet()), "every logged renewal was sent by a writer");
    }
}
