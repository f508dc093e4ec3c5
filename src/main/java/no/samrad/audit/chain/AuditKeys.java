package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.infrastructure.security.KeyPairFiles;
import no.samrad.infrastructure.security.KeyRing;
import no.samrad.infrastructure.startup.StartupTask;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Ed25519 keys that sign the published log's checkpoints and promises: a {@link KeyRing} in
 * {@code samrad.audit.keys} (by default {@code SAMRAD_DATA_DIR/audit}), which every instance that
 * shares the database reads, so that each signs with the same key and verifies what any signed.
 * Every signature names its key by id; anyone may check it with the public key alone (openssl, or
 * the JDK), taken from the published set.
 */
@ApplicationScoped
public class AuditKeys implements StartupTask {

    public static final String KEYS_SETTING = "samrad.audit.keys";
    static final String DIRECTORY = "audit";
    private static final String ALGORITHM = "Ed25519";

    /** A statement, the id of the key that signed it, and the signature. */
    public record Signed(String keyId, String statement, String signature) {
    }

    private final Path directory;
    private final boolean generateMissing;
    private volatile KeyRing keys;

    AuditKeys(@ConfigProperty(name = "samrad.data-dir") Path dataDir,
              @ConfigProperty(name = KEYS_SETTING) Optional<String> directory,
              @ConfigProperty(name = "samrad.keys.generate-missing") boolean generateMissing) {
        this.directory = directory.filter(value -> !value.isBlank()).map(Path::of)
                .orElse(dataDir.resolve(DIRECTORY));
        this.generateMissing = generateMissing;
    }

    /** Reads the keys before Samråd reports ready: an instance without them does not start. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void run() {
        keys();
    }

    /**
     * The public key {@code keyId} names, or with none the current one, as PEM (SubjectPublicKeyInfo),
     * as {@code openssl pkey -pubin} reads it.
     */
    public Optional<String> publicKeyPem(String keyId) {
        Optional<KeyRing.Key> key = keyId == null ? Optional.of(keys().current()) : known(keyId);
        return key.map(found -> KeyPairFiles.pem("PUBLIC KEY", found.publicKey().getEncoded()));
    }

    /** Every key that verifies the log's signatures, the current one first, as a JWK Set. */
    public Map<String, List<Map<String, String>>> jwks() {
        return keys().jwks();
    }

    /**
     * Signs, with the current key, the statement {@code statementNamingKey} writes for that key's
     * id: the base64 Ed25519 signature of its UTF-8 bytes.
     */
    public Signed sign(Function<String, String> statementNamingKey) {
        KeyRing.SigningKey key = keys().signingKey();
        String statement = statementNamingKey.apply(key.id());
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key.privateKey());
            signer.update(statement.getBytes(StandardCharsets.UTF_8));
            return new Signed(key.id(), statement, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a statement of the published log", e);
        }
    }

    /**
     * The signature line of {@code text} by the current key under the log's {@code origin}, as a
     * C2SP signed note carries it (key id type 0x01).
     */
    public SignedNote.Line signNote(String origin, String text) {
        KeyRing ring = keys();
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(ring.signingKey().privateKey());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return new SignedNote.Line(origin, SignedNote.keyId(origin, SignedNote.ED25519, ring.current().publicKey()),
                    signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a checkpoint of the published log", e);
        }
    }

    /**
     * Whether the note carries a valid signature, under the log's {@code origin}, by any key of the
     * ring, current or retired; the ring is read again first if it has changed.
     */
    public boolean signedNote(SignedNote note, String origin) {
        if (keys().isOutdated()) {
            keys = read();
        }
        return keys().keys().stream().anyMatch(key -> note.signedBy(origin, key.publicKey()));
    }

    /**
     * Whether {@code signature} is the signature of {@code statement} by the key {@code keyId}. A
     * key this instance does not know may be one another instance has rotated to, so the ring is
     * read again, if its directory has changed, before the answer is no. A signature made before
     * signatures named their key ({@code keyId} null) is checked against every key of the ring.
     */
    public boolean verifies(String statement, String signature, String keyId) {
        if (keyId == null) {
            return keys().keys().stream().anyMatch(key -> verifies(statement, signature, key.publicKey()));
        }
        Optional<KeyRing.Key> key = known(keyId);
        return key.isPresent() && verifies(statement, signature, key.get().publicKey());
    }

    /** The key of the ring with this id, reading the ring again if this instance does not know it yet. */
    private Optional<KeyRing.Key> known(String keyId) {
        Optional<KeyRing.Key> key = keys().key(keyId);
        if (key.isEmpty() && keys().isOutdated()) {
            keys = read();
            key = keys.key(keyId);
        }
        return key;
    }

    private static boolean verifies(String statement, String signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(statement.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private KeyRing keys() {
        KeyRing loaded = keys;
        if (loaded == null) {
            loaded = read();
            keys = loaded;
        }
        return loaded;
    }

    private KeyRing read() {
        return KeyRing.load(directory, ALGORITHM, generateMissing, KEYS_SETTING);
    }
}
