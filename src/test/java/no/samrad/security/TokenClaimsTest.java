package no.samrad.security;

import static no.samrad.support.Agreements.PATH;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.infrastructure.security.KeyRing;
import no.samrad.infrastructure.security.LocalIssuer;
import no.samrad.infrastructure.security.TokenMinter;
import no.samrad.support.Api;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Test;

/** Tokens whose signature is good but whose claims Samråd must not believe. */
@QuarkusTest
class TokenClaimsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN_PATH = "/api/v1/admin/projections";

    private static Map<String, Object> claims(Instant issuedAt, Instant expires) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", LocalIssuer.ISSUER);
        payload.put("aud", Tokens.AUDIENCE);
        payload.put("sub", "test-claims");
        payload.put("party", "KS");
        if (issuedAt != null) {
            payload.put("iat", issuedAt.getEpochSecond());
        }
        payload.put("exp", expires.getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        return payload;
    }

    private static String signed(Map<String, Object> payload) {
        KeyRing.SigningKey key = Tokens.issuerKey(Path.of("target/test-data"));
        return TokenMinter.signed(payload, key.id(), key.privateKey());
    }

    private static void unauthenticated(String token) {
        Api.withToken(token).when().get(PATH).then()
                .statusCode(401).contentType(PROBLEM).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenValidForAgesIsRefused() {
        Instant now = Instant.now();
        Map<String, Object> forever = claims(now, now);
        forever.put("exp", 1_000_000_000_000_000L);
        forever.put("scope", "samrad:read");
        unauthenticated(signed(forever));
        Map<String, Object> twoDays = claims(now, now.plus(Duration.ofDays(2)));
        twoDays.put("scope", "samrad:read");
        unauthenticated(signed(twoDays));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Map<String, Object> future = claims(later, later.plus(Duration.ofMinutes(10)));
        future.put("scope", "samrad:read");
        unauthenticated(signed(future));
    }

    @Test
    void aTokenWithoutIssuedAtIsRefused() {
        Map<String, Object> undated = claims(null, Instant.now().plus(Duration.ofMinutes(10)));
        undated.put("scope", "samrad:read");
        unauthenticated(signed(undated));
    }

    @Test
    void aTokenWithinTheLifetimeAndTheSkewIsAccepted() {
        Instant now = Instant.now();
        Map<String, Object> day = claims(now.plusSeconds(30), now.plus(Duration.ofHours(23)));
        day.put("scope", "samrad:read");
        Api.withToken(signed(day)).when().get(PATH).then().statusCode(200);
    }

    @Test
    void rolesComeFromTheScopeAloneNeverFromGroups() {
        Instant now = Instant.now();
        Map<String, Object> groupsOnly = claims(now, now.plus(Duration.ofMinutes(10)));
        groupsOnly.put("groups", List.of("samrad:admin", "samrad:read"));
        Api.withToken(signed(groupsOnly)).when().get(ADMIN_PATH).then()
                .statusCode(403).contentType(PROBLEM).body("code", equalTo("FORBIDDEN"));
        Api.withToken(signed(groupsOnly)).when().get(PATH).then().statusCode(403);

        Map<String, Object> readerWithGroups = claims(now, now.plus(Duration.ofMinutes(10)));
        readerWithGroups.put("scope", "samrad:read");
        readerWithGroups.put("groups", List.of("samrad:admin"));
        Api.withToken(signed(readerWithGroups)).when().get(ADMIN_PATH).then().statusCode(403);
        Api.withToken(signed(readerWithGroups)).when().get(PATH).then().statusCode(200);
    }
}
