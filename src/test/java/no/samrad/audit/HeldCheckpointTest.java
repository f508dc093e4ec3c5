package no.samrad.audit;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.samrad.audit.chain.EventChainer;
import no.samrad.audit.chain.StoredEvent;
import no.samrad.audit.merkle.MerkleTree;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.support.Api;
import no.samrad.support.StoredRows;
import org.junit.jupiter.api.Test;

/**
 * An auditor keeps a checkpoint; then someone with access to the database edits the stored rows,
 * the log's own chain, tree and checkpoints included. Each edit is found by holding the log to the
 * kept checkpoint, and the answer names the first place it no longer holds. The log runs on a
 * store of its own, so that the edits, each undone at once, touch no other test's records.
 */
@QuarkusTest
@TestProfile(HeldCheckpointTest.OwnLog.class)
class HeldCheckpointTest {

    public static class OwnLog implements QuarkusTestProfile {
    }

    private static final String VERIFY = "/api/v1/audit/verify";

    @Inject
    StoredRows rows;
    @Inject
    ProjectionCatchUp catchUp;

    /** A record's events in the log, in position order: position, event id, store index, sequence. */
    private record Placed(long position, String eventId, long storeIndex, long sequence) {
    }

    /** Enters an agreement and renews it: a record of two events. Answers its id. */
    private static String agreementOfTwoEvents(String title) {
        String id = enter(title, List.of("HOD", "KS"), LocalDate.of(2020, 12, 3), LocalDate.of(2023, 12, 23));
        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2023-12-01", "expiresOn", "2027-12-31"))
                .statusCode(200);
        return id;
    }

