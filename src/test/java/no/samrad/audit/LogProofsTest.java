package no.samrad.audit;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.body;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.samrad.audit.chain.EventChainer;
import no.samrad.audit.merkle.MerkleTree;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeBuilder;
import no.samrad.audit.merkle.TreeHead;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The proofs an auditor checks with the checkpoint's public key and the tree's algorithms alone:
 * every event of the export is in the signed tree, the tree's root is the one the export's
 * canonical forms give, and a later checkpoint extends an earlier one.
 */
@QuarkusTest
class LogProofsTest {

    private static final String PROOFS = "/api/v1/audit/proofs";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    ProjectionCatchUp catchUp;

    /** Enters an agreement and answers its request id, once the log holds its event. */
    private String enter(String title) {
        String links = given().contentType(ContentType.JSON)
                .body(body(title, List.of("HOD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))
                .when().post(PATH).then().statusCode(201).extract().header("Link");
        java.util.regex.Matcher receipt = java.util.regex.Pattern.compile("/api/v1/audit/receipts/([^>]+)>").matcher(links);
        assertTrue(receipt.find(), links);
        assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
        return receipt.group(1);
    }

    private static SignedNote signCheckpoint() {
        String note = Api.as("KS", "samrad:audit").when().post("/api/v1/audit/checkpoints").then().statusCode(200)
                .extract().path("note");
        return SignedNote.parse(note).orElseThrow();
    }

    private static TreeHead head(SignedNote note) {
        return TreeHead.parse(note.text()).orElseThrow();
    }

    @Test
    void theCheckpointIsASignedNoteOfTheTreeThatTheExportGives() {
        enter("Avtale i treet");
        SignedNote note = signCheckpoint();
        TreeHead head = head(note);
        String x = Api.anonymous().when().get("/api/v1/audit/keys").then().statusCode(200).extract().path("keys[0].x");
        assertTrue(note.signedBy(head.origin(), SignedNote.ed25519(Base64.getUrlDecoder().decode(x))),
                "the note verifies with the published key, under the log's origin");
        assertEquals(note.format(), given().when().get("/api/v1/audit/checkpoint").then().statusCode(200)
                .contentType(ContentType.TEXT).extract().asString());

        String[] export = given().when().get("/api/v1/events/export").then().statusCode(200).extract().asString()
                .split("\n");
        TreeBuilder recomputed = new TreeBuilder();
        for (int i = 0; i < head.size(); i++) {
            recomputed.append(MerkleTree.leafHash(Base64.getDecoder().decode(field(export[i], "canonical"))));
        }
        assertEquals(head.rootBase64(), Base64.getEncoder().encodeToString(recomputed.root()),
                "the root signed is the root of the exported events' canonical forms");
    }

    @Test
    void everyEventHasAnInclusionProofInTheSignedTree() {
        enter("Avtale med inklusjonsbevis");
        SignedNote note = signCheckpoint();
        TreeHead head = head(note);
        String[] export = given().when().get("/api/v1/events/export").then().statusCode(200).extract().asString()
                .split("\n");
        for (long position : List.of(1L, (head.size() + 1) / 2, head.size())) {
            String line = export[(int) position - 1];
            byte[] leaf = MerkleTree.leafHash(Base64.getDecoder().decode(field(line, "canonical")));
            Map<String, Object> proof = given().queryParam("position", position).when().get(PROOFS + "/inclusion")
                    .then().statusCode(200).extract().path("$");
            assertEquals(head.size(), ((Number) proof.get("treeSize")).longValue());
            assertEquals(note.format(), proof.get("checkpoint"));
            assertEquals(Base64.getEncoder().encodeToString(leaf), proof.get("leafHash"));
            List<byte[]> path = hashes(proof.get("hashes"));
            assertTrue(MerkleTree.verifyInclusion(position - 1, head.size(), leaf, path, head.root()),
                    "position " + position);
            assertFalse(MerkleTree.verifyInclusion(position - 1, head.size(), MerkleTree.leafHash(new byte[1]), path,
                    head.root()), "another leaf does not verify");
            assertEquals(proof, given().queryParam("eventId", field(line, "eventId")).when()
                    .get(PROOFS + "/inclusion").then().statusCode(200).extract().path("$"), "by id, the same proof");
        }
    }

    @Test
    void aLaterCheckpointExtendsAnEarlierOne() {
        enter("Avtale før det første sjekkpunktet");
        TreeHead earlier = head(signCheckpoint());
        enter("Avtale før det andre sjekkpunktet");
        SignedNote laterNote = signCheckpoint();
        TreeHead later = head(laterNote);
        Map<String, Object> proof = given().queryParam("from", earlier.size()).queryParam("to", later.size())
                .when().get(PROOFS + "/consistency").then().statusCode(200).extract().path("$");
        assertEquals(earlier.rootBase64(), proof.get("fromRoot"));
        assertEquals(later.rootBase64(), proof.get("toRoot"));
        assertEquals(laterNote.format(), proof.get("toCheckpoint"));
        List<byte[]> hashes = hashes(proof.get("hashes"));
        assertTrue(MerkleTree.verifyConsistency(earlier.size(), later.size(), earlier.root(), later.root(), hashes));
        assertFalse(MerkleTree.verifyConsistency(earlier.size(), later.size(), later.root(), later.root(), hashes));
        assertEquals(proof, given().queryParam("from", earlier.size()).when().get(PROOFS + "/consistency").then()
                .statusCode(200).extract().path("$"), "to the newest checkpoint by default");
    }

    @Test
    void aReceiptLinksItsInclusionProofOnceACheckpointHoldsIt() {
        String requestId = enter("Avtale med kvittering");
        given().when().get("/api/v1/audit/receipts/" + requestId).then().statusCode(200)
                .body("inclusionProofs[0]", nullValue());
        signCheckpoint();
        String link = given().when().get("/api/v1/audit/receipts/" + requestId).then().statusCode(200)
                .extract().path("inclusionProofs[0]");
        assertNotNull(link);
        long position = ((Number) given().when().get("/api/v1/audit/receipts/" + requestId).then()
                .extract().path("events[0].position")).longValue();
        given().when().get(link).then().statusCode(200).body("position", equalTo((int) position));
    }

    @Test
    void proofsOfWhatTheTreeCannotAnswerAreRefused() {
        enter("Avtale uten sjekkpunkt ennå");
        long size = head(signCheckpoint()).size();
        enter("Avtale etter sjekkpunktet");
        long head = ((Number) given().queryParam("after", size).when().get("/api/v1/events").then().statusCode(200)
                .extract().path("head")).longValue();

        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of(), Map.of("position", 1, "eventId", "x"),
                Map.of("position", 0), Map.of("position", "one"), Map.of("position", size, "size", size - 1),
                Map.of("position", 1, "size", head + 1_000_000))) {
            given().queryParams(query).when().get(PROOFS + "/inclusion").then().statusCode(400)
                    .contentType(PROBLEM).body("code", equalTo("INVALID_REQUEST"));
        }
        given().queryParam("position", head + 1_000_000).when().get(PROOFS + "/inclusion").then().statusCode(404)
                .contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        given().queryParam("eventId", "no-such-event").when().get(PROOFS + "/inclusion").then().statusCode(404)
                .contentType(PROBLEM);
        given().queryParam("position", head).when().get(PROOFS + "/inclusion").then().statusCode(404)
                .contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        given().queryParam("position", head).queryParam("size", head).when().get(PROOFS + "/inclusion").then()
                .statusCode(200);

        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of(), Map.of("from", 0),
                Map.of("from", size + 1, "to", size), Map.of("from", 1, "to", head + 1_000_000))) {
            given().queryParams(query).when().get(PROOFS + "/consistency").then().statusCode(400)
                    .contentType(PROBLEM).body("code", equalTo("INVALID_REQUEST"));
        }
        Api.anonymous().queryParam("position", 1).when().get(PROOFS + "/inclusion").then().statusCode(401);
        given().when().post("/api/v1/audit/checkpoints").then().statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> hashes(Object hashes) {
        return ((List<String>) hashes).stream().map(Base64.getDecoder()::decode).toList();
    }

    private static String field(String line, String name) {
        int start = line.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return line.substring(start, line.indexOf('"', start));
    }
}
