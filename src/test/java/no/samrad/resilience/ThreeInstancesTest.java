package no.samrad.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import no.samrad.infrastructure.replica.WalPositions;
import no.samrad.infrastructure.security.KeysCommand;
import no.samrad.support.PrivatePostgres;
import no.samrad.support.SamradProcess;
import no.samrad.support.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the packaged PostgreSQL jar on one database with a streaming replica, as an
 * operator runs them: given one set of keys, 32 writers send their commands round-robin across
 * the instances, each write is read back at once from another instance and through the replica
 * path, and the instance that holds the chain is killed with SIGKILL. Nothing acknowledged is lost
 * or doubled, the chain moves to a live instance within its bound and skips nothing, and every
 * instance verifies the log and answers the lists alike.
 */
@Tag("fault")
class ThreeInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INSTANCES = 3;
    private static final int WRITERS = 32;
    private static final int COMMANDS_EACH = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 80;
    private static final String CHAIN = "event-chain";
    private static final String PATH = "/api/v1/agreements";
    /** Axon's claim timeout (10 s) and its claim cycle (5 s), with room for a loaded machine. */
    private static final Duration CHAIN_TAKEOVER_BOUND = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A command as a writer sent it, and what became of it. */
    private record Sent(String key, String title, int instance) {
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void killingTheChainsHolderLosesNothingAndTheInstancesAgree() throws Exception {
        Path keys = directory.resolve("keys");
        assertEquals(0, KeysCommand.run(new String[] {"--dir", keys.resolve("audit").toString(), "--algorithm",
                "Ed25519"}, quiet(), quiet()));
        assertEquals(0, KeysCommand.run(new String[] {"--dir", keys.resolve("issuer").toString(), "--algorithm",
                "RSA"}, quiet(), quiet()));
        String writer = Tokens.of(keys, "KS", "samrad:read samrad:write", Duration.ofHours(1));
        String admin = Tokens.of(keys, null, "samrad:admin samrad:audit samrad:read", Duration.ofHours(1));

        PrivatePostgres database = new PrivatePostgres();
        database.init(Map.of("replica", "true"));
        Map<String, String> settings = database.start();
        List<SamradProcess> instances = new ArrayList<>();
        try {
            Map<String, String> environment = new HashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", settings.get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "SAMRAD_REPLICA_URL", settings.get("samrad.replica.url"),
                    "SAMRAD_AUDIT_KEYS", keys.resolve("audit").toString(),
                    "SAMRAD_AUTH_LOCAL_ISSUER_KEYS", keys.resolve("issuer").toString(),
                    "SAMRAD_DEMO_DATA", "false",
                    "JAVA_TOOL_OPTIONS", "-Xmx384m"));
            for (int i = 0; i < INSTANCES; i++) {
                SamradProcess instance = new SamradProcess(SamradProcess.PG_JAR, directory.resolve("instance-" + i),
                        environment);
                java.nio.file.Files.createDirectories(instance.dataDir());
                instance.start();
                instances.add(instance);
            }
            Set<Integer> live = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < INSTANCES; i++) {
                live.add(i);
            }

            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            List<Sent> unanswered = new CopyOnWriteArrayList<>();
            Map<String, AtomicInteger> readFrom = new ConcurrentHashMap<>();
            List<String> problems = new CopyOnWriteArrayList<>();
            AtomicReference<String> newestPosition = new AtomicReference<>("0/0");
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writerNo = w;
                work.add(writers.submit(() -> {
                    for (int c = 0; c < COMMANDS_EACH; c++) {
                        List<Integer> targets = new ArrayList<>(live);
                        int target = targets.get((writerNo + c) % targets.size());
                        Sent sent = new Sent("three-" + writerNo + "-" + c, "Avtale " + writerNo + "-" + c, target);
                        HttpResponse<String> answer = post(instances.get(target).base(), writer, sent);
                        if (answer == null) {
                            unanswered.add(sent);
                            continue;
                        }
                        if (answer.statusCode() != 201) {
                            problems.add(sent.key() + " answered " + answer.statusCode() + ": " + answer.body());
                            continue;
                        }
                        String id = json(answer.body()).get("id").asText();
                        acknowledged.put(sent.key(), id);
                        String position = answer.headers().firstValue(WalPositions.READ_AFTER).orElse(null);
                        if (position == null) {
                            problems.add(sent.key() + " named no WAL position");
                            continue;
                        }
                        newestPosition.accumulateAndGet(position, (a, b) ->
                                WalPositions.reaches(WalPositions.parse(a), WalPositions.parse(b)) ? a : b);
                        for (int other = 1; other < targets.size(); other++) {
                            int reader = targets.get((writerNo + c + other) % targets.size());
                            HttpResponse<String> read = get(instances.get(reader).base(), writer, PATH + "/" + id,
                                    position);
                            if (read == null) {
                                continue;
                            }
                            if (read.statusCode() != 200 || !json(read.body()).get("title").asText()
                                    .equals(sent.title())) {
                                problems.add(sent.key() + " read back from instance " + reader + ": "
                                        + read.statusCode() + " " + read.body());
                            }
                            readFrom.computeIfAbsent(read.headers().firstValue(WalPositions.READ_FROM)
                                    .orElse("none"), from -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }

            Awaitility.await("acknowledged commands before the kill").atMost(Duration.ofMinutes(3))
                    .until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
            int holder = holderOfTheChain(instances, admin);
            String killedId = instanceId(instances.get(holder));
            Instant killedAt = Instant.now();
            live.remove(holder);
            instances.get(holder).kill();
            int survivor = live.iterator().next();
            Awaitility.await("the chain held by a live instance").atMost(CHAIN_TAKEOVER_BOUND.plusSeconds(10))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        JsonNode processors = getJson(instances.get(survivor).base(), admin, "/api/v1/admin/instances")
                                .get("processors");
                        return processors.has(CHAIN) && !processors.get(CHAIN).asText().equals(killedId);
                    });
            Duration takeover = Duration.between(killedAt, Instant.now());
            assertTrue(takeover.compareTo(CHAIN_TAKEOVER_BOUND) <= 0, "the chain moved in " + takeover);

            for (Future<?> writing : work) {
                writing.get(5, TimeUnit.MINUTES);
            }
            writers.shutdown();
            assertEquals(List.of(), problems);

            for (Sent sent : unanswered) {
                AtomicReference<HttpResponse<String>> retried = new AtomicReference<>();
                Awaitility.await("the truth about " + sent.key()).atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            retried.set(post(instances.get(survivor).base(), writer, sent));
                            return retried.get() != null && retried.get().statusCode() != 409;
                        });
                assertEquals(201, retried.get().statusCode(), sent.key() + " retried: " + retried.get().body());
                acknowledged.put(sent.key(), json(retried.get().body()).get("id").asText());
            }
            assertEquals(WRITERS * COMMANDS_EACH, acknowledged.size(), "every command acknowledged in the end");

            instances.get(holder).start();
            live.add(holder);
            String head = newestPosition.get();

            Awaitility.await("the chain at the head").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        for (JsonNode processor : getJson(instances.get(survivor).base(), admin,
                                "/api/v1/admin/projections")) {
                            if (processor.get("name").asText().equals(CHAIN)) {
                                return processor.get("lagEvents").asLong() == 0;
                            }
                        }
                        return false;
                    });
            List<JsonNode> events = new ArrayList<>();
            for (String line : get(instances.get(survivor).base(), admin, "/api/v1/events/export", null).body()
                    .split("\n")) {
                if (!line.isBlank()) {
                    events.add(json(line));
                }
            }
            Map<String, Integer> entered = new TreeMap<>();
            for (JsonNode event : events) {
                if (event.get("type").asText().equals("AgreementEntered")) {
                    entered.merge(event.get("recordId").asText(), 1, Integer::sum);
                }
            }
            assertEquals(new TreeMap<>(acknowledged.values().stream().collect(java.util.stream.Collectors
                    .toMap(id -> id, id -> 1))), entered, "each acknowledged command entered its agreement once,"
                    + " and no agreement was entered that no writer was told of");

            Awaitility.await("the chain at the head on every instance").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> live.stream().allMatch(i ->
                            verify(instances.get(i), admin).get("checked").asLong() == events.size()));
            JsonNode verified = verify(instances.get(survivor), admin);
            assertTrue(verified.get("intact").asBoolean(), "the log verifies intact: " + verified);
            for (int i : live) {
                assertEquals(withoutVolatileFields(verified), withoutVolatileFields(verify(instances.get(i), admin)),
                        "instance " + i + " verifies the log alike");
            }

            JsonNode expected = getJsonReadingAfter(instances.get(survivor).base(), admin, head).get("items");
            assertEquals(WRITERS * COMMANDS_EACH, expected.size());
            for (int i : live) {
                assertEquals(expected, getJsonReadingAfter(instances.get(i).base(), admin, head).get("items"),
                        "instance " + i + " lists the agreements alike");
            }
            assertEquals(Set.of(), readFrom.keySet().stream().filter(from -> !Set.of("replica", "primary")
                    .contains(from)).collect(java.util.stream.Collectors.toSet()), "every read named its source");
            Awaitility.await("the replica serves the newest write").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250)).until(() -> "replica".equals(get(instances.get(survivor)
                            .base(), admin, PATH + "?limit=500", head).headers().firstValue(WalPositions.READ_FROM)
                            .orElse(null)));
            assertEquals(expected, getJsonReadingAfter(instances.get(survivor).base(), admin, head).get("items"),
                    "the replica lists the agreements as the primary does");
            System.out.printf("three instances: the chain moved %s after the kill; reads back from %s; %d commands"
                    + " unanswered at the kill, each retried%n", takeover, readFrom, unanswered.size());
        } finally {
            for (SamradProcess instance : instances) {
                instance.close();
            }
            database.stop();
        }
    }

    private int holderOfTheChain(List<SamradProcess> instances, String admin) {
        AtomicReference<String> holder = new AtomicReference<>();
        Awaitility.await("the chain claimed").atMost(Duration.ofMinutes(1)).until(() -> {
            JsonNode processors = getJson(instances.get(0).base(), admin, "/api/v1/admin/instances").get("processors");
            holder.set(processors.has(CHAIN) ? processors.get(CHAIN).asText() : null);
            return holder.get() != null;
        });
        for (int i = 0; i < instances.size(); i++) {
            if (instanceId(instances.get(i)).equals(holder.get())) {
                return i;
            }
        }
        throw new AssertionError("no running instance holds the chain: " + holder.get());
    }

    private String instanceId(SamradProcess instance) {
        for (JsonNode check : getJson(instance.base(), null, "/q/health/ready").get("checks")) {
            if (check.get("name").asText().equals("read models")) {
                return check.get("data").get("instance").asText();
            }
        }
        throw new AssertionError(instance.base() + " names no instance in its readiness");
    }

    private JsonNode verify(SamradProcess instance, String admin) {
        return getJson(instance.base(), admin, "/api/v1/audit/verify");
    }

    /** What every instance must answer alike; checkpoints signed meanwhile and promises falling due may differ. */
    private static JsonNode withoutVolatileFields(JsonNode verification) {
        com.fasterxml.jackson.databind.node.ObjectNode kept = JSON.createObjectNode();
        for (String field : List.of("from", "to", "checked", "intact", "firstMismatch", "checkpointsFailed",
                "promisesBroken")) {
            if (verification.has(field)) {
                kept.set(field, verification.get(field));
            }
        }
        return kept;
    }

    private JsonNode getJsonReadingAfter(URI base, String token, String position) {
        return json(get(base, token, PATH + "?limit=500", position).body());
    }

    private JsonNode getJson(URI base, String token, String path) {
        HttpResponse<String> answer = get(base, token, path, null);
        assertNotNull(answer, path + " answered");
        return json(answer.body());
    }

    private HttpResponse<String> post(URI base, String token, Sent sent) {
        Map<String, Object> body = Map.of("title", sent.title(), "category", "WELFARE_SERVICES",
                "parties", List.of("HOD", "KS"), "enteredOn", "2036-01-01", "expiresOn", "2039-12-31");
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(PATH)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", sent.key()).header("X-Correlation-Id", sent.key())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException unanswered) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpResponse<String> get(URI base, String token, String path, String readAfter) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (readAfter != null) {
            request.header(WalPositions.READ_AFTER, readAfter);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unanswered) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
