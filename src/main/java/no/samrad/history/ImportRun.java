package no.samrad.history;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.samrad.infrastructure.startup.StartupSequence;

/**
 * {@code java -jar quarkus-run.jar import FILE [--dry-run]}: starts Samråd on its configured store
 * (the embedded default, or PostgreSQL while other instances run on it), without the demo
 * material and on a free port, imports the file and exits: 0 when every record was recorded (or
 * was already), 1 when a record was refused, 2 when the file cannot be read.
 */
public final class ImportRun implements QuarkusApplication {

    static final String USAGE = "usage: java -jar quarkus-run.jar import FILE [--dry-run]";

    public static void start(String... args) {
        if (Arguments.of(args).isEmpty()) {
            System.err.println(USAGE);
            System.exit(2);
        }
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("samrad.demo-data", "false");
        // The report is the output: the service's own log goes to standard error, warnings only.
        System.setProperty("quarkus.log.console.stderr", "true");
        System.setProperty("quarkus.log.level", "WARN");
        Quarkus.run(ImportRun.class, (exitCode, failure) -> {
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(exitCode);
        }, args);
    }

    /** The file to import, and whether to only judge it. */
    record Arguments(Path file, boolean dryRun) {

        static Optional<Arguments> of(String... args) {
            List<String> arguments = List.of(args);
            boolean dryRun = arguments.contains("--dry-run");
            List<String> files = arguments.stream().filter(argument -> !argument.startsWith("--")).toList();
            if (files.size() != 1 || arguments.size() - files.size() != (dryRun ? 1 : 0)) {
                return Optional.empty();
            }
            return Optional.of(new Arguments(Path.of(files.get(0)), dryRun));
        }
    }

    @Override
    public int run(String... args) {
        Arguments arguments = Arguments.of(args).orElseThrow();
        Arc.container().instance(StartupSequence.class).get().readyObserved().toCompletableFuture().join();
        try (BufferedReader file = Files.newBufferedReader(arguments.file(), StandardCharsets.UTF_8)) {
            HistoryImport.Report report = Arc.container().instance(HistoryImport.class).get()
                    .run(file, arguments.dryRun());
            return print(report, System.out);
        } catch (NoSuchFileException missing) {
            System.err.println("No such file: " + arguments.file());
            return 2;
        } catch (IOException | UncheckedIOException unreadable) {
            System.err.println("Could not read " + arguments.file() + " as UTF-8: " + unreadable.getMessage());
            return 2;
        }
    }

    /** Prints every line's outcome and a summary; the exit code says whether a record was refused. */
    static int print(HistoryImport.Report report, PrintStream out) {
        report.outcomes().forEach(out::println);
        long refused = report.refused();
        out.println((report.dryRun() ? "Dry run, nothing was changed: " : "Imported: ")
                + (report.outcomes().size() - refused) + " record(s) " + (report.dryRun() ? "would be" : "were")
                + " recorded or were already, " + refused + " refused.");
        return refused == 0 ? 0 : 1;
    }
}
