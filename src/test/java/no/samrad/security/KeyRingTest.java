package no.samrad.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.samrad.infrastructure.security.KeyRing;
import no.samrad.infrastructure.security.KeysCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key rings every instance reads: key ids, keys that must be given, rotation, and the keys command. */
class KeyRingTest {

    @TempDir
    Path directory;

    @Test
    void aKeyIsNamedByItsJwkThumbprintAsTheRfcsComputeIt() throws Exception {
        Base64.Decoder base64url = Base64.getUrlDecoder();
        // RFC 7638, section 3.1.
        PublicKey rsa = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, base64url.decode("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK"
                        + "7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4Q"
                        + "yQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyr"
                        + "dkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw")),
                new BigInteger(1, base64url.decode("AQAB"))));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", KeyRing.thumbprint(rsa));
        // RFC 8037, appendix A.3: the SubjectPublicKeyInfo of an Ed25519 key is a fixed prefix and the key.
        byte[] x = base64url.decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
        byte[] encoded = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, encoded, 0, 12);
        System.arraycopy(x, 0, encoded, 12, 32);
        PublicKey ed25519 = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", KeyRing.thumbprint(ed25519));
    }

    @Test
    void keysThatMustBeGivenAreNotMadeAndTheRefusalSaysWhatToDo() {
        Path audit = directory.resolve("audit");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> KeyRing.load(audit, "Ed25519", false, "samrad.audit.keys"));
        assertTrue(refused.getMessage().contains("samrad.audit.keys"), refused.getMessage());
        assertTrue(refused.getMessage().contains("keys --dir"), refused.getMessage());
        assertFalse(Files.exists(audit), "nothing is made");
    }

    @Test
    void keysMadeOnceAreTheKeysEveryLaterReadFinds() throws Exception {
        KeyRing made = KeyRing.load(directory, "Ed25519", true, "samrad.audit.keys");
        KeyRing read = KeyRing.load(directory, "Ed25519", false, "samrad.audit.keys");
        assertEquals(made.current().id(), read.current().id());
        assertEquals(made.current().id(), KeyRing.thumbprint(read.current().publicKey()));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("private-key.pem"))));
        assertEquals(List.of(made.current().id()), read.keys().stream().map(KeyRing.Key::id).toList());
    }

    @Test
    void aRotationKeepsWhatTheOldKeySignedVerifiable() throws Exception {
        KeyRing before = KeyRing.load(directory, "Ed25519", true, "samrad.audit.keys");
        byte[] statement = "samrad-checkpoint/1\nposition: 7\n".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(before.signingKey().privateKey());
        signer.update(statement);
        byte[] signedBefore = signer.sign();

        KeyRing after = KeyRing.rotate(directory, "Ed25519");

        assertNotEquals(before.current().id(), after.current().id());
        assertEquals(after.current().id(), after.signingKey().id());
        assertEquals(List.of(after.current().id(), before.current().id()),
                after.keys().stream().map(KeyRing.Key::id).toList(), "the current key first, then the retired");
        assertFalse(after.key(before.current().id()).orElseThrow().current());
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(after.key(before.current().id()).orElseThrow().publicKey());
        verifier.update(statement);
        assertTrue(verifier.verify(signedBefore), "the retired key verifies what it signed");
        List<Map<String, String>> jwks = after.jwks().get("keys");
        assertEquals(List.of(after.current().id(), before.current().id()), jwks.stream().map(jwk -> jwk.get("kid")).toList());
        assertEquals(Map.of("kty", "OKP", "crv", "Ed25519", "x", jwks.get(1).get("x"), "kid", before.current().id(),
                "alg", "EdDSA", "use", "sig"), jwks.get(1));
    }

    @Test
    void theKeysCommandMakesRefusesAndRotates() {
        String dir = directory.resolve("issuer").toString();
        Run made = keys("--dir", dir, "--algorithm", "RSA");
        assertEquals(0, made.exitCode(), made.err());
        assertEquals(KeyRing.load(Path.of(dir), "RSA", false, "x").current().id(), made.out().strip());

        Run again = keys("--dir", dir, "--algorithm", "RSA");
        assertEquals(1, again.exitCode(), "a directory with a key is not overwritten");
        Run rotation = keys("--dir", dir, "--algorithm", "RSA", "--rotate");
        assertEquals(0, rotation.exitCode(), rotation.err());
        KeyRing rotated = KeyRing.load(Path.of(dir), "RSA", false, "x");
        assertEquals(rotated.current().id(), rotation.out().strip(), "it prints the key that signs now");
        assertNotEquals(made.out().strip(), rotated.current().id());
        assertTrue(rotated.key(made.out().strip()).isPresent(), "the first key is retired, not gone");

        assertEquals(2, keys("--dir", dir).exitCode(), "an algorithm is required");
        assertEquals(2, keys("--dir", dir, "--algorithm", "DSA").exitCode());
        assertEquals(2, keys("--algorithm", "RSA", "--colour", "blue").exitCode());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run keys(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KeysCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
