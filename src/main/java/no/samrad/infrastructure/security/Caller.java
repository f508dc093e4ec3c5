package no.samrad.infrastructure.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for the length of one HTTP request: the token's subject, party and consuming
 * organisation, and the correlation id that ties the request, its answer and its events together.
 */
@RequestScoped
public class Caller {

    public static final String PARTY_CLAIM = "party";
    public static final String CONSUMER_ORGNO_CLAIM = "consumer_orgno";

    private final SecurityIdentity identity;
    private String correlationId = UUID.randomUUID().toString();
    private final String requestId = UUID.randomUUID().toString();

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** This request's own id, unlike the correlation id never chosen by the client. */
    public String requestId() {
        return requestId;
    }

    public String correlationId() {
        return correlationId;
    }

    public void useCorrelationId(String correlationId) {
        this.correlationId = correlationId;
    }

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public Optional<String> subject() {
        return token().map(JsonWebToken::getSubject);
    }

    public Optional<String> party() {
        return token().map(jwt -> jwt.<Object>getClaim(PARTY_CLAIM)).map(String::valueOf);
    }

    public Optional<String> issuer() {
        return token().map(JsonWebToken::getIssuer);
    }

    public Optional<String> consumerOrgNo() {
        return token().map(jwt -> jwt.<Object>getClaim(CONSUMER_ORGNO_CLAIM)).map(String::valueOf);
    }

    private Optional<JsonWebToken> token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.of(jwt) : Optional.empty();
    }
}
