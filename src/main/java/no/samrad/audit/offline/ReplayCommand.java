package no.samrad.audit.offline;

import io.quarkus.runtime.Quarkus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar quarkus-run.jar replay EXPORT [--data DIR] [--port PORT]}: builds every read
 * model from an export of the published log alone, in a fresh embedded store of its own, and
 * serves the same read API there, read-only. The export's chain is checked first; an export that
 * does not hold together is not replayed.
 */
public final class ReplayCommand {

    private static final String USAGE = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar replay EXPORT [--data DIR] [--port PORT]
              EXPORT      the log as GET /api/v1/events/export wrote it (NDJSON)
              --data DIR  a directory for the replay's own store and keys, absent or empty;
                          samrad-replay by default
              --port PORT the HTTP port; QUARKUS_HTTP_PORT, or 8080, by default
            Mint a token for it as for any embedded Samråd, with SAMRAD_DATA_DIR=DIR (README).""";

    private ReplayCommand() {
    }

    /** Checks the arguments and the export, then runs Samråd on the replay's store; answers an exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> exports = new java.util.ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (List.of("--data", "--port").contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (!args[i].startsWith("--")) {
                exports.add(args[i]);
            } else {
                err.println("Unknown option or missing value: " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        if (exports.size() != 1 || !options.getOrDefault("--port", "8080").matches("\\d{1,5}")) {
            err.println(USAGE);
            return 2;
        }
        Path export = Path.of(exports.get(0)).toAbsolutePath();
        Path data = Path.of(options.getOrDefault("--data", "samrad-replay")).toAbsolutePath();
        try {
            if (Files.isDirectory(data)) {
                try (Stream<Path> held = Files.list(data)) {
                    if (held.findAny().isPresent()) {
                        err.println(data + " is not empty: a replay builds a store of its own; give --data a new"
                                + " directory");
                        return 2;
                    }
                }
            }
            long[] events = {0};
            String head = ExportReader.read(export, event -> events[0]++);
            out.println("The export's chain holds: " + events[0] + " events, head hash " + head
                    + ". Replaying it into " + data + ", read-only.");
        } catch (IOException e) {
            err.println("Could not read " + export + ": " + e.getMessage());
            return 2;
        } catch (ExportReader.BrokenExport e) {
            err.println("The export does not hold together, so it is not replayed: " + e.getMessage());
            return 1;
        }
        System.setProperty("samrad.data-dir", data.toString());
        System.setProperty("samrad.replay.export", export.toString());
        System.setProperty("samrad.read-only", "true");
        System.setProperty("samrad.demo-data", "false");
        if (options.containsKey("--port")) {
            System.setProperty("quarkus.http.port", options.get("--port"));
        }
        Quarkus.run();
        return 0;
    }
}
