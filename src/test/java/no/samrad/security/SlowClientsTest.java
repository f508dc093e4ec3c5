package no.samrad.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold connections without finishing their requests are cut off, and the number of
 * connections is bounded: with short settings here, the defaults (30 s, 2000) behave alike.
 */
@QuarkusTest
@TestProfile(SlowClientsTest.ShortLimits.class)
class SlowClientsTest {

    private static final int MAX_CONNECTIONS = 8;

    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("samrad.http.idle-timeout", "2s", "samrad.http.max-connections",
                    String.valueOf(MAX_CONNECTIONS));
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aConnectionThatStopsSendingItsHeadersIsClosed() throws IOException {
        try (Socket slow = new Socket(base.getHost(), base.getPort())) {
            slow.getOutputStream().write("GET /api/v1/agreements HTTP/1.1\r\nHost: x\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            assertClosedWithin(slow, Duration.ofSeconds(20));
        }
    }

    @Test
    void aRequestWhoseBodyNeverComesIsClosed() throws IOException {
        try (Socket halfOpen = new Socket(base.getHost(), base.getPort())) {
            halfOpen.getOutputStream().write(("POST /api/v1/agreements HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\"")
                    .getBytes(StandardCharsets.US_ASCII));
            halfOpen.getOutputStream().flush();
            assertClosedWithin(halfOpen, Duration.ofSeconds(20));
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefused() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                held.add(socket);
            }
            for (Socket socket : held) {
                socket.setSoTimeout(10_000);
                assertTrue(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)
                        .startsWith("HTTP/1.1 200"), "each connection within the limit is answered");
            }
            try (Socket oneTooMany = new Socket(base.getHost(), base.getPort())) {
                oneTooMany.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertClosedWithin(oneTooMany, Duration.ofSeconds(10));
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** Waits, on the socket itself, until the server closes it: a read that ends the stream or is reset. */
    private static void assertClosedWithin(Socket socket, Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        InputStream in = socket.getInputStream();
        try {
            int read;
            do {
                read = in.read();
            } while (read != -1);
            assertEquals(-1, read);
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept the connection open for " + limit, stillOpen);
        } catch (IOException reset) {
            // A reset is the server closing the connection too.
        }
    }
}
