package no.samrad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What the figures were measured on: processor, cores, memory, JDK and database. */
final class Machine {

    private Machine() {
    }

    static String describe(String jdbcUrl, String user, String password) throws IOException, SQLException {
        String cpu = "unknown processor";
        long memoryKb = 0;
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        }
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.exists(meminfo)) {
            memoryKb = Files.readAllLines(meminfo).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
        }
        String database;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            database = "PostgreSQL " + result.getString(1).split(" ")[0];
        }
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB memory, Java %s, %s on the same machine",
                Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1024.0 / 1024.0,
                System.getProperty("java.version"), database);
    }
}
