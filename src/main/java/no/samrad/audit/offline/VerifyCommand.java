package no.samrad.audit.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.samrad.audit.merkle.MerkleTree;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeHead;
import no.samrad.audit.merkle.VerifierKey;
import no.samrad.infrastructure.security.KeyPairFiles;

/**
 * {@code java -jar quarkus-run.jar verify EXPORT --log-key PEM [--checkpoints FILE] [--proofs FILE]
 * [--witness VKEY]...}: checks Samråd's published log away from the service, trusting nothing it
 * serves but what the log's key signed. From the NDJSON export it recomputes the linear chain and
 * the Merkle tree; each checkpoint (the JSON of {@code GET /api/v1/audit/checkpoints}) must be
 * signed by the log's key and name the root the export gives at its size, and the witnesses given
 * must have cosigned where they did; each proof (one JSON answer of {@code /audit/proofs/...} per
 * line) must verify against the roots of signed checkpoints, its leaves being the export's.
 */
public final class VerifyCommand {

    private static final String USAGE = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar verify EXPORT --log-key PEM
                   [--checkpoints FILE] [--proofs FILE] [--witness VKEY]...
              EXPORT              the log as GET /api/v1/events/export wrote it (NDJSON)
              --log-key PEM       the log's public key (GET /api/v1/audit/public-key); repeat it for a
                                  key the log has rotated from
              --checkpoints FILE  the JSON of GET /api/v1/audit/checkpoints
              --proofs FILE       inclusion and consistency proofs, one JSON answer of
                                  GET /api/v1/audit/proofs/inclusion or .../consistency per line
              --witness VKEY      a witness's verifier key: report where it cosigned""";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A checkpoint whose note verified with the log's key: its size and root. */
    private record Signed(TreeHead head, SignedNote note) {
    }

    private final List<PublicKey> logKeys;
    private final List<VerifierKey> witnesses;
    private final PrintStream out;
    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<Long, Signed> checkpoints = new LinkedHashMap<>();

    private VerifyCommand(List<PublicKey> logKeys, List<VerifierKey> witnesses, PrintStream out) {
        this.logKeys = logKeys;
        this.witnesses = witnesses;
        this.out = out;
    }

    /** A check that failed: where, and why. */
    private static final class Broken extends Exception {
        Broken(String message) {
            super(message, null, false, false);
        }
    }

    /** Runs the command; returns the process exit code: 0 all verified, 1 something did not, 2 usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> exports = new ArrayList<>();
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (List.of("--log-key", "--checkpoints", "--proofs", "--witness").contains(args[i]) && i + 1 < args.length) {
                options.computeIfAbsent(args[i], option -> new ArrayList<>()).add(args[++i]);
            } else if (!args[i].startsWith("--")) {
                exports.add(args[i]);
            } else {
                err.println("Unknown option or missing value: " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        if (exports.size() != 1 || !options.containsKey("--log-key")) {
            err.println(USAGE);
            return 2;
        }
        try {
            List<PublicKey> logKeys = new ArrayList<>();
            for (String file : options.get("--log-key")) {
                logKeys.add(KeyPairFiles.publicKey(Path.of(file), "Ed25519"));
            }
            List<VerifierKey> witnesses = new ArrayList<>();
            for (String text : options.getOrDefault("--witness", List.of())) {
                witnesses.add(VerifierKey.parse(text).filter(key -> key.type() == SignedNote.COSIGNATURE)
                        .orElseThrow(() -> new Broken("--witness " + text + " is not a witness's verifier key")));
            }
            VerifyCommand verify = new VerifyCommand(logKeys, witnesses, out);
            verify.export(Path.of(exports.get(0)));
            for (String file : options.getOrDefault("--checkpoints", List.of())) {
                verify.checkpoints(Path.of(file));
            }
            for (String file : options.getOrDefault("--proofs", List.of())) {
                verify.proofs(Path.of(file));
            }
            out.println("verified");
            return 0;
        } catch (Broken e) {
            out.println("NOT VERIFIED: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not read: " + e.getMessage());
            return 2;
        }
    }

    /** Recomputes the chain and the tree's leaves from the export. */
    private void export(Path file) throws IOException, Broken {
        try {
            ExportReader.read(file, event -> leaves.add(MerkleTree.leafHash(event.canonical())));
        } catch (ExportReader.BrokenExport e) {
            throw new Broken(e.getMessage());
        }
        out.println("export: " + leaves.size() + " events, chain intact, tree root "
                + Base64.getEncoder().encodeToString(tree().root(leaves.size())));
    }

