package no.samrad.audit.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import no.samrad.audit.merkle.MerkleTree;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeHead;

/**
 * A transparency log that answers as Samråd does to a witness, over leaves the test sets: a
 * checkpoint signed with its own key, consistency proofs, and a place to hand cosignatures. A
 * test can grow it, or show a fork of it, to see what witnesses make of that.
 */
final class FakeLog implements AutoCloseable {

    static final String ORIGIN = "fake.example/log";

    private final HttpServer server;
    private final KeyPair key;
    private volatile List<byte[]> leaves = List.of();
    private final List<String> cosigned = new CopyOnWriteArrayList<>();

    FakeLog() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/audit/checkpoint", exchange -> answer(exchange, 200, note().format()));
        server.createContext("/api/v1/audit/keys", exchange -> answer(exchange, 200, "{\"keys\":[{\"kty\":\"OKP\","
                + "\"crv\":\"Ed25519\",\"x\":\"" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SignedNote.raw(key.getPublic())) + "\"}]}"));
        server.createContext("/api/v1/audit/proofs/consistency", exchange -> {
            Map<String, Long> query = java.util.Arrays.stream(exchange.getRequestURI().getQuery().split("&"))
                    .map(pair -> pair.split("=")).collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));
            List<byte[]> proof = MerkleTree.ofLeafHashes(leaves).consistencyProof(query.get("from"), query.get("to"));
            answer(exchange, 200, "{\"hashes\":[" + proof.stream().map(hash -> "\""
                    + Base64.getEncoder().encodeToString(hash) + "\"").collect(Collectors.joining(",")) + "]}");
        });
        server.createContext("/api/v1/audit/cosignatures", exchange -> {
            cosigned.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 201, "{}");
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    KeyPair key() {
        return key;
    }

    /** The log holds these leaves from now on: more of the same (growth), or others (a fork). */
    void show(List<String> entries) {
        List<byte[]> hashes = new ArrayList<>();
        entries.forEach(entry -> hashes.add(MerkleTree.leafHash(entry.getBytes(StandardCharsets.UTF_8))));
        leaves = List.copyOf(hashes);
    }

    /** The cosigned notes witnesses handed over, in order. */
    List<String> cosigned() {
        return cosigned;
    }

    SignedNote note() {
        TreeHead head = new TreeHead(ORIGIN, leaves.size(), MerkleTree.ofLeafHashes(leaves).root(leaves.size()));
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(head.text().getBytes(StandardCharsets.UTF_8));
            return new SignedNote(head.text(), List.of(new SignedNote.Line(ORIGIN,
                    SignedNote.keyId(ORIGIN, SignedNote.ED25519, key.getPublic()), signer.sign())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
