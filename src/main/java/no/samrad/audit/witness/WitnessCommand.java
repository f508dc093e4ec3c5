package no.samrad.audit.witness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samrad.audit.merkle.MerkleTree;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeHead;
import no.samrad.audit.merkle.VerifierKey;
import no.samrad.infrastructure.security.KeyPairFiles;
import no.samrad.infrastructure.security.KeyRing;

/**
 * {@code java -jar quarkus-run.jar witness --log URL --key FILE --state DIR}: a witness of
 * Samråd's published log (C2SP tlog-cosignature). Each round it fetches the log's newest
 * checkpoint, checks the log's signature, and checks that the checkpoint extends the last one it
 * cosigned, with the log's consistency proof; only then does it cosign, keep the checkpoint as
 * its new state, and hand the cosignature to the log. A checkpoint that does not extend what it
 * cosigned (a log cut back, rewritten, or shown differently to others) is refused and reported,
 * with both checkpoints kept as evidence, and the witness never cosigns that log again until an
 * operator looks. The witness keeps no other state: what it cosigned is what it holds the log to.
 */
public final class WitnessCommand {

    /** The exit code of a round that found the log not extending what the witness cosigned. */
    public static final int REFUSED = 3;
    private static final List<String> VALUED = List.of("--log", "--key", "--state", "--name", "--log-key",
            "--interval");
    private static final List<String> FLAGS = List.of("--once", "--print-key");
    private static final String USAGE = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar witness --log URL --key FILE --state DIR
                   [--name NAME] [--log-key PEM] [--interval DURATION] [--once] [--print-key]
              --log URL         Samråd's address, such as https://samrad.example (the token in
                                SAMRAD_TOKEN needs the scopes samrad:read and samrad:audit)
              --key FILE        the witness's Ed25519 private key (private-key.pem, with public-key.pem
                                beside it, as `keys --dir DIR --algorithm Ed25519` makes them)
              --state DIR       where the witness keeps the checkpoint it cosigned last, the log's keys
                                and any refusal's evidence
              --name NAME       the witness's name in its cosignature lines; by default
                                samrad-witness/ and the start of its key's thumbprint
              --log-key PEM     the log's public key (GET /api/v1/audit/public-key); without it the
                                keys the log publishes at the first round are trusted from then on
              --interval D      how long to wait between rounds (ISO-8601 or 30s, 1m); 1m by default
              --once            one round, then exit: 0 cosigned or nothing new, 3 refused, 1 failed
              --print-key       print the witness's verifier key (for SAMRAD_AUDIT_WITNESSES) and exit""";
    private static final String CHECKPOINT = "checkpoint";
    private static final String LOG_KEYS = "log-keys";
    private static final Pattern HASHES = Pattern.compile("\"hashes\":\\[([^\\]]*)]");

    private final URI log;
    private final KeyPair key;
    private final String name;
    private final Path state;
    private final Optional<Path> logKey;
    private final String token;
    private final PrintStream out;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WitnessCommand(URI log, KeyPair key, String name, Path state, Optional<Path> logKey, String token, PrintStream out,
                   Clock clock) {
        this.log = log;
        this.key = key;
        this.name = name;
        this.state = state;
        this.logKey = logKey;
        this.token = token;
        this.out = out;
        this.clock = clock;
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (VALUED.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (FLAGS.contains(args[i])) {
                flags.add(args[i]);
            } else {
                err.println("Unknown option or missing value: " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        if (!options.containsKey("--key") || !flags.contains("--print-key")
                && (!options.containsKey("--log") || !options.containsKey("--state"))) {
            err.println(USAGE);
            return 2;
        }
        Path keyFile = Path.of(options.get("--key"));
        Optional<KeyPair> pair = KeyPairFiles.read(keyFile.toAbsolutePath().getParent(), "Ed25519");
        if (pair.isEmpty()) {
            err.println(keyFile + " is not an Ed25519 private key with public-key.pem beside it; make one with"
                    + " `keys --dir DIR --algorithm Ed25519`");
            return 2;
        }
        String name = options.getOrDefault("--name", "samrad-witness/"
                + KeyRing.thumbprint(pair.get().getPublic()).substring(0, 12));
        if (!SignedNote.validKeyName(name)) {
            err.println("--name must be a name without spaces or '+': " + name);
            return 2;
        }
        if (flags.contains("--print-key")) {
            out.println(VerifierKey.of(name, SignedNote.COSIGNATURE, pair.get().getPublic()).text());
            return 0;
        }
        Duration interval;
        try {
            interval = parseDuration(options.getOrDefault("--interval", "1m"));
        } catch (IllegalArgumentException e) {
            err.println("--interval must be a duration such as 30s, 1m or PT1M");
            return 2;
        }
        WitnessCommand witness = new WitnessCommand(URI.create(options.get("--log").replaceAll("/+$", "")),
                pair.get(), name, Path.of(options.get("--state")), Optional.ofNullable(options.get("--log-key"))
                .map(Path::of), environment.getOrDefault("SAMRAD_TOKEN", ""), out, Clock.systemUTC());
        out.println("witness " + name + ", verifier key "
                + VerifierKey.of(name, SignedNote.COSIGNATURE, pair.get().getPublic()).text());
        if (flags.contains("--once")) {
            return witness.round(err);
        }
        while (true) {
            int result = witness.round(err);
            if (result == REFUSED) {
                return result;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    private static Duration parseDuration(String text) {
        Matcher shortForm = Pattern.compile("(\\d+)(s|m|h)").matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** One round; answers the exit code it would end with. */
    int round(PrintStream err) {
        try {
            Files.createDirectories(state);
            if (Files.exists(state.resolve("refused"))) {
                err.println("This witness refused the log before (see " + state.resolve("refused")
                        + "); it cosigns nothing more until an operator has looked and removed that file.");
                return REFUSED;
            }
            HttpResponse<String> fetched = get("/api/v1/audit/checkpoint");
            if (fetched.statusCode() == 404) {
                out.println("The log has signed no checkpoint yet.");
                return 0;
            }
            if (fetched.statusCode() != 200) {
                err.println("Could not fetch the log's checkpoint: HTTP " + fetched.statusCode() + " " + fetched.body());
                return 1;
            }
            SignedNote offered = SignedNote.parse(fetched.body()).orElse(null);
            TreeHead head = offered == null ? null : TreeHead.parse(offered.text()).orElse(null);
            if (head == null) {
                err.println("The log's checkpoint is not a signed note of a tree head:\n" + fetched.body());
                return 1;
            }
            List<VerifierKey> logKeys = logKeys(head.origin());
            if (logKeys.stream().noneMatch(logKey -> offered.signedBy(head.origin(), logKey.key()))) {
                return refuse(null, offered, "the checkpoint is not signed by a key this witness knows for "
                        + head.origin() + " (" + state.resolve(LOG_KEYS) + ")", err);
            }
            Optional<SignedNote> held = held();
            if (held.isPresent()) {
                TreeHead last = TreeHead.parse(held.get().text()).orElseThrow();
                Optional<String> broken = extension(last, head);
                if (broken.isPresent()) {
                    return refuse(held.get(), offered, broken.get(), err);
                }
                if (last.size() == head.size()) {
                    out.println("Nothing new: the log is at size " + head.size() + ", as cosigned.");
                    return hand(held.get(), err);
                }
            }
            SignedNote cosigned = offered.with(cosignature(offered.text()));
            keep(CHECKPOINT, cosigned.format());
            out.println("cosigned " + head.origin() + " size " + head.size() + " root " + head.rootBase64());
            return hand(cosigned, err);
        } catch (IOException e) {
            err.println("Could not reach the log or keep the state: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Why the offered head does not extend the one cosigned last; empty when it does: same origin,
     * no smaller, the same root at the same size, and a consistency proof from the log that
     * verifies between the two roots.
     */
    private Optional<String> extension(TreeHead last, TreeHead offered) throws IOException, InterruptedException {
        if (!last.origin().equals(offered.origin())) {
            return Optional.of("the checkpoint is of " + offered.origin() + ", but this witness cosigns " + last.origin());
        }
        if (offered.size() < last.size()) {
            return Optional.of("the log shows " + offered.size() + " events, fewer than the " + last.size()
                    + " it showed when this witness cosigned: it was cut back, or is showing another view");
        }
        if (offered.size() == last.size()) {
            return java.util.Arrays.equals(offered.root(), last.root()) ? Optional.empty()
                    : Optional.of("the log shows another tree of the same size " + offered.size() + ": a fork");
        }
        if (last.size() == 0) {
            return Optional.empty();
        }
        HttpResponse<String> proof = get("/api/v1/audit/proofs/consistency?from=" + last.size() + "&to="
                + offered.size());
        Matcher hashes = HASHES.matcher(proof.body());
        if (proof.statusCode() != 200 || !hashes.find()) {
            return Optional.of("the log gave no consistency proof from " + last.size() + " to " + offered.size()
                    + " (HTTP " + proof.statusCode() + ")");
        }
        List<byte[]> path = new ArrayList<>();
        for (String hash : hashes.group(1).split(",")) {
            if (!hash.isBlank()) {
                path.add(Base64.getDecoder().decode(hash.trim().replace("\"", "")));
            }
        }
        return MerkleTree.verifyConsistency(last.size(), offered.size(), last.root(), offered.root(), path)
                ? Optional.empty()
                : Optional.of("the tree of " + offered.size() + " events does not extend the tree of " + last.size()
                + " this witness cosigned: the log was rewritten, or is showing another view");
    }

    private SignedNote.Line cosignature(String text) {
        long time = clock.instant().getEpochSecond();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(SignedNote.cosigned(time, text));
            byte[] signature = java.nio.ByteBuffer.allocate(72).putLong(time).put(signer.sign()).array();
            return new SignedNote.Line(name, SignedNote.keyId(name, SignedNote.COSIGNATURE, key.getPublic()), signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not cosign", e);
        }
    }

    /** Hands the cosigned note to the log, which keeps and serves the cosignature. */
    private int hand(SignedNote cosigned, PrintStream err) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request("/api/v1/audit/cosignatures")
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(cosigned.format(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 && answer.statusCode() != 201) {
            err.println("The log did not take the cosignature: HTTP " + answer.statusCode() + " " + answer.body());
            return 1;
        }
        return 0;
    }

    private int refuse(SignedNote held, SignedNote offered, String why, PrintStream err) throws IOException {
        String evidence = "REFUSED at " + clock.instant() + ": " + why + "\n\n# cosigned last\n"
                + (held == null ? "(none)\n" : held.format()) + "\n# offered\n" + offered.format();
        keep("refused", evidence);
        err.println(evidence);
        return REFUSED;
    }

    private Optional<SignedNote> held() throws IOException {
        Path file = state.resolve(CHECKPOINT);
        return Files.exists(file) ? SignedNote.parse(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /**
     * The log's keys this witness trusts: the one given with --log-key, else those kept in its
     * state, else those the log publishes now, which it keeps from then on.
     */
    private List<VerifierKey> logKeys(String origin) throws IOException, InterruptedException {
        if (logKey.isPresent()) {
            return List.of(VerifierKey.of(origin, SignedNote.ED25519, KeyPairFiles.publicKey(logKey.get(), "Ed25519")));
        }
        Path file = state.resolve(LOG_KEYS);
        if (!Files.exists(file)) {
            HttpResponse<String> published = get("/api/v1/audit/keys");
            List<String> keys = new ArrayList<>();
            for (Matcher x = Pattern.compile("\"x\":\"([A-Za-z0-9_-]+)\"").matcher(published.body()); x.find(); ) {
                keys.add(VerifierKey.of(origin, SignedNote.ED25519, SignedNote.ed25519(Base64.getUrlDecoder()
                        .decode(x.group(1)))).text());
            }
            keep(LOG_KEYS, String.join("\n", keys) + "\n");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(VerifierKey::parse)
                .flatMap(Optional::stream).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(log + path)).timeout(Duration.ofSeconds(30));
        return token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
    }

    /** Writes a state file whole or not at all. */
    private void keep(String file, String content) throws IOException {
        Path written = Files.createTempFile(state, file, ".tmp");
        Files.writeString(written, content, StandardCharsets.UTF_8);
        Files.move(written, state.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
