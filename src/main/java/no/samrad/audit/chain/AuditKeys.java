package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import no.samrad.infrastructure.security.KeyPairFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Ed25519 key pair that signs the chain's checkpoints, kept in {@code SAMRAD_DATA_DIR/audit}.
 * Anyone may check a signature with the public key alone (openssl, or the JDK).
 */
@ApplicationScoped
public class AuditKeys {

    static final String DIRECTORY = "audit";
    private static final String ALGORITHM = "Ed25519";

    private final Path dataDir;
    private volatile KeyPair keys;

    AuditKeys(@ConfigProperty(name = "samrad.data-dir") Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The public key as PEM (SubjectPublicKeyInfo), as {@code openssl pkey -pubin} reads it. */
    public String publicKeyPem() {
        return KeyPairFiles.pem("PUBLIC KEY", keys().getPublic().getEncoded());
    }

    /** The base64 Ed25519 signature of the statement's UTF-8 bytes. */
    public String sign(String statement) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys().getPrivate());
            signer.update(statement.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a checkpoint", e);
        }
    }

    public boolean verifies(String statement, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys().getPublic());
            verifier.update(statement.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private KeyPair keys() {
        KeyPair loaded = keys;
        if (loaded == null) {
            loaded = KeyPairFiles.load(dataDir.resolve(DIRECTORY), ALGORITHM);
            keys = loaded;
        }
        return loaded;
    }
}
