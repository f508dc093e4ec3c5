package no.samrad.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Concurrent writers that renew a set of agreements over HTTP, as many integrators would at
 * once, and the checks that what they were told matches what the published log holds.
 *
 * <p>Each writer keeps its own, possibly stale, view of every agreement. Three in four of its
 * renewals carry {@code If-Match} with the version it last saw, so a stale view is refused with
 * 412; the rest carry none, so a stale view is refused by the renewal rules (409) while a fresh
 * one succeeds. Every command has a correlation id of its own, which the published log shows on
 * the events it caused: that is how an answer is matched to what was stored. It is also the
 * command's {@code Idempotency-Key}; one command in ten is sent twice at the same moment, as a
 * careless integrator's retry would, and both answers are kept ({@link Twin}).
 */
public final class RenewalLoad {

    /**
     * What one command was answered: an HTTP status, or {@link #NO_ANSWER} when the connection
     * failed; whether the answer was a replay; and the request, to be sent again with its key.
     */
    public record Outcome(String correlationId, String agreementId, int status, boolean replayed, Sent request) {
        public boolean acknowledged() {
            return status == 200 || status == 201 || status == 202;
        }
    }

    /** A command as it was sent: its path, body and If-Match, under the key that is its correlation id. */
    public record Sent(String path, String body, String ifMatch) {
    }

