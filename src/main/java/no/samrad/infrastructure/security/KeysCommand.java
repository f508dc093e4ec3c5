package no.samrad.infrastructure.security;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar quarkus-run.jar keys --dir DIR --algorithm Ed25519 [--rotate]}: makes the key
 * pair of one of Samråd's signers in a directory every instance reads, or rotates it, and prints
 * the id of the key that signs from then on. It does not start Samråd.
 */
public final class KeysCommand {

    private static final Set<String> OPTIONS = Set.of("--dir", "--algorithm");
    private static final String USAGE = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar keys --dir DIR --algorithm ALGORITHM [--rotate]
              --dir DIR              the key directory: SAMRAD_AUDIT_KEYS (the audit log's signer) or
                                     SAMRAD_AUTH_LOCAL_ISSUER_KEYS (the local token issuer)
              --algorithm ALGORITHM  Ed25519 for the audit log, RSA for the local issuer
              --rotate               retire the current key (its public key stays, in retired/, to
                                     verify what it signed) and make a new one
            Without --rotate it makes the first key pair and refuses a directory that has one.""";

    private KeysCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        boolean rotate = false;
        for (int i = 0; i < args.length; i++) {
            if ("--rotate".equals(args[i])) {
                rotate = true;
            } else if (OPTIONS.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                err.println("Unknown option or missing value: " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        String algorithm = options.get("--algorithm");
        if (!options.containsKey("--dir") || !("Ed25519".equals(algorithm) || "RSA".equals(algorithm))) {
            err.println(USAGE);
            return 2;
        }
        Path directory = Path.of(options.get("--dir"));
        boolean hasKey = Files.exists(directory.resolve("private-key.pem"));
        try {
            KeyRing keys;
            if (rotate) {
                keys = KeyRing.rotate(directory, algorithm);
            } else if (hasKey) {
                err.println(directory + " has a key pair already; --rotate replaces it");
                return 1;
            } else {
                keys = KeyRing.load(directory, algorithm, true, "--dir");
            }
            err.println((rotate ? "Rotated: " : "Made: ") + keys.keys().size() + " key(s) in "
                    + directory.toAbsolutePath().normalize()
                    + "; each instance takes it at its next start (docs/operations.md)");
            out.println(keys.current().id());
            return 0;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
