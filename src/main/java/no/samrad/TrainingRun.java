package no.samrad;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import no.samrad.infrastructure.startup.StartupSequence;

/**
 * The build's training run for the JDK's class-data archive (docs/architecture.md, "Start-up"):
 * Samråd starts as on its embedded default, on an empty data directory of its own and a free port,
 * imports the 2021 material, and stops once it is ready and its first expiry sweep has run. The JVM
 * that runs it writes the archive of every class the start loaded as it exits, so a start with that
 * archive finds them ready.
 */
final class TrainingRun implements QuarkusApplication {

    static void start(String... args) throws IOException {
        Path dataDir = Files.createTempDirectory("samrad-training");
        System.setProperty("samrad.data-dir", dataDir.toString());
        System.setProperty("quarkus.http.port", "0");
        Quarkus.run(TrainingRun.class, (exitCode, failure) -> {
            deleteAll(dataDir);
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(exitCode);
        }, args);
    }

    @Override
    public int run(String... args) {
        Arc.container().instance(StartupSequence.class).get().readyObserved().toCompletableFuture().join();
        return 0;
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
