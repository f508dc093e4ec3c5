package no.samrad.infrastructure.security;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The token issuer of the embedded default: an RSA key pair kept in {@code SAMRAD_DATA_DIR/issuer},
 * created on first use. Samråd trusts it only while no real issuer is configured.
 */
public final class LocalIssuer {

    /** The {@code iss} of locally minted tokens. */
    public static final String ISSUER = "urn:samrad:local-issuer";
    static final String DIRECTORY = "issuer";

    private LocalIssuer() {
    }

    /** Loads the key pair from {@code dataDir}, creating it on first use. */
    public static KeyPair keyPair(Path dataDir) {
        return KeyPairFiles.load(dataDir.resolve(DIRECTORY), "RSA");
    }

    public static PublicKey publicKey(Path dataDir) {
        return keyPair(dataDir).getPublic();
    }

    public static PrivateKey privateKey(Path dataDir) {
        return keyPair(dataDir).getPrivate();
    }
}
