package no.samrad.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged Samråd as a process, started as README.md starts it, on a spare loopback port. */
final class Service implements AutoCloseable {

    private final Path jar;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final int port;
    private Process process;

    Service(Path jar, Path dataDir, Map<String, String> environment, List<String> jvmOptions) throws IOException {
        this.jar = jar;
        this.dataDir = dataDir;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** Starts Samråd and answers the time from the process's start to its first ready answer. */
    Duration start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("samrad.log").toFile()));
        builder.environment().put("SAMRAD_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(base().resolve("/q/health/ready")).build();
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Samråd exited during start; see " + dataDir.resolve("samrad.log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Samråd was not ready within five minutes");
    }

    /** The process's resident memory now, from /proc (Linux). */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"),
                StandardCharsets.UTF_8)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    /**
     * CPU time each of the JIT compiler's threads has used so far, by thread id, in clock ticks
     * (Linux): how busy the compiler still is tells whether a warm-up has let it finish. By thread,
     * because the JVM starts and stops compiler threads as the queue of methods grows and shrinks.
     */
    Map<Long, Long> compilerTicks() throws IOException {
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(process.pid()),
                "task"))) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"), StandardCharsets.UTF_8);
                } catch (NoSuchFileException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    // After the name: state, then fields 4 to 13, then utime and stime (proc(5)).
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(Long.parseLong(thread.getFileName().toString()),
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                }
            }
        }
        return ticks;
    }

    /**
     * Makes a signer's keys in {@code directory} with the jar's keys command, as an operator of the
     * PostgreSQL build does once for all its instances.
     */
    static void makeKeys(Path jar, Path directory, String algorithm) throws IOException, InterruptedException {
        Process making = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "keys", "--dir", directory.toString(), "--algorithm", algorithm)
                .redirectErrorStream(true).start();
        String output = new String(making.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (making.waitFor() != 0) {
            throw new IllegalStateException("the keys command failed: " + output);
        }
    }

    /** A bearer token from the jar's own token command, as README.md mints one. */
    String token(String party, String scope) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "token", "--party", party, "--scope", scope, "--ttl", "8h"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SAMRAD_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        Process minting = builder.start();
        String output = new String(minting.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (minting.waitFor() != 0) {
            throw new IllegalStateException("the token command failed: " + output);
        }
        return output.substring(output.lastIndexOf('\n') + 1);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
