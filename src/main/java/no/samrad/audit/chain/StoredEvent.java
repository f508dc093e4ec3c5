package no.samrad.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.samrad.audit.merkle.MerkleTree;

/**
 * An event as stored in {@code domain_event_entry}, byte for byte: what the chain's hashes cover.
 *
 * @param recordType the aggregate type ("Agreement", "Meeting", "Case")
 * @param recordedAt the stored timestamp, as written (an ISO-8601 instant)
 */
public record StoredEvent(String eventId, String recordType, String recordId, long sequence, String payloadType,
                          String revision, String recordedAt, byte[] metadata, byte[] payload) {

    /** The hash before the first event. */
    public static final String GENESIS = "0".repeat(64);
    static final String FORMAT = "samrad-chain/1";

    /**
     * The canonical form of the event at {@code position} after {@code previousHash}: UTF-8 lines
     * "name: value", the stored metadata and payload JSON last, exactly as stored. See
     * docs/auditing.md, which shows how to recompute it.
     */
    public byte[] canonical(long position, String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String header = FORMAT + "\n"
                + "position: " + position + "\n"
                + "previous: " + previousHash + "\n"
                + "event: " + eventId + "\n"
                + "record: " + recordType + " " + recordId + " " + sequence + "\n"
                + "type: " + payloadType + " " + (revision == null ? "-" : revision) + "\n"
                + "recorded: " + recordedAt + "\n"
                + "metadata: ";
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(metadata == null ? new byte[0] : metadata);
        out.writeBytes("\npayload: ".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(payload);
        out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The hex SHA-256 of the canonical form: the event's link in the chain. */
    public String hash(long position, String previousHash) {
        return sha256(canonical(position, previousHash));
    }

    /**
     * The event's chain link hash and its leaf hash in the log's Merkle tree: RFC 9162's leaf hash of
     * the same canonical form, which holds the event's position, record id and sequence, so that
     * moving an event changes its leaf.
     */
    public record Hashes(String link, byte[] leaf) {
    }

    /** Both hashes of the event at {@code position}, its canonical form written once. */
    public Hashes hashes(long position, String previousHash) {
        byte[] canonical = canonical(position, previousHash);
        return new Hashes(sha256(canonical), MerkleTree.leafHash(canonical));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
