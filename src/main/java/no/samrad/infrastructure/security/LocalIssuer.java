package no.samrad.infrastructure.security;

import java.nio.file.Path;

/**
 * The token issuer of the embedded default and of instances that share no real issuer: an RSA key
 * ring in {@code samrad.auth.local-issuer-keys} (by default {@code SAMRAD_DATA_DIR/issuer}). Samråd
 * trusts it only while no real issuer is configured. Instances that share a database share this
 * directory too, so that a token minted for one is taken by every other.
 */
public final class LocalIssuer {

    /** The {@code iss} of locally minted tokens. */
    public static final String ISSUER = "urn:samrad:local-issuer";
    public static final String KEYS_SETTING = "samrad.auth.local-issuer-keys";
    static final String DIRECTORY = "issuer";
    static final String ALGORITHM = "RSA";

    private LocalIssuer() {
    }

    /** The directory of the issuer's keys: the one configured, or {@code issuer} in the data dir. */
    public static Path directory(String configured, Path dataDir) {
        return configured == null || configured.isBlank() ? dataDir.resolve(DIRECTORY) : Path.of(configured);
    }

    /** The issuer's keys in {@code directory}, made there when missing only if {@code generateMissing}. */
    public static KeyRing keys(Path directory, boolean generateMissing) {
        return KeyRing.load(directory, ALGORITHM, generateMissing, KEYS_SETTING);
    }
}
