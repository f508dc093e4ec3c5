package no.samrad.audit;

import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.samrad.audit.chain.EventChainer;
import no.samrad.audit.offline.VerifyCommand;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.support.Api;
import no.samrad.support.WithDemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's offline check of the 2021 material: the export, its checkpoints and the service's
 * proofs are downloaded, and the jar's verify command, trusting only the log's public key, checks
 * the inclusion proof of every event of the material and the consistency proof between every pair
 * of checkpoints. A proof or a checkpoint that was tampered with on its way is not verified.
 */
@QuarkusTest
@TestProfile(OfflineVerifierTest.WithMaterial.class)
class OfflineVerifierTest {

    /** The 2021 material on a store of its own, to which this test adds checkpoints and agreements. */
    public static class WithMaterial extends WithDemoData {
    }

    @TempDir
    Path directory;
    @Inject
    ProjectionCatchUp catchUp;

    private record Verification(int exitCode, String out) {
    }

    private static Verification verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Verification(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static long signCheckpoint() {
        return ((Number) Api.as("KS", "samrad:audit").when().post("/api/v1/audit/checkpoints").then().statusCode(200)
                .extract().path("position")).longValue();
    }

    @Test
    void everyEventOfTheMaterialAndEveryPairOfCheckpointsIsProvedOffline() throws Exception {
        assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(30)));
        List<Long> sizes = new ArrayList<>(List.of(signCheckpoint()));
        long material = sizes.get(0);
        for (int i = 0; i < 3; i++) {
            enter("Avtale etter materialet " + i, List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                    LocalDate.of(2027, 1, 1));
            assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
            sizes.add(signCheckpoint());
        }
        Path export = Files.writeString(directory.resolve("events.ndjson"), given().when().get("/api/v1/events/export")
                .then().statusCode(200).extract().asString());
        Path checkpoints = Files.writeString(directory.resolve("checkpoints.json"), given().when()
                .get("/api/v1/audit/checkpoints").then().statusCode(200).extract().asString());
        Path key = Files.writeString(directory.resolve("samrad-audit.pem"), Api.anonymous().when()
                .get("/api/v1/audit/public-key").then().statusCode(200).extract().asString());
        StringBuilder proofs = new StringBuilder();
        for (long position = 1; position <= material; position++) {
            proofs.append(given().queryParam("position", position).queryParam("size", material).when()
                    .get("/api/v1/audit/proofs/inclusion").then().statusCode(200).extract().asString()).append('\n');
        }
        int pairs = 0;
        for (int i = 0; i < sizes.size(); i++) {
            for (int j = i + 1; j < sizes.size(); j++) {
                proofs.append(given().queryParam("from", sizes.get(i)).queryParam("to", sizes.get(j)).when()
                        .get("/api/v1/audit/proofs/consistency").then().statusCode(200).extract().asString())
                        .append('\n');
                pairs++;
            }
        }
        Path proofFile = Files.writeString(directory.resolve("proofs.ndjson"), proofs);

        Verification verified = verify(export.toString(), "--log-key", key.toString(), "--checkpoints",
                checkpoints.toString(), "--proofs", proofFile.toString());
        assertEquals(0, verified.exitCode(), verified.out());
        assertTrue(material > 100, "the 2021 material is in the log: " + material + " events");
        assertTrue(verified.out().contains("proofs: " + material + " inclusion proofs and " + pairs
                + " consistency proofs verified"), verified.out());
        assertTrue(verified.out().contains("checkpoints: " + sizes.size() + " signed notes verified"), verified.out());

        String[] lines = proofs.toString().split("\n");
        String leaf = lines[7].replaceAll(".*\"leafHash\":\"([^\"]+)\".*", "$1");
        lines[7] = lines[7].replace(leaf, lines[8].replaceAll(".*\"leafHash\":\"([^\"]+)\".*", "$1"));
        Files.writeString(proofFile, String.join("\n", lines));
        Verification swapped = verify(export.toString(), "--log-key", key.toString(), "--proofs", proofFile.toString());
        assertEquals(1, swapped.exitCode(), swapped.out());
        assertTrue(swapped.out().contains("NOT VERIFIED: the inclusion proof of position 8"), swapped.out());

        Path otherKey = Files.writeString(directory.resolve("other.pem"), no.samrad.infrastructure.security.KeyPairFiles
                .pem("PUBLIC KEY", java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()
                        .getEncoded()));
        Verification foreign = verify(export.toString(), "--log-key", otherKey.toString(), "--checkpoints",
                checkpoints.toString());
        assertEquals(1, foreign.exitCode(), foreign.out());
        assertTrue(foreign.out().contains("is not signed by the log's key"), foreign.out());

        List<String> events = new ArrayList<>(Files.readAllLines(export));
        events.remove(events.size() - 1);
        Files.write(export, events);
        Verification cut = verify(export.toString(), "--log-key", key.toString(), "--checkpoints",
                checkpoints.toString());
        assertEquals(1, cut.exitCode(), cut.out());
        assertTrue(cut.out().contains("beyond the export"), cut.out());
    }
}
