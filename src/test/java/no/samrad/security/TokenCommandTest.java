package no.samrad.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import no.samrad.infrastructure.security.KeyRing;
import no.samrad.infrastructure.security.LocalIssuer;
import no.samrad.infrastructure.security.TokenCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    private record Run(int exitCode, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TokenCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mintsASignedTokenOnAFreshDataDirAndPrintsItLast() throws Exception {
        Run run = run(Map.of("SAMRAD_DATA_DIR", dataDir.toString()), "--party", "HOD", "--scope",
                "samrad:read samrad:write", "--sub", "system-42", "--orgno", "983887406", "--ttl", "30m");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(dataDir.resolve("issuer/private-key.pem")));

        String[] parts = run.lastLine().split("\\.");
        assertEquals(3, parts.length);
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals(LocalIssuer.ISSUER, claims.path("iss").asText());
        assertEquals("samrad", claims.path("aud").asText());
        assertEquals("HOD", claims.path("party").asText());
        assertEquals("983887406", claims.path("consumer_orgno").asText());
        assertEquals("system-42", claims.path("sub").asText());
        assertEquals("samrad:read samrad:write", claims.path("scope").asText());
        assertEquals(1800, claims.path("exp").asLong() - claims.path("iat").asLong());

        KeyRing issuerKeys = LocalIssuer.keys(dataDir.resolve("issuer"), false);
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals(issuerKeys.current().id(), header.path("kid").asText(), "the token names its key");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(issuerKeys.current().publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void signsWithTheConfiguredKeysAndMakesNoneWhereTheyMustBeGiven() {
        Path shared = dataDir.resolve("shared-issuer");
        Map<String, String> given = Map.of("SAMRAD_DATA_DIR", dataDir.toString(),
                "SAMRAD_AUTH_LOCAL_ISSUER_KEYS", shared.toString(), "SAMRAD_KEYS_GENERATE_MISSING", "false");

        Run refused = run(given, "--party", "KS");
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("samrad.auth.local-issuer-keys"), refused.err());
        assertFalse(Files.exists(shared), "no key is made where keys must be given");

        String made = LocalIssuer.keys(shared, true).current().id();
        Run signed = run(given, "--party", "KS");
        assertEquals(0, signed.exitCode(), signed.err());
        assertTrue(signed.err().contains(made), signed.err());
        assertFalse(Files.exists(dataDir.resolve("issuer")), "the data dir's default is not used");
    }

    @Test
    void refusesWhenARealIssuerIsConfiguredOrArgumentsAreWrong() {
        assertEquals(1, run(Map.of("SAMRAD_DATA_DIR", dataDir.toString(), "SAMRAD_AUTH_ISSUER",
                "https://maskinporten.no/"), "--party", "KS").exitCode());
        assertEquals(2, run(Map.of("SAMRAD_DATA_DIR", dataDir.toString())).exitCode());
        assertEquals(2, run(Map.of("SAMRAD_DATA_DIR", dataDir.toString()), "--party", "KS", "--ttl", "soon")
                .exitCode());
        assertEquals(2, run(Map.of("SAMRAD_DATA_DIR", dataDir.toString()), "--party", "KS", "--colour", "blue")
                .exitCode());
    }
}
