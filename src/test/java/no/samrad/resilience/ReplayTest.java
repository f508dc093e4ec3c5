package no.samrad.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.samrad.support.SamradProcess;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor replays the export of the 2021 material on a machine of their own: the packaged jar's
 * replay command checks the export, stores its events in a fresh embedded store and builds every
 * read model from them alone. Every list, record and appendix it serves, today, on 20 April 2021
 * in effective time, and as of that instant in recorded time, is the service's answer, and its
 * log verifies to the same tree root. It takes no command.
 */
@Tag("fault")
class ReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPE = "samrad:read samrad:audit";
    private static final String ON = "2021-04-20";
    private static final String AS_OF = "2021-04-20T12:00:00Z";

    @TempDir
    Path service;
    @TempDir
    Path auditor;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI base, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An answer without what differs by request: the problem's or list's correlation id. */
    private JsonNode answer(URI base, String token, String path) throws Exception {
        HttpResponse<String> response = get(base, token, path);
        JsonNode body = JSON.readTree(response.body());
        if (body instanceof ObjectNode object) {
            object.remove("correlationId");
            object.remove("instance");
        }
        return JSON.createObjectNode().put("status", response.statusCode()).set("body", body);
    }

    @Test
    void theReplayOfTheExportAnswersAsTheServiceDoes() throws Exception {
        try (SamradProcess samrad = new SamradProcess(service, Map.of())) {
            samrad.start();
            String token = Tokens.of(service, "KS", SCOPE, Duration.ofHours(1));
            Path export = auditor.resolve("samrad-events.ndjson");
            Files.writeString(export, get(samrad.base(), token, "/api/v1/events/export").body());

            List<String> paths = new ArrayList<>();
            for (String list : List.of("/api/v1/agreements", "/api/v1/cost-cases", "/api/v1/law-participation",
                    "/api/v1/meetings", "/api/v1/parties")) {
                paths.add(list + "?limit=500");
            }
            paths.add("/api/v1/agreements?limit=500&inForceOn=" + ON);
            for (String list : List.of("/api/v1/agreements", "/api/v1/cost-cases", "/api/v1/law-participation")) {
                paths.add(list + "?limit=500&asOf=" + AS_OF);
            }
            for (JsonNode agreement : JSON.readTree(get(samrad.base(), token, "/api/v1/agreements?limit=500").body())
                    .path("items")) {
                String id = agreement.path("id").asText();
                paths.addAll(List.of("/api/v1/agreements/" + id, "/api/v1/agreements/" + id + "/history",
                        "/api/v1/agreements/" + id + "/changes", "/api/v1/agreements/" + id + "?asOf=" + AS_OF));
            }
            for (JsonNode meeting : JSON.readTree(get(samrad.base(), token, "/api/v1/meetings?year=2021").body())
                    .path("items")) {
                String id = meeting.path("id").asText();
                paths.add("/api/v1/meetings/" + id);
                for (String appendix : List.of("a", "b", "c")) {
                    String path = "/api/v1/meetings/" + id + "/appendices/" + appendix;
                    paths.addAll(List.of(path, path + "?asOf=" + AS_OF));
                }
            }
            List<JsonNode> served = new ArrayList<>();
            for (String path : paths) {
                served.add(answer(samrad.base(), token, path));
            }
            JsonNode verified = answer(samrad.base(), token, "/api/v1/audit/verify").path("body");
            assertTrue(paths.size() > 60, "the 2021 material gives " + paths.size() + " answers to compare");
            for (int i = 0; i < paths.size(); i++) {
                int status = served.get(i).path("status").asInt();
                assertTrue(status == 200 || status == 404 && paths.get(i).contains("asOf="),
                        paths.get(i) + " answered " + served.get(i));
            }

            Path store = auditor.resolve("store");
            try (SamradProcess replay = new SamradProcess(SamradProcess.JAR, auditor, Map.of(),
                    List.of("replay", export.toString(), "--data", store.toString()))) {
                replay.start();
                String replayToken = Tokens.of(store, "KS", SCOPE, Duration.ofHours(1));
                for (int i = 0; i < paths.size(); i++) {
                    assertEquals(served.get(i), answer(replay.base(), replayToken, paths.get(i)), paths.get(i));
                }
                JsonNode replayed = answer(replay.base(), replayToken, "/api/v1/audit/verify").path("body");
                assertEquals(true, replayed.path("intact").asBoolean());
                assertEquals(verified.path("to"), replayed.path("to"));
                assertEquals(verified.path("treeRoot"), replayed.path("treeRoot"),
                        "the replay chained the export to the same tree");

                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(replay.base()
                                .resolve("/api/v1/agreements")).header("Authorization", "Bearer "
                                + Tokens.of(store, "KS", "samrad:read samrad:write", Duration.ofHours(1)))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(405, refused.statusCode(), refused.body());
                assertEquals("READ_ONLY", JSON.readTree(refused.body()).path("code").asText());
            }
        }
    }
}