    /** One answer to a command sent twice at once: its status, body, and the headers that tell a replay. */
    public record Answer(int status, String body, boolean replayed, String retryAfter) {

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body(),
                    "true".equals(response.headers().firstValue("Idempotent-Replayed").orElse(null)),
                    response.headers().firstValue("Retry-After").orElse(null));
        }

        public boolean inUse() {
            return status == 409 && body.contains("IDEMPOTENCY_KEY_IN_USE");
        }
    }

    /** Both answers to a command sent twice at once with one key, and the answer to a retry once both were in. */
    public record Twin(String correlationId, Answer first, Answer second, Answer retried) {
    }

    public static final int NO_ANSWER = -1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST_ENTRY = LocalDate.of(2040, 1, 1);

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final ConcurrentLinkedQueue<Twin> twins = new ConcurrentLinkedQueue<>();

    public RenewalLoad(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Enters {@code count} agreements between HOD and KS, each with a one-day first term. */
    public List<String> enterAgreements(String titlePrefix, int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = JSON.writeValueAsString(Map.of("title", titlePrefix + " " + i,
                    "category", "WELFARE_SERVICES", "parties", List.of("HOD", "KS"),
                    "enteredOn", FIRST_ENTRY.toString(), "expiresOn", FIRST_ENTRY.plusDays(1).toString()));
            HttpResponse<String> answer = send(post("/api/v1/agreements", body, null,
                    ("enter-" + titlePrefix + i).replaceAll("[^A-Za-z0-9._:-]", "-")));
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("entering an agreement answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            ids.add(JSON.readTree(answer.body()).get("id").asText());
        }
        return ids;
    }

    /**
     * Runs {@code writers} threads of {@code commandsEach} renewals over the agreements, and answers
     * every outcome. A writer whose connection fails records {@link #NO_ANSWER} and stops: the
     * service is gone.
     */
    public List<Outcome> run(List<String> agreements, int writers, int commandsEach, String runName)
            throws InterruptedException {
        return run(agreements, writers, commandsEach, runName, new ConcurrentLinkedQueue<>());
    }

    /** As {@link #run(List, int, int, String)}, adding each outcome to {@code outcomes} as it comes. */
    public List<Outcome> run(List<String> agreements, int writers, int commandsEach, String runName,
                             ConcurrentLinkedQueue<Outcome> outcomes) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String writer = runName + "-w" + w;
            running.add(pool.submit(() -> {
                write(agreements, commandsEach, writer, outcomes);
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> writer : running) {
            try {
                writer.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a writer failed", e.getCause());
            }
        }
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return List.copyOf(outcomes);
    }

    private record View(long version, LocalDate expiresOn) {
    }

    private void write(List<String> agreements, int commandsEach, String writer, ConcurrentLinkedQueue<Outcome> outcomes)
            throws IOException, InterruptedException {
        Map<String, View> views = new HashMap<>();
        for (String id : agreements) {
            views.put(id, new View(0, FIRST_ENTRY.plusDays(1)));
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < commandsEach; i++) {
            String id = agreements.get(random.nextInt(agreements.size()));
            View view = views.get(id);
            String correlationId = writer + "-" + i;
            String body = JSON.writeValueAsString(Map.of("enteredOn", view.expiresOn().toString(),
                    "expiresOn", view.expiresOn().plusDays(1).toString()));
            String ifMatch = random.nextInt(4) == 0 ? null : "\"" + view.version() + "\"";
            Sent sent = new Sent("/api/v1/agreements/" + id + "/renewals", body, ifMatch);
            HttpResponse<String> answer;
            try {
                answer = random.nextInt(10) == 0 ? sendTwice(sent, correlationId) : send(post(sent, correlationId));
            } catch (IOException gone) {
                outcomes.add(new Outcome(correlationId, id, NO_ANSWER, false, sent));
                return;
            }
            outcomes.add(new Outcome(correlationId, id, answer.statusCode(),
                    Answer.of(answer).replayed(), sent));
            if (answer.statusCode() == 200) {
                views.put(id, viewOf(JSON.readTree(answer.body())));
            } else {
                try {
                    views.put(id, read(id));
                } catch (IOException gone) {
                    return;
                }
            }
        }
    }

    /**
     * Sends the command twice at the same moment under one key, then once more when both are in,
     * keeps the three answers, and answers with the one that stored the command, or a refusal.
     */
    private HttpResponse<String> sendTwice(Sent sent, String correlationId) throws IOException, InterruptedException {
        var first = http.sendAsync(post(sent, correlationId), HttpResponse.BodyHandlers.ofString());
        var second = http.sendAsync(post(sent, correlationId), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> one;
        HttpResponse<String> other;
        try {
            one = first.join();
            other = second.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof IOException gone ? gone : new IOException(e.getCause());
        }
        HttpResponse<String> retry = send(post(sent, correlationId));
        twins.add(new Twin(correlationId, Answer.of(one), Answer.of(other), Answer.of(retry)));
        // The command's outcome: the answer of the one that stored it, if one did; else a refusal.
        for (HttpResponse<String> answer : List.of(one, other, retry)) {
            if (answer.statusCode() < 300 && !Answer.of(answer).replayed()) {
                return answer;
            }
        }
        return Answer.of(one).inUse() ? other : one;
    }

    /** Every command sent twice at once, with both answers. */
    public List<Twin> twins() {
        return List.copyOf(twins);
    }

    /** Sends a command again, with the key and correlation id it was first sent with. */
    public Answer retry(Outcome unanswered) throws IOException, InterruptedException {
        return Answer.of(send(post(unanswered.request(), unanswered.correlationId())));
    }

    private View read(String id) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(authorised("/api/v1/agreements/" + id).GET().build());
        if (answer.statusCode() != 200) {
            throw new IOException("reading " + id + " answered " + answer.statusCode());
        }
        return viewOf(JSON.readTree(answer.body()));
    }

    private static View viewOf(JsonNode record) {
        return new View(record.get("version").asLong(), LocalDate.parse(record.get("expiresOn").asText()));
    }

    /** The version each agreement is at now, as its stored events say (not its read model, which may lag). */
    public Map<String, Long> versions(List<String> agreements) throws IOException, InterruptedException {
        Map<String, Long> versions = new HashMap<>();
        for (String id : agreements) {
            HttpResponse<String> history = send(authorised("/api/v1/agreements/" + id + "/history").GET().build());
            if (history.statusCode() != 200) {
                throw new IOException("the history of " + id + " answered " + history.statusCode());
            }
            versions.put(id, JSON.readTree(history.body()).size() - 1L);
        }
        return versions;
    }

    /** Every event of the published log that belongs to one of these records, in log order. */
    public List<JsonNode> loggedEvents(Set<String> recordIds) throws IOException, InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpResponse<String> answer = send(authorised("/api/v1/events?limit=1000&after=" + after).GET().build());
            if (answer.statusCode() != 200) {
                throw new IOException("the feed answered " + answer.statusCode());
            }
            JsonNode items = JSON.readTree(answer.body()).get("items");
            if (items.isEmpty()) {
                return events;
            }
            for (JsonNode event : items) {
                if (recordIds.contains(event.get("recordId").asText())) {
                    events.add(event);
                }
                after = event.get("position").asLong();
            }
        }
    }

    private HttpRequest post(Sent sent, String correlationId) {
        return post(sent.path(), sent.body(), sent.ifMatch(), correlationId);
    }

    private HttpRequest post(String path, String body, String ifMatch, String correlationId) {
        HttpRequest.Builder request = authorised(path)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .header("Idempotency-Key", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.build();
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
