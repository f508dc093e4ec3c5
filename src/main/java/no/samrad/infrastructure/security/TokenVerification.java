package no.samrad.infrastructure.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How bearer tokens are verified: signature, issuer, audience and expiry. With
 * {@code samrad.auth.issuer} configured, tokens must come from that issuer, verified with the key
 * or JWKS at {@code samrad.auth.key-location}; otherwise Samråd trusts its {@link LocalIssuer}:
 * every key of its ring, the current and the retired, each known by the {@code kid} its tokens
 * carry. Scopes (space separated in the {@code scope} claim)
 * become the caller's roles ({@link ScopeRoles}). A token must carry {@code iat}, and may be valid
 * for at most {@code samrad.auth.max-token-lifetime} after it.
 */
@ApplicationScoped
public class TokenVerification {

    private final Optional<String> issuer;
    private final Optional<String> keyLocation;
    private final String audience;
    private final Path localIssuerKeys;
    private final boolean generateMissingKeys;
    private final Duration maxLifetime;
    private final Duration clockSkew;
    private volatile KeyRing localIssuerRing;

    TokenVerification(@ConfigProperty(name = "samrad.auth.issuer") Optional<String> issuer,
                      @ConfigProperty(name = "samrad.auth.key-location") Optional<String> keyLocation,
                      @ConfigProperty(name = "samrad.auth.audience") String audience,
                      @ConfigProperty(name = "samrad.data-dir") Path dataDir,
                      @ConfigProperty(name = LocalIssuer.KEYS_SETTING) Optional<String> localIssuerKeys,
                      @ConfigProperty(name = "samrad.keys.generate-missing") boolean generateMissingKeys,
                      @ConfigProperty(name = "samrad.auth.max-token-lifetime") Duration maxLifetime,
                      @ConfigProperty(name = "samrad.auth.clock-skew") Duration clockSkew) {
        this.maxLifetime = maxLifetime;
        this.clockSkew = clockSkew;
        this.issuer = issuer.filter(value -> !value.isBlank());
        this.keyLocation = keyLocation.filter(value -> !value.isBlank());
        this.audience = audience;
        this.localIssuerKeys = LocalIssuer.directory(localIssuerKeys.orElse(null), dataDir);
        this.generateMissingKeys = generateMissingKeys;
    }

    public boolean usesLocalIssuer() {
        return issuer.isEmpty();
    }

    /**
     * Reads the local issuer's keys at start (making them on the embedded default), so that an
     * instance without them fails to start rather than refuse every token.
     */
    public void prepare() {
        if (usesLocalIssuer()) {
            localIssuerRing();
        } else if (keyLocation.isEmpty()) {
            throw new IllegalStateException(
                    "samrad.auth.issuer is set, so samrad.auth.key-location (a PEM key or a JWKS URL) must be too");
        }
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        if (usesLocalIssuer()) {
            info.setIssuedBy(LocalIssuer.ISSUER);
            info.setPublicKeyContent(jwks(localIssuerRing()));
        } else {
            info.setIssuedBy(issuer.get());
            info.setPublicKeyLocation(keyLocation.orElseThrow());
        }
        info.setExpectedAudience(Set.of(audience));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        // Roles come from the scope claim alone (ScopeRoles); the lifetime is bounded by iat and exp.
        info.setGroupsPath("scope");
        info.setGroupsSeparator(" ");
        info.setMaxTimeToLiveSecs(maxLifetime.toSeconds());
        info.setClockSkew((int) clockSkew.toSeconds());
        info.setRequireNamedPrincipal(false);
        return info;
    }

    /**
     * The local issuer's keys, read once: tokens are verified with the keys an instance read at
     * start, so an instance takes a rotated issuer key from its next start (docs/operations.md).
     */
    private KeyRing localIssuerRing() {
        KeyRing ring = localIssuerRing;
        if (ring == null) {
            ring = LocalIssuer.keys(localIssuerKeys, generateMissingKeys);
            localIssuerRing = ring;
        }
        return ring;
    }

    private static String jwks(KeyRing keys) {
        try {
            return new ObjectMapper().writeValueAsString(keys.jwks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
