package no.samrad.infrastructure.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar quarkus-run.jar token --party KS --scope "samrad:read samrad:write"}: mints a
 * token from the local issuer for local use and prints it as its last line. It does not start
 * Samråd; it reads the same keys Samråd does ({@code SAMRAD_AUTH_LOCAL_ISSUER_KEYS}, by default in
 * {@code SAMRAD_DATA_DIR}) and makes them there if needed, as the embedded default does.
 */
public final class TokenCommand {

    static final String DEFAULT_AUDIENCE = "samrad";
    private static final Set<String> OPTIONS = Set.of("--party", "--scope", "--sub", "--orgno", "--ttl");
    private static final String USAGE = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar token --party CODE [options]
              --party CODE     the party the caller acts for: KS or a ministry code (required)
              --scope SCOPES   space-separated scopes (default "samrad:read"): samrad:read,
                               samrad:write, samrad:audit, samrad:admin
              --sub SUBJECT    the caller's subject (default local-<party>)
              --orgno NUMBER   the calling organisation's number, as Maskinporten gives it
              --ttl DURATION   how long the token is valid: 3600, 30m, 8h or PT8H (default 8h), at
                               most SAMRAD_AUTH_MAX_TOKEN_LIFETIME (24h), beyond which Samråd refuses it
            The issuer's keys live in SAMRAD_AUTH_LOCAL_ISSUER_KEYS (default SAMRAD_DATA_DIR/issuer,
            SAMRAD_DATA_DIR being ./data unless set); they are made there when missing unless
            SAMRAD_KEYS_GENERATE_MISSING=false.""";

    private TokenCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                err.println("Unknown option or missing value: " + args[i]);
                err.println(USAGE);
                return 2;
            }
            options.put(args[i], args[++i]);
        }
        String party = options.get("--party");
        if (party == null || party.isBlank()) {
            err.println(USAGE);
            return 2;
        }
        String configuredIssuer = environment.getOrDefault("SAMRAD_AUTH_ISSUER", "");
        if (!configuredIssuer.isBlank()) {
            err.println("A real issuer is configured (SAMRAD_AUTH_ISSUER=" + configuredIssuer
                    + "); Samråd does not trust local tokens then. Get a token from that issuer.");
            return 1;
        }
        Duration ttl;
        Duration longest;
        try {
            ttl = duration(options.getOrDefault("--ttl", "8h"));
            longest = duration(environment.getOrDefault("SAMRAD_AUTH_MAX_TOKEN_LIFETIME", "24h"));
        } catch (IllegalArgumentException e) {
            err.println("--ttl: " + e.getMessage());
            return 2;
        }
        if (ttl.compareTo(longest) > 0) {
            err.println("--ttl: Samråd refuses tokens valid for longer than " + longest
                    + " (SAMRAD_AUTH_MAX_TOKEN_LIFETIME)");
            return 2;
        }
        Path dataDir = Path.of(environment.getOrDefault("SAMRAD_DATA_DIR",
                System.getProperty("samrad.data-dir", "./data")));
        Path keys = LocalIssuer.directory(environment.get("SAMRAD_AUTH_LOCAL_ISSUER_KEYS"), dataDir);
        KeyRing.SigningKey key;
        try {
            key = LocalIssuer.keys(keys, !"false".equals(environment.get("SAMRAD_KEYS_GENERATE_MISSING")))
                    .signingKey();
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
        String token = TokenMinter.mint(new TokenMinter.Claims(
                LocalIssuer.ISSUER,
                environment.getOrDefault("SAMRAD_AUTH_AUDIENCE", DEFAULT_AUDIENCE),
                options.getOrDefault("--sub", "local-" + party.toLowerCase(Locale.ROOT)),
                options.getOrDefault("--scope", Scopes.READ),
                party,
                options.get("--orgno"),
                Instant.now(),
                ttl), key);
        err.println("Token for " + party + " from the local issuer's key " + key.id() + " in "
                + keys.toAbsolutePath().normalize() + ", valid for " + ttl + ":");
        out.println(token);
        return 0;
    }

    static Duration duration(String text) {
        String value = text.trim();
        try {
            if (value.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            if (value.matches("\\d+[smhd]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return parsed;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
    }
}
