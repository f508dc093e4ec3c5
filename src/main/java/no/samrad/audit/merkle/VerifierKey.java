package no.samrad.audit.merkle;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A signed-note verifier key as text, {@code <name>+<key id, 8 hex digits>+<base64 of the signature
 * type and the 32-byte Ed25519 public key>}: how a log's key or a witness's key is handed to those
 * who check its signatures (c2sp.org/signed-note, "vkeys").
 */
public record VerifierKey(String name, int keyId, byte type, PublicKey key) {

    public static VerifierKey of(String name, byte type, PublicKey key) {
        return new VerifierKey(name, SignedNote.keyId(name, type, key), type, key);
    }

    /** The key as text. */
    public String text() {
        byte[] material = ByteBuffer.allocate(33).put(type).put(SignedNote.raw(key)).array();
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+" + Base64.getEncoder().encodeToString(material);
    }

    /**
     * Reads a verifier key of an Ed25519 type (0x01 or 0x04); empty when the text is not one, or
     * when its key id is not the one its name and key give.
     */
    public static Optional<VerifierKey> parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\+", 3);
        if (parts.length != 3 || !SignedNote.validKeyName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            return Optional.empty();
        }
        try {
            byte[] material = Base64.getDecoder().decode(parts[2]);
            if (material.length != 33 || (material[0] != SignedNote.ED25519 && material[0] != SignedNote.COSIGNATURE)) {
                return Optional.empty();
            }
            VerifierKey key = of(parts[0], material[0], SignedNote.ed25519(Arrays.copyOfRange(material, 1, 33)));
            return key.keyId() == (int) Long.parseLong(parts[1], 16) ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
