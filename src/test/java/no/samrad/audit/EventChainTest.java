package no.samrad.audit;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.body;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import no.samrad.audit.chain.ChainCheckpoints;
import no.samrad.audit.chain.Checkpoint;
import no.samrad.audit.chain.EventChainer;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.support.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventChainTest {

    private static final String EVENTS = "/api/v1/events";

    @Inject
    ProjectionCatchUp catchUp;
    @Inject
    ChainCheckpoints checkpoints;
    @Inject
    AgroalDataSource dataSource;

    /** Enters an agreement and answers its receipt: position, event id and hash of its one event. */
    private static String[] enterWithReceipt(String title) {
        String receipt = given().header("Prefer", "wait=10").contentType(ContentType.JSON)
                .body(body(title, List.of("HOD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))
                .when().post(PATH).then().statusCode(201).extract().header("Samrad-Receipt");
        assertNotNull(receipt, "a command's answer carries its receipt");
        return receipt.split(" ");
    }

    private static List<Map<String, Object>> feedAfter(long after, int limit) {
        return given().queryParam("after", after).queryParam("limit", limit).when().get(EVENTS).then()
                .statusCode(200).extract().path("items");
    }

    private static long position(Map<String, Object> event) {
        return ((Number) event.get("position")).longValue();
    }

    @Test
    void theFeedShowsEveryEventOnceAtADensePositionWithLinkedHashes() {
        String[] receipt = enterWithReceipt("Avtale i loggen");
        long receiptPosition = Long.parseLong(receipt[0]);
        List<Map<String, Object>> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = feedAfter(after, 1000);
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            after = position(page.get(page.size() - 1));
        }
        String previous = "0".repeat(64);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1L, position(all.get(i)));
            assertEquals(previous, all.get(i).get("previousHash"));
            previous = (String) all.get(i).get("hash");
        }
        Map<String, Object> entered = all.get((int) receiptPosition - 1);
        assertEquals(receipt[1], entered.get("eventId"));
        assertEquals(receipt[2], entered.get("hash"));
        assertEquals("AgreementEntered", entered.get("type"));
        assertEquals("Agreement", entered.get("recordKind"));
        assertEquals("KS", entered.get("party"));
        assertEquals("2024-01-01", entered.get("effectiveOn"));
        assertEquals("Avtale i loggen", ((Map<?, ?>) entered.get("payload")).get("title"));
    }

    @Test
    void verifyNamesTheFirstEventWhosePayloadWasChangedInTheDatabase() throws Exception {
        String[] receipt = enterWithReceipt("Avtale som endres i databasen");
        given().when().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        byte[] original = payload(receipt[1]);
        byte[] altered = original.clone();
        String text = new String(original, StandardCharsets.UTF_8);
        altered[text.indexOf("endres")] = (byte) 'E';
        setPayload(receipt[1], altered);
        try {
            given().when().get("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstMismatch.position", equalTo(Integer.parseInt(receipt[0])))
                    .body("firstMismatch.eventId", equalTo(receipt[1]));
            given().queryParam("to", Long.parseLong(receipt[0]) - 1).when().get("/api/v1/audit/verify").then()
                    .body("intact", equalTo(true));
        } finally {
            setPayload(receipt[1], original);
        }
        given().when().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void eightWritersAndATailingReaderSeeEveryEventOnceInPositionOrder() throws Exception {
        long start = given().when().get(EVENTS + "?limit=1").then().extract().<Number>path("head").longValue();
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        List<Map<String, Object>> seen = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<?> reader = pool.submit(() -> {
                long after = start;
                while (writing.get() || !seen.stream().map(e -> e.get("eventId")).toList().containsAll(written)) {
                    List<Map<String, Object>> page = feedAfter(after, 37);
                    seen.addAll(page);
                    if (!page.isEmpty()) {
                        after = position(page.get(page.size() - 1));
                    }
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int w = writer;
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < 10; n++) {
                        written.add(enterWithReceipt("Samtidig avtale " + w + "-" + n)[1]);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        Set<Object> ids = new HashSet<>();
        long expected = start + 1;
        for (Map<String, Object> event : seen) {
            assertEquals(expected++, position(event), "positions come in order without gaps");
            assertTrue(ids.add(event.get("eventId")), "each event once");
        }
        assertTrue(ids.containsAll(written), "the reader saw every event the writers appended");
        assertEquals(80, written.size());
    }

    @Test
    void checkpointsAreSignedAndCheckedWithThePublicKeyAlone() throws Exception {
        enterWithReceipt("Avtale før et sjekkpunkt");
        assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
        Checkpoint signed = checkpoints.signHead().orElseThrow();
        List<Map<String, Object>> listed = given().queryParam("from", signed.position())
                .when().get("/api/v1/audit/checkpoints").then().statusCode(200).extract().path("$");
        Map<String, Object> checkpoint = listed.get(0);
        String statement = (String) checkpoint.get("statement");
        assertTrue(statement.contains("hash: " + signed.hash()));

        String keyId = (String) checkpoint.get("keyId");
        assertEquals(signed.keyId(), keyId);
        assertTrue(statement.endsWith("key: " + keyId + "\n"), "the statement names its key");
        List<String> published = Api.anonymous().when().get("/api/v1/audit/keys").then().statusCode(200)
                .body("keys[0].kty", equalTo("OKP")).body("keys[0].crv", equalTo("Ed25519"))
                .extract().path("keys.kid");
        assertEquals(keyId, published.get(0), "the signing key comes first in the published set");
        String pem = Api.anonymous().queryParam("keyId", keyId).when().get("/api/v1/audit/public-key").then()
                .statusCode(200).extract().asString();
        assertEquals(pem, Api.anonymous().when().get("/api/v1/audit/public-key").then().statusCode(200)
                .extract().asString(), "the current key by default");
        Api.anonymous().queryParam("keyId", "no-such-key").when().get("/api/v1/audit/public-key").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(statement.getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getDecoder().decode((String) checkpoint.get("signature"))));
        verifier.initVerify(key);
        verifier.update(statement.replace("position: ", "position: 1").getBytes(StandardCharsets.UTF_8));
        assertFalse(verifier.verify(Base64.getDecoder().decode((String) checkpoint.get("signature"))));

        Map<String, Object> atCheckpoint = feedAfter(signed.position() - 1, 1).get(0);
        assertEquals(signed.hash(), atCheckpoint.get("hash"));
        given().when().get("/api/v1/audit/verify").then().body("intact", equalTo(true))
                .body("checkpointsVerified", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        String forged = Base64.getEncoder().encodeToString(new byte[64]);
        setSignature(signed.position(), forged);
        try {
            given().queryParam("from", signed.position()).queryParam("to", signed.position())
                    .when().get("/api/v1/audit/verify").then()
                    .body("intact", equalTo(false))
                    .body("firstMismatch", org.hamcrest.Matchers.nullValue())
                    .body("checkpointsFailed", org.hamcrest.Matchers.contains((int) signed.position()));
        } finally {
            setSignature(signed.position(), signed.signature());
        }
    }

    @Test
    void theExportCarriesEachEventsCanonicalFormWhoseHashIsItsLink() throws Exception {
        enterWithReceipt("Avtale i eksporten");
        assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
        String export = given().when().get(EVENTS + "/export").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString();
        String[] lines = export.split("\n");
        assertTrue(lines.length >= 1);
        String previous = "0".repeat(64);
        for (int i = 0; i < lines.length; i++) {
            String hash = field(lines[i], "hash");
            byte[] canonical = Base64.getDecoder().decode(field(lines[i], "canonical"));
            assertEquals(hash, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)));
            String text = new String(canonical, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("samrad-chain/1\nposition: " + (i + 1) + "\nprevious: " + previous + "\n"),
                    text);
            previous = hash;
        }
        String first = given().queryParam("format", "cloudevents").when().get(EVENTS + "/export").then()
                .statusCode(200).extract().asString().split("\n")[0];
        assertTrue(first.contains("\"specversion\":\"1.0\"") && first.contains("\"samradposition\":1,"), first);
    }

    /** The auditor's walk in docs/auditing.md: the export checked by docs/VerifyChain.java, with the JDK alone. */
    @Test
    void theDocumentedVerifierChecksAnExportOffline() throws Exception {
        enterWithReceipt("Avtale som revisor kontrollerer");
        assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
        java.nio.file.Path export = java.nio.file.Files.createTempFile("samrad-events", ".ndjson");
        java.nio.file.Files.writeString(export, given().when().get(EVENTS + "/export").then().statusCode(200)
                .extract().asString());
        Verification intact = runVerifier(export);
        assertEquals(0, intact.exitCode(), intact.output());
        assertTrue(intact.output().startsWith("intact: "), intact.output());

        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(export));
        String canonical = field(lines.get(1), "canonical");
        String altered = Base64.getEncoder().encodeToString(new String(Base64.getDecoder().decode(canonical),
                StandardCharsets.UTF_8).replace("\npayload: {", "\npayload: { ").getBytes(StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace(canonical, altered));
        java.nio.file.Files.write(export, lines);
        Verification broken = runVerifier(export);
        assertEquals(1, broken.exitCode(), broken.output());
        assertTrue(broken.output().startsWith("broken at position 2:"), broken.output());
    }

    private record Verification(int exitCode, String output) {
    }

    private static Verification runVerifier(java.nio.file.Path export) throws Exception {
        Process process = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "docs/VerifyChain.java", export.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Verification(process.waitFor(), output);
    }

    @Test
    void theLogIsNeverRebuiltAndBadPositionsAreRefused() {
        Api.as(null, "samrad:admin").when().post("/api/v1/admin/projections/event-chain/rebuild").then()
                .statusCode(409).body("code", equalTo("LOG_NOT_REBUILDABLE"));
        given().queryParam("after", -1).when().get(EVENTS).then().statusCode(400);
        given().queryParam("after", "x").when().get(EVENTS).then().statusCode(400);
        given().queryParam("limit", 1001).when().get(EVENTS).then().statusCode(400);
        given().queryParam("from", 0).when().get("/api/v1/audit/verify").then().statusCode(400);
        given().queryParam("to", Long.MAX_VALUE).when().get("/api/v1/audit/verify").then().statusCode(400);
        given().queryParam("format", "xml").when().get(EVENTS + "/export").then().statusCode(400);
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"")
                .matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }

    private byte[] payload(String eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payload FROM domain_event_entry WHERE event_identifier = ?")) {
            query.setString(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getBytes(1);
            }
        }
    }

    private void setSignature(long position, String signature) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE chain_checkpoint SET signature = ? WHERE position = ?")) {
            update.setString(1, signature);
            update.setLong(2, position);
            assertEquals(1, update.executeUpdate());
        }
    }

    private void setPayload(String eventId, byte[] payload) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?")) {
            update.setBytes(1, payload);
            update.setString(2, eventId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
