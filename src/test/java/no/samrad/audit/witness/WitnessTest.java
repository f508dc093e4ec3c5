package no.samrad.audit.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeHead;
import no.samrad.audit.merkle.VerifierKey;
import no.samrad.infrastructure.security.KeysCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two witnesses watch a log that grows: each round both check the log's signature and the
 * consistency proof from what they cosigned, then cosign. Shown a fork, or a log cut back, both
 * refuse, report with the evidence, keep what they cosigned, and cosign nothing more.
 */
class WitnessTest {

    @TempDir
    Path directory;

    /** A witness's key pair, made by the jar's own keys command; answers the private key's file. */
    private Path witnessKey(String name) {
        Path keys = directory.resolve(name + "-key");
        assertEquals(0, KeysCommand.run(new String[] {"--dir", keys.toString(), "--algorithm", "Ed25519"},
                new PrintStream(new ByteArrayOutputStream()), System.err));
        return keys.resolve("private-key.pem");
    }

    private record Round(int exitCode, String out, String err) {
    }

    private Round round(FakeLog log, Path key, String name, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("--log", log.url(), "--key", key.toString(),
                "--state", directory.resolve(name + "-state").toString(), "--name", name, "--once"));
        args.addAll(List.of(more));
        int exit = WitnessCommand.run(args.toArray(String[]::new), Map.of(), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Round(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> entries(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private static PublicKey publicKey(Path key) throws Exception {
        return no.samrad.infrastructure.security.KeyPairFiles.publicKey(key.resolveSibling("public-key.pem"), "Ed25519");
    }

    @Test
    void twoWitnessesCosignAGrowingLogAndBothRefuseAFork() throws Exception {
        Path first = witnessKey("first");
        Path second = witnessKey("second");
        try (FakeLog log = new FakeLog()) {
            for (int size : List.of(3, 7, 8, 21)) {
                log.show(entries("event ", size));
                for (String witness : List.of("first", "second")) {
                    Round round = round(log, witness.equals("first") ? first : second, "witness.example/" + witness);
                    assertEquals(0, round.exitCode(), round.err());
                    assertTrue(round.out().contains("cosigned " + FakeLog.ORIGIN + " size " + size), round.out());
                }
            }
            List<String> handed = log.cosigned();
            assertEquals(8, handed.size(), "each witness handed one cosignature per size");
            SignedNote last = SignedNote.parse(handed.get(handed.size() - 1)).orElseThrow();
            assertEquals(21, TreeHead.parse(last.text()).orElseThrow().size());
            assertTrue(last.cosignedBy("witness.example/second", publicKey(second)).isPresent());
            assertTrue(last.signedBy(FakeLog.ORIGIN, log.key().getPublic()), "the log's own signature stays");

            List<String> fork = new java.util.ArrayList<>(entries("event ", 25));
            fork.set(4, "event 4, written again");
            log.show(fork);
            for (String witness : List.of("first", "second")) {
                Path state = directory.resolve("witness.example/" + witness + "-state");
                String heldBefore = Files.readString(state.resolve("checkpoint"));
                Round refused = round(log, witness.equals("first") ? first : second, "witness.example/" + witness);
                assertEquals(WitnessCommand.REFUSED, refused.exitCode(), refused.out());
                assertTrue(refused.err().contains("does not extend the tree of 21"), refused.err());
                assertEquals(heldBefore, Files.readString(state.resolve("checkpoint")), "it keeps what it cosigned");
                String evidence = Files.readString(state.resolve("refused"));
                assertTrue(evidence.contains(heldBefore) && evidence.contains(log.note().format()),
                        "the report holds both checkpoints");

                log.show(entries("event ", 30));
                assertEquals(WitnessCommand.REFUSED, round(log, witness.equals("first") ? first : second,
                        "witness.example/" + witness).exitCode(), "nothing more is cosigned until an operator looks");
                log.show(fork);
            }
            assertEquals(8, log.cosigned().size(), "no cosignature of the fork reached the log");
        }
    }

    @Test
    void aLogCutBackOrShowingAnotherTreeOfTheSameSizeIsRefused() throws Exception {
        Path key = witnessKey("w");
        try (FakeLog log = new FakeLog()) {
            log.show(entries("event ", 10));
            assertEquals(0, round(log, key, "witness.example/cut").exitCode());
            log.show(entries("event ", 9));
            Round cut = round(log, key, "witness.example/cut");
            assertEquals(WitnessCommand.REFUSED, cut.exitCode());
            assertTrue(cut.err().contains("fewer than the 10"), cut.err());

            Path other = witnessKey("v");
            log.show(entries("event ", 10));
            assertEquals(0, round(log, other, "witness.example/same").exitCode());
            log.show(entries("other event ", 10));
            Round same = round(log, other, "witness.example/same");
            assertEquals(WitnessCommand.REFUSED, same.exitCode());
            assertTrue(same.err().contains("a fork"), same.err());
        }
    }

    @Test
    void aCheckpointNotSignedByTheLogsKeyIsRefused() throws Exception {
        Path key = witnessKey("k");
        try (FakeLog log = new FakeLog(); FakeLog impostor = new FakeLog()) {
            log.show(entries("event ", 4));
            impostor.show(entries("event ", 4));
            Path logKey = directory.resolve("log.pem");
            Files.writeString(logKey, no.samrad.infrastructure.security.KeyPairFiles.pem("PUBLIC KEY",
                    log.key().getPublic().getEncoded()));
            assertEquals(0, round(log, key, "witness.example/k", "--log-key", logKey.toString()).exitCode());
            Round refused = round(impostor, key, "witness.example/k", "--log-key", logKey.toString());
            assertEquals(WitnessCommand.REFUSED, refused.exitCode());
            assertTrue(refused.err().contains("not signed by a key this witness knows"), refused.err());
        }
    }

    @Test
    void theWitnessPrintsTheVerifierKeyTheLogIsConfiguredWith() throws Exception {
        Path key = witnessKey("p");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, WitnessCommand.run(new String[] {"--key", key.toString(), "--name", "witness.example/p",
                "--print-key"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        VerifierKey printed = VerifierKey.parse(out.toString(StandardCharsets.UTF_8).trim()).orElseThrow();
        assertEquals("witness.example/p", printed.name());
        assertEquals(SignedNote.COSIGNATURE, printed.type());
        assertEquals(publicKey(key), printed.key());
        assertFalse(WitnessCommand.run(new String[] {"--log", "x"}, Map.of(), System.out,
                new PrintStream(new ByteArrayOutputStream())) == 0, "without a key the usage is printed");
    }
}
