package no.samrad.audit.witness;

import static no.samrad.support.Agreements.enter;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.audit.chain.EventChainer;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeHead;
import no.samrad.audit.merkle.VerifierKey;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.security.KeyPairFiles;
import no.samrad.infrastructure.security.KeysCommand;
import no.samrad.support.Api;
import no.samrad.support.StoredRows;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Samråd with two witnesses configured: each cosigns its checkpoints with the jar's witness
 * command, and the log serves every checkpoint with the cosignatures it was given. Cosignatures of
 * witnesses it does not know, and notes it did not sign, are refused.
 */
@QuarkusTest
@TestProfile(WitnessOfSamradTest.WithTwoWitnesses.class)
class WitnessOfSamradTest {

    /**
     * The two witnesses' keys, made once, where the profile (which names their verifier keys) and
     * the test (loaded again by Quarkus's class loader) both find them.
     */
    private static final Path KEYS = keys();

    public static class WithTwoWitnesses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("samrad.audit.witnesses", verifierKey("riksrevisjonen") + "," + verifierKey("ks"));
        }
    }

    /** What the witnesses keep between rounds: fresh for each run, as the store is. */
    private final Path state;

    @Inject
    ProjectionCatchUp catchUp;
    @Inject
    StoredRows rows;

    WitnessOfSamradTest() throws java.io.IOException {
        state = Files.createTempDirectory("samrad-witness-state");
    }

    private static Path keys() {
        Path keys = Path.of("target", "test-witnesses");
        for (String witness : List.of("riksrevisjonen", "ks")) {
            if (Files.exists(keys.resolve(witness).resolve("private-key.pem"))) {
                continue;
            }
            KeysCommand.run(new String[] {"--dir", keys.resolve(witness).toString(), "--algorithm", "Ed25519"},
                    new PrintStream(new ByteArrayOutputStream()), System.err);
        }
        return keys;
    }

    private static String name(String witness) {
        return "witness.example/" + witness;
    }

    private static String verifierKey(String witness) {
        KeyPair pair = KeyPairFiles.read(KEYS.resolve(witness), "Ed25519").orElseThrow();
        return VerifierKey.of(name(witness), SignedNote.COSIGNATURE, pair.getPublic()).text();
    }

    private int round(String witness) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = WitnessCommand.run(new String[] {"--log", RestAssured.baseURI + ":" + RestAssured.port,
                        "--key", KEYS.resolve(witness).resolve("private-key.pem").toString(),
                        "--state", state.resolve(witness).toString(), "--name", name(witness), "--once"},
                Map.of("SAMRAD_TOKEN", Tokens.token("KS", "samrad:read samrad:audit")),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return exit;
    }

    private long signedSize() {
        enter("Avtale til vitnene", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
        assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
        return ((Number) Api.as("KS", "samrad:audit").when().post("/api/v1/audit/checkpoints").then().statusCode(200)
                .extract().path("position")).longValue();
    }

    private static SignedNote served() {
        return SignedNote.parse(Api.given().when().get("/api/v1/audit/checkpoint").then().statusCode(200).extract()
                .asString()).orElseThrow();
    }

    @Test
    void bothWitnessesCosignEachCheckpointAndTheLogServesTheirCosignatures() {
        for (int growth = 0; growth < 2; growth++) {
            long size = signedSize();
            round("riksrevisjonen");
            round("ks");
            SignedNote note = served();
            assertEquals(size, TreeHead.parse(note.text()).orElseThrow().size());
            for (String witness : List.of("riksrevisjonen", "ks")) {
                assertTrue(note.cosignedBy(name(witness), KeyPairFiles.read(KEYS.resolve(witness), "Ed25519")
                        .orElseThrow().getPublic()).isPresent(), witness + " at size " + size);
            }
            assertEquals(3, note.signatures().size(), "the log's signature and the two cosignatures");
            List<String> listed = Api.given().queryParam("from", size).queryParam("to", size).when()
                    .get("/api/v1/audit/checkpoints").then().statusCode(200).extract().path("note");
            assertEquals(note.format(), listed.get(0));
        }
        round("ks");
        Api.as("KS", "samrad:audit").contentType("text/plain; charset=UTF-8").body(served().format()).when()
                .post("/api/v1/audit/cosignatures").then().statusCode(200);
    }

    @Test
    void cosignaturesTheLogCannotTrustAreRefused() throws Exception {
        long size = signedSize();
        SignedNote note = served();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        long time = System.currentTimeMillis() / 1000;
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(stranger.getPrivate());
        signer.update(SignedNote.cosigned(time, note.text()));
        SignedNote byStranger = note.with(new SignedNote.Line("witness.example/stranger", SignedNote.keyId(
                "witness.example/stranger", SignedNote.COSIGNATURE, stranger.getPublic()),
                java.nio.ByteBuffer.allocate(72).putLong(time).put(signer.sign()).array()));
        String otherRoot = note.format().replace(note.text().split("\n")[2],
                java.util.Base64.getEncoder().encodeToString(new byte[32]));
        for (String refused : List.of(byStranger.format(), "no note", otherRoot)) {
            Api.as("KS", "samrad:audit").contentType("text/plain; charset=UTF-8").body(refused).when()
                    .post("/api/v1/audit/cosignatures").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_REQUEST")).body("errors[0].field", equalTo("body"));
        }
        KeyPair known = KeyPairFiles.read(KEYS.resolve("riksrevisjonen"), "Ed25519").orElseThrow();
        signer.initSign(known.getPrivate());
        signer.update(SignedNote.cosigned(time, note.text()));
        String byKnown = note.with(new SignedNote.Line(name("riksrevisjonen"), SignedNote.keyId(name("riksrevisjonen"),
                SignedNote.COSIGNATURE, known.getPublic()), java.nio.ByteBuffer.allocate(72).putLong(time)
                .put(signer.sign()).array())).format();
        StoredRows.Taken checkpoint = rows.take("chain_checkpoint", "position = ?", size);
        try {
            Api.as("KS", "samrad:audit").contentType("text/plain; charset=UTF-8").body(byKnown).when()
                    .post("/api/v1/audit/cosignatures").then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("NOT_FOUND"));
        } finally {
            rows.putBack(checkpoint);
        }
        Api.as("KS", "samrad:audit").contentType("text/plain; charset=UTF-8").body(byKnown).when()
                .post("/api/v1/audit/cosignatures").then().statusCode(201);
        Api.as("KS", "samrad:read").contentType("text/plain; charset=UTF-8").body(note.format()).when()
                .post("/api/v1/audit/cosignatures").then().statusCode(403);
        Api.anonymous().contentType("text/plain; charset=UTF-8").body(note.format()).when()
                .post("/api/v1/audit/cosignatures").then().statusCode(401);
    }
}
