package no.samrad.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, made with the machine's initdb and pg_ctl on a spare
 * loopback port and run as the postgres user, so that a test may stop and start it without
 * touching the machine's own database. With the init argument {@code replica=true} it also runs a
 * streaming replica of it, made with pg_basebackup, on another spare port, as
 * {@code samrad.replica.url}.
 */
public final class PrivatePostgres implements QuarkusTestResourceLifecycleManager {

    private static final String USER = "postgres";
    private static PrivatePostgres running;

    private Path bin;
    private Path directory;
    private int port;
    private boolean withReplica;
    private int replicaPort;

    /** The cluster Quarkus was started against, for the test to stop and start. */
    public static PrivatePostgres running() {
        return running;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        withReplica = Boolean.parseBoolean(initArgs.getOrDefault("replica", "false"));
    }

    @Override
    public Map<String, String> start() {
        try {
            bin = binaries().orElseThrow(() -> new IllegalStateException(
                    "no PostgreSQL binaries under /usr/lib/postgresql: install the postgresql package"));
            directory = Files.createTempDirectory("samrad-private-pg");
            port = freePort();
            run(List.of("chown", USER, directory.toString()));
            asPostgres(bin.resolve("initdb").toString(), "-D", data(), "-U", USER, "--auth=trust",
                    "--encoding=UTF8", "--no-sync");
            startCluster();
            asPostgres(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", USER, "samrad");
            running = this;
            Map<String, String> settings = new java.util.HashMap<>(Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + port + "/samrad", "quarkus.datasource.username", USER,
                    "quarkus.datasource.password", ""));
            if (withReplica) {
                startReplica();
                settings.put("samrad.replica.url", replicaUrl());
            }
            return settings;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start a private PostgreSQL", e);
        }
    }

    /** Starts the cluster and waits until it accepts connections. */
    public void startCluster() throws IOException, InterruptedException {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", directory.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "-w", "start");
    }

    /** The replica's JDBC URL. */
    public String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/samrad";
    }

    /** Copies the cluster with pg_basebackup into a standby that streams from it, and starts it. */
    private void startReplica() throws IOException, InterruptedException {
        replicaPort = freePort();
        asPostgres(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", USER, "-D", replicaData(), "-R", "-X", "stream", "--no-sync");
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", replicaData(), "-l",
                directory.resolve("replica.log").toString(), "-o", "-p " + replicaPort + " -k " + directory
                        + " -c listen_addresses=127.0.0.1 -c hot_standby=on", "-w", "start");
    }

    /** Stops the cluster as a crash would: at once, without a checkpoint. */
    public void stopCluster() throws IOException, InterruptedException {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void stop() {
        try {
            if (Files.exists(Path.of(replicaData(), "postmaster.pid"))) {
                asPostgres(bin.resolve("pg_ctl").toString(), "-D", replicaData(), "-m", "fast", "-w", "stop");
            }
            if (Files.exists(Path.of(data(), "postmaster.pid"))) {
                asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop");
            }
            run(List.of("rm", "-rf", directory.toString()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not stop the private PostgreSQL", e);
        } finally {
            running = null;
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private String replicaData() {
        return directory.resolve("replica").toString();
    }

    private static Optional<Path> binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Path::compareTo);
        }
    }

    private static void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", USER, "--"));
        line.addAll(List.of(command));
        run(line);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output,
                    StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