    /** Signs the log's head and keeps its note, as an auditor keeps it: outside the database. */
    private String keptCheckpoint() {
        assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(10)));
        Api.as("KS", "samrad:audit").when().post("/api/v1/audit/checkpoints").then().statusCode(200);
        return given().when().get("/api/v1/audit/checkpoint").then().statusCode(200).extract().asString();
    }

    private List<Placed> placed(String recordId) {
        List<Placed> placed = new ArrayList<>();
        for (Map<String, Object> row : rows.query("SELECT c.position, e.event_identifier, e.global_index,"
                + " e.sequence_number FROM event_chain c JOIN domain_event_entry e ON e.event_identifier ="
                + " c.event_identifier WHERE e.aggregate_identifier = ? ORDER BY c.position", recordId)) {
            placed.add(new Placed(((Number) row.get("position")).longValue(), (String) row.get("event_identifier"),
                    ((Number) row.get("global_index")).longValue(), ((Number) row.get("sequence_number")).longValue()));
        }
        return placed;
    }

    private static ValidatableResponse heldTo(String note) {
        return given().queryParam("against", note).when().get(VERIFY).then().statusCode(200);
    }

    private static void stillExtends(String note) {
        heldTo(note).body("intact", equalTo(true)).body("against.extended", equalTo(true));
    }

    @Test
    void anUntouchedLogExtendsTheKeptCheckpointAndProvesIt() {
        agreementOfTwoEvents("Avtale før sjekkpunktet");
        String kept = keptCheckpoint();
        agreementOfTwoEvents("Avtale etter sjekkpunktet");
        String newest = keptCheckpoint();

        Map<String, Object> against = heldTo(kept).body("intact", equalTo(true)).extract().path("against");
        assertEquals(true, against.get("extended"));
        assertEquals(newest, against.get("newest"));
        String[] keptLines = kept.split("\n");
        String[] newestLines = newest.split("\n");
        long keptSize = Long.parseLong(keptLines[1]);
        long newestSize = Long.parseLong(newestLines[1]);
        assertEquals(newestSize, ((Number) against.get("newestSize")).longValue());
        @SuppressWarnings("unchecked")
        List<byte[]> proof = ((List<String>) against.get("consistencyProof")).stream()
                .map(Base64.getDecoder()::decode).toList();
        byte[] keptRoot = Base64.getDecoder().decode(keptLines[2]);
        byte[] newestRoot = Base64.getDecoder().decode(newestLines[2]);
        assertTrue(MerkleTree.verifyConsistency(keptSize, newestSize, keptRoot, newestRoot, proof),
                "the auditor checks the proof from the root they kept to the newest");

        given().contentType("text/plain; charset=UTF-8").body(kept).when().post(VERIFY).then().statusCode(200)
                .body("intact", equalTo(true)).body("against.extended", equalTo(true))
                .body("against.size", equalTo((int) keptSize));
    }

    @Test
    void aChangedPayloadByteIsNamedAtItsPosition() {
        String id = agreementOfTwoEvents("Avtale med endret nyttelast");
        String kept = keptCheckpoint();
        Placed entered = placed(id).get(0);
        byte[] payload = (byte[]) rows.query("SELECT payload FROM domain_event_entry WHERE event_identifier = ?",
                entered.eventId()).get(0).get("payload");
        byte[] altered = payload.clone();
        altered[new String(payload, java.nio.charset.StandardCharsets.UTF_8).indexOf("nyttelast")] = 'N';
        rows.execute("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", altered,
                entered.eventId());
        try {
            heldTo(kept).body("intact", equalTo(false)).body("against.extended", equalTo(false))
                    .body("firstMismatch.position", equalTo((int) entered.position()))
                    .body("firstMismatch.eventId", equalTo(entered.eventId()));
        } finally {
            rows.execute("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", payload,
                    entered.eventId());
        }
        stillExtends(kept);
    }

    @Test
    void swappedStoreIndexesOfOneRecordAreNamedWhereItsOrderBreaks() {
        String id = agreementOfTwoEvents("Avtale med byttet lagringsrekkefølge");
        String kept = keptCheckpoint();
        List<Placed> events = placed(id);
        Placed first = events.get(0);
        Placed second = events.get(1);
        swap("global_index", first.eventId(), first.storeIndex(), second.eventId(), second.storeIndex());
        try {
            heldTo(kept).body("intact", equalTo(false))
                    .body("firstMismatch.position", equalTo((int) second.position()))
                    .body("firstMismatch.eventId", equalTo(second.eventId()))
                    .body("firstMismatch.reason", containsString("order"));
        } finally {
            swap("global_index", first.eventId(), second.storeIndex(), second.eventId(), first.storeIndex());
        }
        stillExtends(kept);
    }

    @Test
    void swappedSequenceNumbersAreNamedAtTheFirstOfThem() {
        String id = agreementOfTwoEvents("Avtale med byttede sekvensnumre");
        String kept = keptCheckpoint();
        List<Placed> events = placed(id);
        Placed first = events.get(0);
        Placed second = events.get(1);
        swap("sequence_number", first.eventId(), first.sequence(), second.eventId(), second.sequence());
        try {
            heldTo(kept).body("intact", equalTo(false)).body("against.extended", equalTo(false))
                    .body("firstMismatch.position", equalTo((int) first.position()))
                    .body("firstMismatch.eventId", equalTo(first.eventId()));
        } finally {
            swap("sequence_number", first.eventId(), second.sequence(), second.eventId(), first.sequence());
        }
        stillExtends(kept);
    }

    @Test
    void theLastEventRemovedWithItsChainTreeAndCheckpointIsNamedAsTheCut() {
        agreementOfTwoEvents("Avtale som kuttes bort");
        String kept = keptCheckpoint();
        long head = Long.parseLong(kept.split("\n")[1]);
        long lastLeaf = head - 1;
        String eventId = (String) rows.query("SELECT event_identifier FROM event_chain WHERE position = ?", head)
                .get(0).get("event_identifier");
        List<StoredRows.Taken> taken = new ArrayList<>();
        taken.add(rows.take("domain_event_entry", "event_identifier = ?", eventId));
        taken.add(rows.take("event_chain", "position = ?", head));
        taken.add(rows.take("chain_checkpoint", "position >= ?", head));
        for (int level = 0; (1L << level) <= head; level++) {
            taken.add(rows.take("merkle_node", "level = ? AND node_index = ?", level, lastLeaf >> level));
        }
        rows.execute("UPDATE merkle_tree SET size = ? WHERE id = 1", head - 1);
        try {
            heldTo(kept).body("intact", equalTo(false)).body("against.extended", equalTo(false))
                    .body("firstMismatch.position", equalTo((int) head))
                    .body("firstMismatch.reason", containsString("cut back"));
        } finally {
            rows.execute("UPDATE merkle_tree SET size = ? WHERE id = 1", head);
            taken.forEach(rows::putBack);
        }
        stillExtends(kept);
    }

    @Test
    void anEventInsertedBehindTheLogIsNamedWhereItWouldStand() {
        String id = agreementOfTwoEvents("Avtale med innskutt hendelse");
        String kept = keptCheckpoint();
        Placed renewed = placed(id).get(1);
        long lowest = ((Number) rows.query("SELECT MIN(global_index) AS lowest FROM domain_event_entry").get(0)
                .get("lowest")).longValue();
        String inserted = java.util.UUID.randomUUID().toString();
        rows.execute("INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                + " SELECT ?, aggregate_identifier, ?, type, ?, meta_data, payload, payload_revision, payload_type,"
                + " time_stamp FROM domain_event_entry WHERE event_identifier = ?", lowest - 1,
                renewed.sequence() + 1, inserted, renewed.eventId());
        try {
            heldTo(kept).body("intact", equalTo(false))
                    .body("firstMismatch.eventId", equalTo(inserted))
                    .body("firstMismatch.position", equalTo(1))
                    .body("firstMismatch.reason", containsString("inserted behind the log"));
        } finally {
            rows.execute("DELETE FROM domain_event_entry WHERE event_identifier = ?", inserted);
        }
        stillExtends(kept);
    }

    @Test
    void aStoreFromBeforeTheTreeGetsItFromItsChainAndItsOldCheckpointsStillVerify() {
        agreementOfTwoEvents("Avtale fra før treet");
        String kept = keptCheckpoint();
        long size = Long.parseLong(kept.split("\n")[1]);
        StoredRows.Taken tree = rows.take("merkle_node", "level >= 0");
        rows.execute("UPDATE merkle_tree SET size = 0 WHERE id = 1");
        List<Map<String, Object>> signedBeforeTheTree = rows.query("SELECT position, tree_root, note FROM"
                + " chain_checkpoint WHERE position = ?", size);
        rows.execute("UPDATE chain_checkpoint SET tree_root = NULL, note = NULL WHERE position = ?", size);
        try {
            given().queryParam("from", size).queryParam("to", size).when().get(VERIFY).then().statusCode(200)
                    .body("intact", equalTo(true)).body("checkpointsVerified", equalTo(1))
                    .body("treeSize", equalTo(0));
            agreementOfTwoEvents("Avtale etter oppgraderingen");
            String after = keptCheckpoint();
            long newSize = Long.parseLong(after.split("\n")[1]);
            assertEquals(newSize, ((Number) given().when().get(VERIFY).then().statusCode(200)
                    .body("intact", equalTo(true)).extract().path("treeSize")).longValue(),
                    "the tree was built from the chain, then extended");
            Map<String, Object> proof = given().queryParam("from", size).queryParam("to", newSize).when()
                    .get("/api/v1/audit/proofs/consistency").then().statusCode(200).extract().path("$");
            assertEquals(kept.split("\n")[2], proof.get("fromRoot"), "the rebuilt tree has the root signed before");
            stillExtends(kept);
        } finally {
            rows.execute("UPDATE chain_checkpoint SET tree_root = ?, note = ? WHERE position = ?",
                    signedBeforeTheTree.get(0).get("tree_root"), signedBeforeTheTree.get(0).get("note"), size);
        }
        assertTrue(tree.rows().size() > 0);
    }

    @Test
    void aRewriteOfTheEventsWithTheirChainAndTreeIsNamedAfterTheLastCheckpointThatStillHolds() {
        agreementOfTwoEvents("Avtale før det siste gode sjekkpunktet");
        long lastGood = Long.parseLong(keptCheckpoint().split("\n")[1]);
        String id = agreementOfTwoEvents("Avtale som skrives om");
        String kept = keptCheckpoint();
        long head = Long.parseLong(kept.split("\n")[1]);
        Placed rewritten = placed(id).get(0);
        assertTrue(rewritten.position() > lastGood);
        List<Map<String, Object>> chainBefore = rows.query("SELECT position, previous_hash, hash FROM event_chain"
                + " WHERE position >= ? ORDER BY position", rewritten.position());
        byte[] payload = (byte[]) rows.query("SELECT payload FROM domain_event_entry WHERE event_identifier = ?",
                rewritten.eventId()).get(0).get("payload");
        byte[] altered = new String(payload, java.nio.charset.StandardCharsets.UTF_8).replace("skrives om",
                "skrevet om").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StoredRows.Taken tree = rows.take("merkle_node", "level >= 0");
        StoredRows.Taken checkpoints = rows.take("chain_checkpoint", "position > ?", lastGood);
        rows.execute("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", altered,
                rewritten.eventId());
        rechain(rewritten.position(), head);
        rows.execute("UPDATE merkle_tree SET size = 0 WHERE id = 1");
        try {
            Api.as("KS", "samrad:audit").when().post("/api/v1/audit/checkpoints").then().statusCode(200);
            given().when().get(VERIFY).then().statusCode(200).body("intact", equalTo(true));
            heldTo(kept).body("intact", equalTo(false)).body("against.extended", equalTo(false))
                    .body("firstMismatch.position", equalTo((int) lastGood + 1))
                    .body("firstMismatch.reason", containsString("rewritten, with the chain and the tree"));
        } finally {
            rows.execute("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", payload,
                    rewritten.eventId());
            for (Map<String, Object> link : chainBefore) {
                rows.execute("UPDATE event_chain SET previous_hash = ?, hash = ? WHERE position = ?",
                        link.get("previous_hash"), link.get("hash"), link.get("position"));
            }
            rows.execute("DELETE FROM chain_checkpoint WHERE position > ?", lastGood);
            rows.putBack(checkpoints);
            rows.execute("DELETE FROM merkle_node WHERE level >= 0");
            rows.putBack(tree);
            rows.execute("UPDATE merkle_tree SET size = ? WHERE id = 1", head);
        }
        stillExtends(kept);
    }

    /** Recomputes the chain's links from {@code from} to {@code to} over the stored events, as an intruder would. */
    private void rechain(long from, long to) {
        String previous = (String) rows.query("SELECT hash FROM event_chain WHERE position = ?", from - 1).get(0)
                .get("hash");
        for (long position = from; position <= to; position++) {
            Map<String, Object> row = rows.query("SELECT e.event_identifier, e.type, e.aggregate_identifier,"
                    + " e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.meta_data, e.payload"
                    + " FROM event_chain c JOIN domain_event_entry e ON e.event_identifier = c.event_identifier"
                    + " WHERE c.position = ?", position).get(0);
            String hash = new StoredEvent((String) row.get("event_identifier"), (String) row.get("type"),
                    (String) row.get("aggregate_identifier"), ((Number) row.get("sequence_number")).longValue(),
                    (String) row.get("payload_type"), (String) row.get("payload_revision"),
                    (String) row.get("time_stamp"), (byte[]) row.get("meta_data"), (byte[]) row.get("payload"))
                    .hash(position, previous.trim());
            rows.execute("UPDATE event_chain SET previous_hash = ?, hash = ? WHERE position = ?", previous.trim(),
                    hash, position);
            previous = hash;
        }
    }

    @Test
    void aSubtreeRemovedFromTheStoredTreeIsNamedAndIsNoFault() {
        agreementOfTwoEvents("Avtale med et hull i treet");
        String kept = keptCheckpoint();
        StoredRows.Taken leaf = rows.take("merkle_node", "level = 0 AND node_index = 0");
        StoredRows.Taken top = rows.take("merkle_node", "level = (SELECT MAX(level) FROM merkle_node)");
        try {
            given().when().get(VERIFY).then().statusCode(200).body("intact", equalTo(false))
                    .body("treeRoot", org.hamcrest.Matchers.nullValue());
            rows.putBack(top);
            heldTo(kept).body("intact", equalTo(false))
                    .body("firstMismatch.position", equalTo(1))
                    .body("firstMismatch.reason", containsString("lacks this event's leaf"));
        } finally {
            rows.putBack(leaf);
        }
        stillExtends(kept);
    }

    @Test
    void aCheckpointThisLogDidNotSignIsRefused() {
        agreementOfTwoEvents("Avtale for et falskt sjekkpunkt");
        String kept = keptCheckpoint();
        String otherRoot = kept.replace(kept.split("\n")[2], Base64.getEncoder().encodeToString(new byte[32]));
        for (String bad : List.of("not a note", otherRoot, kept.replace(kept.split("\n")[0], "another.example/log"))) {
            given().queryParam("against", bad).when().get(VERIFY).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"))
                    .body("errors[0].field", equalTo("against"));
            given().contentType("text/plain; charset=UTF-8").body(bad).when().post(VERIFY).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        }
        given().queryParam("against", kept).queryParam("from", 1).when().get(VERIFY).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Swaps a column's values of two events, through a value no row holds, as the unique keys ask. */
    private void swap(String column, String firstId, long firstValue, String secondId, long secondValue) {
        String update = "UPDATE domain_event_entry SET " + column + " = ? WHERE event_identifier = ?";
        rows.execute(update, -1_000_000L, firstId);
        rows.execute(update, firstValue, secondId);
        rows.execute(update, secondValue, firstId);
    }
}
