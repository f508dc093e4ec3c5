package no.samrad.infrastructure.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a verified token may claim beyond its signature. Its roles are its scopes and nothing
 * else: a {@code groups} claim grants nothing, whatever the token library would make of it. A
 * token issued in the future (beyond the allowed clock skew) is refused. With the lifetime that
 * {@link TokenVerification} bounds ({@code exp} at most {@code samrad.auth.max-token-lifetime}
 * after {@code iat}), no token is valid for longer than that from now: a stolen token must not
 * outlive the lifetime its issuer is allowed to give.
 */
@ApplicationScoped
class ScopeRoles implements SecurityIdentityAugmentor {

    static final String SCOPE_CLAIM = "scope";

    private final Duration clockSkew;

    ScopeRoles(@ConfigProperty(name = "samrad.auth.clock-skew") Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Instant now = Instant.now();
        if (Instant.ofEpochSecond(token.getIssuedAtTime()).isAfter(now.plus(clockSkew))) {
            return refused("The token is issued in the future.");
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(scopes(token))
                .build());
    }

    private static Set<String> scopes(JsonWebToken token) {
        if (!(token.getClaim(SCOPE_CLAIM) instanceof String granted)) {
            return Set.of();
        }
        return Arrays.stream(granted.split(" ")).filter(part -> !part.isEmpty()).collect(Collectors.toSet());
    }

    private static Uni<SecurityIdentity> refused(String reason) {
        return Uni.createFrom().failure(new AuthenticationFailedException(reason));
    }
}
