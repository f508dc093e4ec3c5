package no.samrad.security;

import static no.samrad.support.Agreements.PATH;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import no.samrad.infrastructure.security.TokenMinter;
import no.samrad.support.Api;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Test;

/** With a real issuer configured, Samråd trusts it alone and makes no local key. */
@QuarkusTest
@TestProfile(RealIssuerTest.WithRealIssuer.class)
class RealIssuerTest {

    static final String ISSUER = "https://issuer.test.samrad/";
    static final Path DIRECTORY = Path.of("target/real-issuer");
    static KeyPair issuerKeys;

    public static class WithRealIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (Files.exists(DIRECTORY)) {
                    try (var files = Files.walk(DIRECTORY)) {
                        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                    }
                }
                Files.createDirectories(DIRECTORY);
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                issuerKeys = rsa.generateKeyPair();
                Path publicKey = DIRECTORY.resolve("issuer-public.pem");
                Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(issuerKeys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
                return Map.of("samrad.auth.issuer", ISSUER,
                        "samrad.auth.key-location", publicKey.toAbsolutePath().toString(),
                        "samrad.data-dir", DIRECTORY.resolve("data").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void tokensOfTheConfiguredIssuerPassAndLocalOnesDoNot() {
        String real = TokenMinter.mint(new TokenMinter.Claims(ISSUER, Tokens.AUDIENCE, "system-x",
                "samrad:read", "KS", "971032146", Instant.now(), Duration.ofMinutes(5)), issuerKeys.getPrivate());
        Api.withToken(real).when().get(PATH).then().statusCode(200);

        Api.as("KS", "samrad:read").when().get(PATH).then().statusCode(401);
        assertFalse(Files.exists(DIRECTORY.resolve("data").resolve("issuer")), "no local key is made");
    }
}