    /** Each checkpoint's note is signed by the log and names the root the export gives at its size. */
    private void checkpoints(Path file) throws IOException, Broken {
        Map<String, Integer> cosigned = new LinkedHashMap<>();
        witnesses.forEach(witness -> cosigned.put(witness.name(), 0));
        int linear = 0;
        for (JsonNode checkpoint : JSON.readTree(file.toFile())) {
            if (checkpoint.path("note").isNull() || checkpoint.path("note").isMissingNode()) {
                linear++;
                continue;
            }
            Signed signed = signed(checkpoint.path("note").asText(), "the checkpoint at "
                    + checkpoint.path("position").asLong());
            if (signed.head().size() > leaves.size()) {
                throw new Broken("the checkpoint of " + signed.head().size() + " events is beyond the export's "
                        + leaves.size() + ": export again");
            }
            if (!Arrays.equals(signed.head().root(), tree().root(signed.head().size()))) {
                throw new Broken("the checkpoint of " + signed.head().size() + " events signs a root that the export"
                        + " does not give: the export, or the log, is not the one that was signed");
            }
            for (VerifierKey witness : witnesses) {
                if (signed.note().cosignedBy(witness.name(), witness.key()).isPresent()) {
                    cosigned.merge(witness.name(), 1, Integer::sum);
                }
            }
            checkpoints.put(signed.head().size(), signed);
        }
        out.println("checkpoints: " + checkpoints.size() + " signed notes verified, roots as the export gives"
                + (linear == 0 ? "" : "; " + linear + " from before the tree, with no note"));
        cosigned.forEach((witness, count) -> out.println("  cosigned by " + witness + ": " + count));
    }

    /** Each proof verifies against signed roots, with the export's leaves. */
    private void proofs(Path file) throws IOException, Broken {
        int inclusions = 0;
        int consistencies = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode proof = JSON.readTree(line);
                if (proof.has("leafIndex")) {
                    inclusion(proof);
                    inclusions++;
                } else if (proof.has("fromSize")) {
                    consistency(proof);
                    consistencies++;
                } else {
                    throw new Broken("a line of " + file + " is neither an inclusion nor a consistency proof");
                }
            }
        }
        out.println("proofs: " + inclusions + " inclusion proofs and " + consistencies
                + " consistency proofs verified against signed roots");
    }

    private void inclusion(JsonNode proof) throws Broken {
        long index = proof.path("leafIndex").asLong();
        long size = proof.path("treeSize").asLong();
        if (index < 0 || index >= leaves.size()) {
            throw new Broken("an inclusion proof names leaf " + index + ", which the export does not hold");
        }
        byte[] leaf = leaves.get((int) index);
        if (!Arrays.equals(leaf, Base64.getDecoder().decode(proof.path("leafHash").asText()))) {
            throw new Broken("the inclusion proof of position " + (index + 1) + " is of another leaf than the export's");
        }
        TreeHead head = root(size, proof.path("checkpoint").asText(null));
        if (!MerkleTree.verifyInclusion(index, size, leaf, hashes(proof.path("hashes")), head.root())) {
            throw new Broken("the inclusion proof of position " + (index + 1) + " in the tree of " + size
                    + " does not verify");
        }
    }

    private void consistency(JsonNode proof) throws Broken {
        long from = proof.path("fromSize").asLong();
        long to = proof.path("toSize").asLong();
        TreeHead first = root(from, proof.path("fromCheckpoint").asText(null));
        TreeHead second = root(to, proof.path("toCheckpoint").asText(null));
        if (!MerkleTree.verifyConsistency(from, to, first.root(), second.root(), hashes(proof.path("hashes")))) {
            throw new Broken("the consistency proof from " + from + " to " + to + " does not verify");
        }
    }

    /**
     * The signed head of {@code size} leaves: from the checkpoints read, or from the note the proof
     * carries, whose signature is checked. A proof is only held to roots the log signed.
     */
    private TreeHead root(long size, String note) throws Broken {
        Signed known = checkpoints.get(size);
        if (known != null) {
            return known.head();
        }
        if (note == null) {
            throw new Broken("a proof is of the tree of " + size + " events, for which no signed checkpoint is given");
        }
        Signed signed = signed(note, "the note of " + size + " events a proof carries");
        if (signed.head().size() != size) {
            throw new Broken("a proof of the tree of " + size + " carries the note of another size");
        }
        checkpoints.put(size, signed);
        return signed.head();
    }

    private Signed signed(String text, String what) throws Broken {
        Optional<SignedNote> note = SignedNote.parse(text);
        Optional<TreeHead> head = note.flatMap(parsed -> TreeHead.parse(parsed.text()));
        if (head.isEmpty()) {
            throw new Broken(what + " is not a signed checkpoint note");
        }
        if (logKeys.stream().noneMatch(key -> note.get().signedBy(head.get().origin(), key))) {
            throw new Broken(what + " is not signed by the log's key");
        }
        return new Signed(head.get(), note.get());
    }

    private MerkleTree tree() {
        return MerkleTree.ofLeafHashes(leaves);
    }

    private static List<byte[]> hashes(JsonNode hashes) {
        List<byte[]> decoded = new ArrayList<>();
        hashes.forEach(hash -> decoded.add(Base64.getDecoder().decode(hash.asText())));
        return decoded;
    }
}
