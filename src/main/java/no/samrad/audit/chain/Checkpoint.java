package no.samrad.audit.chain;

import java.time.Instant;

/**
 * A signed statement of the chain's head. {@code statement} is the exact text signed; the
 * signature is Ed25519 over its UTF-8 bytes, in base64, by the audit key {@code keyId} (its JWK
 * thumbprint), which the statement names on its last line. Checkpoints signed before keys had ids
 * name none: their {@code keyId} is null.
 */
public record Checkpoint(long position, String hash, Instant signedAt, String keyId, String statement,
                         String signature) {

    static String statement(long position, String hash, Instant signedAt, String keyId) {
        return "samrad-checkpoint/1\nposition: " + position + "\nhash: " + hash + "\nsigned: " + signedAt + "\n"
                + (keyId == null ? "" : "key: " + keyId + "\n");
    }
}
