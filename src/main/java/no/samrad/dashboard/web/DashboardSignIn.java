package no.samrad.dashboard.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the dashboard page signs its user in: always with a bearer token pasted in, and with an
 * OpenID Connect authorisation-code login (PKCE, run by the page itself) when a provider is
 * configured. The provider's access tokens must be ones Samråd trusts (samrad.auth.issuer).
 */
@ApplicationScoped
class DashboardSignIn {

    /** {@code oidc} is absent when no provider is configured. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SignInSettings")
    public record Settings(Oidc oidc) {
    }

    @Schema(name = "OidcSignIn")
    public record Oidc(String authorizationEndpoint, String tokenEndpoint, String clientId, String scope) {
    }

    private final Settings settings;

    DashboardSignIn(@ConfigProperty(name = "samrad.dashboard.oidc.authorization-endpoint")
                    Optional<String> authorizationEndpoint,
                    @ConfigProperty(name = "samrad.dashboard.oidc.token-endpoint") Optional<String> tokenEndpoint,
                    @ConfigProperty(name = "samrad.dashboard.oidc.client-id") Optional<String> clientId,
                    @ConfigProperty(name = "samrad.dashboard.oidc.scope", defaultValue = "openid samrad:read")
                    String scope) {
        boolean configured = authorizationEndpoint.isPresent() && tokenEndpoint.isPresent() && clientId.isPresent();
        this.settings = new Settings(configured ? new Oidc(authorizationEndpoint.get(), tokenEndpoint.get(),
                clientId.get(), scope) : null);
    }

    public Settings settings() {
        return settings;
    }
}
