package no.samrad.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import no.samrad.support.LoggedHistory;
import no.samrad.support.RenewalLoad;
import no.samrad.support.SamradProcess;
import no.samrad.support.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged Samråd on its embedded default, killed with SIGKILL while writers renew
 * agreements and a rebuild of every read model runs, then started again: every event whose
 * command was acknowledged is there, none twice, and in the read models; the published log is
 * intact and has kept every promise; and every read model equals a rebuild from the events, which
 * can be started again. Every command the kill left unanswered is sent again with its
 * Idempotency-Key and told the truth.
 */
@Tag("fault")
class ProcessKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 50;
    private static final int WRITERS = 16;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;

    @TempDir
    Path dataDir;

    @Test
    void aKilledServiceLosesNoAcknowledgedEventAndItsReadModelsEqualARebuild() throws Exception {
        try (SamradProcess samrad = new SamradProcess(dataDir, Map.of("SAMRAD_DEMO_DATA", "false"))) {
            samrad.start();
            String token = Tokens.of(dataDir, "KS", "samrad:read samrad:write", Duration.ofHours(1));
            RenewalLoad load = new RenewalLoad(samrad.base(), token);
            List<String> agreements = load.enterAgreements("Avtale under SIGKILL", RECORDS);

            ConcurrentLinkedQueue<RenewalLoad.Outcome> outcomes = new ConcurrentLinkedQueue<>();
            CompletableFuture<List<RenewalLoad.Outcome>> writers = CompletableFuture.supplyAsync(() -> {
                try {
                    return load.run(agreements, WRITERS, 100_000, "killed", outcomes);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Awaitility.await("acknowledged commands before the kill").atMost(Duration.ofMinutes(3))
                    .until(() -> outcomes.stream().filter(RenewalLoad.Outcome::acknowledged).count()
                            >= ACKNOWLEDGED_BEFORE_KILL);
            Admin admin = new Admin(samrad.base(), Tokens.of(dataDir, null, "samrad:admin samrad:audit samrad:read",
                    Duration.ofHours(1)));
            admin.startRebuildOfEveryReadModel();
            samrad.kill();
            List<RenewalLoad.Outcome> answered = writers.get();
            assertTrue(answered.stream().noneMatch(outcome -> outcome.status() >= 500),
                    "no command was answered with a server error");

            samrad.start();
            LoggedHistory history = LoggedHistory.read(load, agreements);
            history.assertEveryRecordDense();
            history.assertMatches(answered, false);
            assertEquals(load.versions(agreements), admin.readModelVersions(agreements),
                    "the killed rebuild left the live read models whole, with every committed event");

            List<RenewalLoad.Outcome> afterRetries = retryEveryUnansweredCommand(load, answered, history);
            LoggedHistory retriedHistory = LoggedHistory.read(load, agreements);
            retriedHistory.assertEveryRecordDense();
            retriedHistory.assertMatches(afterRetries, true);

            AtomicReference<JsonNode> verification = new AtomicReference<>();
            Awaitility.await("every promise of inclusion fallen due").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        verification.set(admin.get("/api/v1/audit/verify"));
                        return verification.get().get("promisesPending").asLong() == 0;
                    });
            JsonNode verified = verification.get();
            assertEquals(Boolean.TRUE, verified.get("intact").asBoolean(), "the published log is intact after the kill");
            assertTrue(verified.get("promisesBroken").isEmpty(), "every promise of inclusion was kept: " + verified);
            admin.awaitEveryReadModelCaughtUp();
            Map<String, JsonNode> before = admin.answers(agreements);
            admin.rebuildEveryReadModel();
            assertEquals(before, admin.answers(agreements), "the read models equal a rebuild from the events");
        }
    }

    /**
     * Sends every command the kill left unanswered again with its Idempotency-Key, waiting while
     * the key is still held by the killed instance (until its heartbeat is old enough to tell it is
     * gone): a command whose renewal the log holds gets its answer replayed, one that left nothing
     * runs afresh. Answers with every outcome, the retries' in place of the unanswered.
     */
    private static List<RenewalLoad.Outcome> retryEveryUnansweredCommand(RenewalLoad load,
                                                                         List<RenewalLoad.Outcome> answered,
                                                                         LoggedHistory history) {
        List<RenewalLoad.Outcome> outcomes = new ArrayList<>();
        for (RenewalLoad.Outcome outcome : answered) {
            if (outcome.status() != RenewalLoad.NO_ANSWER) {
                outcomes.add(outcome);
                continue;
            }
            AtomicReference<RenewalLoad.Answer> retried = new AtomicReference<>();
            Awaitility.await("the truth about " + outcome.correlationId()).atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        retried.set(load.retry(outcome));
                        return !retried.get().inUse();
                    });
            RenewalLoad.Answer answer = retried.get();
            assertTrue(answer.status() < 500, outcome.correlationId() + " retried: " + answer);
            if (history.renewed(outcome.correlationId())) {
                assertTrue(answer.status() == 200 && answer.replayed(), outcome.correlationId()
                        + " committed before the kill, so its retry gets that answer: " + answer);
            } else {
                assertFalse(answer.replayed(), outcome.correlationId() + " left nothing, so its retry runs: " + answer);
            }
            outcomes.add(new RenewalLoad.Outcome(outcome.correlationId(), outcome.agreementId(), answer.status(),
                    answer.replayed(), outcome.request()));
        }
        return outcomes;
    }

    /** Calls of an administrator and auditor. */
    private static final class Admin {
        private final URI base;
        private final String token;
        private final HttpClient http = HttpClient.newHttpClient();

        Admin(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            return JSON.readTree(answer.body());
        }

        /** Each agreement as its record shows it, and the lists that hold them. */
        Map<String, JsonNode> answers(List<String> agreements) throws Exception {
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            for (String id : agreements) {
                answers.put(id, get("/api/v1/agreements/" + id));
            }
            for (String year : List.of("2040", "2041", "2042")) {
                answers.put("expiringIn=" + year, get("/api/v1/agreements?limit=500&expiringIn=" + year));
            }
            return answers;
        }

        void awaitEveryReadModelCaughtUp() {
            Awaitility.await("read models caught up after the restart").atMost(Duration.ofMinutes(2)).until(() -> {
                for (JsonNode state : get("/api/v1/admin/projections")) {
                    if (state.get("lagEvents").asLong() != 0) {
                        return false;
                    }
                }
                return true;
            });
        }

        /** Starts a rebuild of every read model, in one pass, and checks that it is running. */
        void startRebuildOfEveryReadModel() throws Exception {
            HttpResponse<String> started = http.send(request("/api/v1/admin/projections/rebuild")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, started.statusCode(), started.body());
            for (JsonNode model : JSON.readTree(started.body())) {
                assertEquals("RUNNING", model.path("rebuild").path("state").asText(), started.body());
            }
        }

        /** Rebuilds every read model in one pass and waits until it is done. */
        void rebuildEveryReadModel() throws Exception {
            startRebuildOfEveryReadModel();
            Awaitility.await("rebuild of every read model").atMost(Duration.ofMinutes(2)).until(() -> {
                boolean done = true;
                for (JsonNode state : get("/api/v1/admin/projections")) {
                    if (state.get("kept").asText().equals("INLINE")) {
                        String rebuild = state.path("rebuild").path("state").asText();
                        assertTrue(!rebuild.equals("FAILED"), "rebuild failed: " + state);
                        done &= rebuild.equals("DONE");
                    }
                }
                return done;
            });
        }

        /** Each agreement's version as its read model holds it. */
        Map<String, Long> readModelVersions(List<String> agreements) throws Exception {
            Map<String, Long> versions = new java.util.HashMap<>();
            for (String id : agreements) {
                versions.put(id, get("/api/v1/agreements/" + id).get("version").asLong());
            }
            return versions;
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
        }
    }
}
