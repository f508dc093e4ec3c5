package no.samrad.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import no.samrad.infrastructure.security.KeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances that share one key directory sign with one key and verify what any of them signed,
 * before and after a rotation that only some of them have seen.
 */
class AuditKeysTest {

    @TempDir
    Path dataDir;

    private AuditKeys instance(Path keys) {
        return new AuditKeys(dataDir, Optional.of(keys.toString()), false);
    }

    @Test
    void instancesOfOneDirectorySignAsOneAndKeepVerifyingAcrossARotation() {
        Path shared = dataDir.resolve("shared-audit-keys");
        KeyRing.load(shared, "Ed25519", true, AuditKeys.KEYS_SETTING);
        AuditKeys first = instance(shared);
        AuditKeys second = instance(shared);

        AuditKeys.Signed byFirst = first.sign(keyId -> "statement one\nkey: " + keyId + "\n");
        AuditKeys.Signed bySecond = second.sign(keyId -> "statement two\nkey: " + keyId + "\n");
        assertEquals(byFirst.keyId(), bySecond.keyId(), "one key for every instance");
        assertTrue(second.verifies(byFirst.statement(), byFirst.signature(), byFirst.keyId()));
        assertTrue(first.verifies(bySecond.statement(), bySecond.signature(), bySecond.keyId()));

        KeyRing.rotate(shared, "Ed25519");
        AuditKeys restarted = instance(shared);
        AuditKeys.Signed afterRotation = restarted.sign(keyId -> "statement three\nkey: " + keyId + "\n");
        assertNotEquals(byFirst.keyId(), afterRotation.keyId(), "a restarted instance signs with the new key");
        assertTrue(restarted.verifies(byFirst.statement(), byFirst.signature(), byFirst.keyId()),
                "what the retired key signed still verifies");
        assertTrue(first.verifies(afterRotation.statement(), afterRotation.signature(), afterRotation.keyId()),
                "an instance that has not restarted learns the new key from the directory");
        assertEquals(2, first.jwks().get("keys").size());
    }

    @Test
    void aSignatureIsRefusedByTheWrongKeyAnUnknownKeyOrAChangedStatement() {
        Path shared = dataDir.resolve("keys");
        KeyRing.load(shared, "Ed25519", true, AuditKeys.KEYS_SETTING);
        AuditKeys keys = instance(shared);
        AuditKeys.Signed signed = keys.sign(keyId -> "position: 1\n");

        assertFalse(keys.verifies("position: 2\n", signed.signature(), signed.keyId()));
        assertFalse(keys.verifies(signed.statement(), signed.signature(), "no-such-key"));
        assertTrue(keys.verifies(signed.statement(), signed.signature(), null),
                "a signature from before keys had ids is checked against every key");
        KeyRing.rotate(shared, "Ed25519");
        AuditKeys restarted = instance(shared);
        assertTrue(restarted.verifies(signed.statement(), signed.signature(), null));
        assertEquals(Optional.empty(), restarted.publicKeyPem("no-such-key"));
        assertTrue(restarted.publicKeyPem(signed.keyId()).orElseThrow().startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void anInstanceWithoutTheKeysItMustBeGivenDoesNotStart() {
        AuditKeys keys = instance(dataDir.resolve("not-mounted"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, keys::run);
        assertTrue(refused.getMessage().contains(AuditKeys.KEYS_SETTING), refused.getMessage());
    }
}
