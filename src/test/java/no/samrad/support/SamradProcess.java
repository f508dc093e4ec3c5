package no.samrad.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The packaged Samråd ({@code target/quarkus-app}) as a process of its own, on a spare loopback
 * port, as an operator runs it: to be killed and started again.
 */
public final class SamradProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** The jar built for PostgreSQL, as .ci/run builds it before the fault tests. */
    public static final Path PG_JAR = Path.of("target/pg-app/quarkus-run.jar");

    private final Path jar;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private final List<String> arguments;
    private Process process;

    public SamradProcess(Path dataDir, Map<String, String> environment) throws IOException {
        this(JAR, dataDir, environment);
    }

    public SamradProcess(Path jar, Path dataDir, Map<String, String> environment) throws IOException {
        this(jar, dataDir, environment, List.of());
    }

    /** The jar run with a command of its own, such as {@code replay EXPORT}. */
    public SamradProcess(Path jar, Path dataDir, Map<String, String> environment, List<String> arguments)
            throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first (for " + PG_JAR
                    + ": ./mvnw package -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=pg-app)");
        }
        this.jar = jar;
        this.dataDir = dataDir;
        this.environment = environment;
        this.port = freePort();
        this.log = dataDir.resolve("samrad.log");
        this.arguments = List.copyOf(arguments);
    }

    /** Starts Samråd and waits until it reports ready. */
    public void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SAMRAD_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("Samråd ready on port " + port).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .failFast("Samråd exited during start; see " + log, () -> !process.isAlive())
                .until(() -> {
                    try {
                        return http.send(HttpRequest.newBuilder(base().resolve("/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    /** Kills the process with SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
