package no.samrad.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signs RS256 JSON Web Tokens of the shape Maskinporten issues, for the local issuer. Kept to the
 * JDK and Jackson so that the {@code token} command runs without starting Samråd.
 */
public final class TokenMinter {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenMinter() {
    }

    /** What goes into a token; {@code null} fields are left out. */
    public record Claims(String issuer, String audience, String subject, String scope, String party,
                         String consumerOrgNo, Instant issuedAt, Duration timeToLive) {
    }

    /** A token signed by the ring's current key, which its {@code kid} names. */
    public static String mint(Claims claims, KeyRing.SigningKey key) {
        return signed(payload(claims), key.id(), key.privateKey());
    }

    /** A token signed by a key that has no id, as some issuers sign. */
    public static String mint(Claims claims, PrivateKey key) {
        return signed(payload(claims), null, key);
    }

    private static Map<String, Object> payload(Claims claims) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", claims.issuer());
        payload.put("aud", claims.audience());
        put(payload, "sub", claims.subject());
        put(payload, "scope", claims.scope());
        put(payload, Caller.PARTY_CLAIM, claims.party());
        put(payload, Caller.CONSUMER_ORGNO_CLAIM, claims.consumerOrgNo());
        payload.put("iat", claims.issuedAt().getEpochSecond());
        payload.put("exp", claims.issuedAt().plus(claims.timeToLive()).getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        return payload;
    }

    /**
     * Signs a payload of any claims, naming the key {@code keyId} unless it is null: the command
     * mints through {@link #mint}; tests craft odd tokens here.
     */
    public static String signed(Map<String, Object> payload, String keyId, PrivateKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        try {
            String signingInput = encode(header) + "." + encode(payload);
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the token", e);
        }
    }

    private static void put(Map<String, Object> payload, String claim, String value) {
        if (value != null) {
            payload.put(claim, value);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
