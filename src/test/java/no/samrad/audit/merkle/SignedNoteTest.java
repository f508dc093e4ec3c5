package no.samrad.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Signed notes agree with the reference example of the Go implementation (golang.org/x/mod/sumdb/note,
 * which C2SP signed-note specifies): its key id, its signature; checkpoints read only as
 * tlog-checkpoint writes them; cosignatures verify only for their key, text and time.
 */
class SignedNoteTest {

    /** The reference verifier key: name, key id, and base64 of 0x01 and the 32-byte public key. */
    private static final String VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUg"
            + "YN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static PublicKey referenceKey() {
        byte[] encoded = Base64.getDecoder().decode(VERIFIER_KEY.split("\\+")[2]);
        assertEquals(SignedNote.ED25519, encoded[0]);
        return SignedNote.ed25519(Arrays.copyOfRange(encoded, 1, encoded.length));
    }

    @Test
    void theReferenceNoteHasItsKeyIdAndVerifies() {
        PublicKey key = referenceKey();
        assertEquals(0xc74f20a3, SignedNote.keyId("PeterNeumann", SignedNote.ED25519, key));
        SignedNote note = SignedNote.parse(NOTE).orElseThrow();
        assertEquals(TEXT, note.text());
        assertEquals(NOTE, note.format(), "a note is written back byte for byte");
        assertTrue(note.signedBy("PeterNeumann", key));
        assertFalse(note.signedBy("PeterNeumann2", key), "the name is part of the key id");
        SignedNote altered = SignedNote.parse(NOTE.replace("answer", "Answer")).orElseThrow();
        assertFalse(altered.signedBy("PeterNeumann", key));
        assertArrayEquals(Base64.getDecoder().decode(VERIFIER_KEY.split("\\+")[2]), concat(new byte[] {1},
                SignedNote.raw(key)), "the raw key is the key's 32 bytes");
    }

    @Test
    void theReferenceVerifierKeyIsReadAndWrittenBackAsItWas() {
        VerifierKey key = VerifierKey.parse(VERIFIER_KEY).orElseThrow();
        assertEquals("PeterNeumann", key.name());
        assertEquals(0xc74f20a3, key.keyId());
        assertEquals(VERIFIER_KEY, key.text());
        assertTrue(SignedNote.parse(NOTE).orElseThrow().signedBy(key.name(), key.key()));
        for (String malformed : List.of("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+c74f20a3+AhpcAAcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "PeterNeumann+c74f20a3")) {
            assertEquals(Optional.empty(), VerifierKey.parse(malformed), malformed);
        }
    }

    @Test
    void aVerifierKeyWhoseBase64HoldsAPlusIsReadWhole() throws Exception {
        VerifierKey key;
        do {
            key = VerifierKey.of("witness.example/w", SignedNote.COSIGNATURE,
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        } while (!key.text().split("\\+", 3)[2].contains("+"));
        assertEquals(key.key(), VerifierKey.parse(key.text()).orElseThrow().key());
    }

    @Test
    void malformedNotesAreNotRead() {
        for (String malformed : List.of(TEXT, NOTE.replace("\n\n", "\n"), NOTE.replace("\u2014 ", "- "),
                NOTE.replace("PeterNeumann x08", "Peter Neumann x08"), NOTE.replace("x08go", "x08g!"),
                NOTE.substring(0, NOTE.length() - 1), NOTE.replace("problem,", "problem,\u0007"),
                TEXT + "\n")) {
            assertEquals(Optional.empty(), SignedNote.parse(malformed), malformed);
        }
    }

    @Test
    void checkpointsAreReadOnlyInTheirOwnForm() {
        byte[] root = new byte[32];
        root[0] = 7;
        TreeHead head = new TreeHead("samrad.example/log", 42, root);
        assertEquals("samrad.example/log\n42\n" + Base64.getEncoder().encodeToString(root) + "\n", head.text());
        TreeHead read = TreeHead.parse(head.text()).orElseThrow();
        assertEquals(42, read.size());
        assertArrayEquals(root, read.root());
        assertTrue(TreeHead.parse(head.text() + "an extension\n").isPresent(), "extension lines are allowed");
        for (String malformed : List.of("samrad.example/log\n042\n" + head.rootBase64() + "\n",
                "samrad.example/log\n-1\n" + head.rootBase64() + "\n",
                "samrad.example/log\n42\n" + head.rootBase64(),
                "samrad example\n42\n" + head.rootBase64() + "\n",
                "samrad.example/log\n42\nAAAA\n",
                "samrad.example/log\n42\n" + head.rootBase64() + "\n\nafter a blank line\n")) {
            assertEquals(Optional.empty(), TreeHead.parse(malformed), malformed);
        }
    }

    @Test
    void aCosignatureVerifiesForItsKeyItsTextAndItsTimeAlone() throws Exception {
        KeyPair witness = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String text = new TreeHead("samrad.example/log", 3, new byte[32]).text();
        long time = 1_700_000_000L;
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(witness.getPrivate());
        signer.update(SignedNote.cosigned(time, text));
        byte[] signature = ByteBuffer.allocate(72).putLong(time).put(signer.sign()).array();
        SignedNote note = new SignedNote(text, List.of(new SignedNote.Line("witness.example/w1",
                SignedNote.keyId("witness.example/w1", SignedNote.COSIGNATURE, witness.getPublic()), signature)));

        SignedNote read = SignedNote.parse(note.format()).orElseThrow();
        assertEquals(Optional.of(time), read.cosignedBy("witness.example/w1", witness.getPublic()));
        assertEquals(Optional.empty(), read.cosignedBy("witness.example/w1", other.getPublic()));
        assertFalse(read.signedBy("witness.example/w1", witness.getPublic()), "a cosignature is not a log signature");
        byte[] otherTime = signature.clone();
        otherTime[7] ^= 1;
        assertEquals(Optional.empty(), new SignedNote(text, List.of(new SignedNote.Line("witness.example/w1",
                SignedNote.keyId("witness.example/w1", SignedNote.COSIGNATURE, witness.getPublic()), otherTime)))
                .cosignedBy("witness.example/w1", witness.getPublic()));
        assertEquals(1, note.with(note.signatures().get(0)).signatures().size(), "a key signs a note once");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
