package no.samrad.audit.chain;

import java.time.Instant;

/**
 * A signed statement of the log's head at {@code position}, in two forms.
 *
 * <p>{@code note} is the C2SP checkpoint of the log's Merkle tree (origin, tree size, base64 root)
 * with its signature line and any witnesses' cosignatures; {@code treeRoot} is that root in base64.
 * Checkpoints signed before the tree have neither.
 *
 * <p>{@code statement} states the linear chain's {@code hash} at that position; {@code signature}
 * is Ed25519 over its UTF-8 bytes, in base64, by the audit key {@code keyId} (its JWK thumbprint),
 * which the statement names on its last line. Checkpoints signed before keys had ids name none:
 * their {@code keyId} is null.
 */
public record Checkpoint(long position, String hash, Instant signedAt, String keyId, String statement,
                         String signature, String treeRoot, String note) {

    static String statement(long position, String hash, Instant signedAt, String keyId) {
        return "samrad-checkpoint/1\nposition: " + position + "\nhash: " + hash + "\nsigned: " + signedAt + "\n"
                + (keyId == null ? "" : "key: " + keyId + "\n");
    }
}
