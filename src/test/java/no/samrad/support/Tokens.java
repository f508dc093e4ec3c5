package no.samrad.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import no.samrad.infrastructure.security.KeyRing;
import no.samrad.infrastructure.security.LocalIssuer;
import no.samrad.infrastructure.security.TokenMinter;

/** Tokens from the test profile's local issuer (its keys are in target/test-data). */
public final class Tokens {

    public static final String AUDIENCE = "samrad";
    private static final Path DATA_DIR = Path.of("target/test-data");

    private Tokens() {
    }

    public static String token(String party, String scope) {
        return mint(LocalIssuer.ISSUER, AUDIENCE, party, scope, Instant.now(), Duration.ofMinutes(10));
    }

    public static String mint(String issuer, String audience, String party, String scope, Instant issuedAt,
                              Duration ttl) {
        return TokenMinter.mint(new TokenMinter.Claims(issuer, audience, "test-" + (party == null ? "auditor" : party),
                scope, party,
                "971032146", issuedAt, ttl), issuerKey(DATA_DIR));
    }

    /** A token of the local issuer whose keys are in {@code dataDir}, such as a packaged Samråd's. */
    public static String of(Path dataDir, String party, String scope, Duration ttl) {
        return TokenMinter.mint(new TokenMinter.Claims(LocalIssuer.ISSUER, AUDIENCE, "test-" + (party == null
                ? "auditor" : party), scope, party, "971032146", Instant.now(), ttl), issuerKey(dataDir));
    }

    /** The key the local issuer whose keys are in {@code dataDir} signs with now. */
    public static KeyRing.SigningKey issuerKey(Path dataDir) {
        return LocalIssuer.keys(LocalIssuer.directory(null, dataDir), true).signingKey();
    }

    public static String expired(String party, String scope) {
        return mint(LocalIssuer.ISSUER, AUDIENCE, party, scope, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
    }

    public static String wrongAudience(String party, String scope) {
        return mint(LocalIssuer.ISSUER, "someone-else", party, scope, Instant.now(), Duration.ofMinutes(10));
    }
}
