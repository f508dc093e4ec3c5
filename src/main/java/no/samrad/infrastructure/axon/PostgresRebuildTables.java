package no.samrad.infrastructure.axon;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * On PostgreSQL a rebuild fills tables made like the live ones with {@code COPY}, gives them the
 * live tables' keys, constraints and indexes afterwards (faster than keeping indexes up to date
 * row by row), and swaps them in by renaming, in one transaction: DDL is transactional here, so
 * readers see the old tables until the swap commits and the new ones after, and a rebuild killed
 * before it leaves the live tables as they were. The swap takes an exclusive lock on the live
 * tables for the few statements it runs, which holds off the writers of every instance too.
 */
final class PostgresRebuildTables implements RebuildTables {

    /** SQL state of a lock that {@code lock_timeout} gave up on. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String CLAIM_PREFIX = "samrad.rebuild:";
    /** Rows sent to {@code COPY} at a time. */
    private static final int COPY_CHUNK_BYTES = 1 << 20;
    private static final Pattern INDEX_DEFINITION =
            Pattern.compile("^CREATE (UNIQUE )?INDEX (\\S+) ON (ONLY )?(\\S+) (USING .*)$", Pattern.DOTALL);
    private static final Pattern REFERENCED_TABLE = Pattern.compile("REFERENCES (\\S+?)\\(");

    /** A key, constraint or index a rebuilt table was given under a name of its own, and the live one's name. */
    private record Renamed(String table, String temporaryName, String liveName, boolean constraint) {
    }

    /** Per rebuilt table, the names its keys, constraints and indexes take once it is live. */
    private final Map<String, List<Renamed>> renames = new HashMap<>();
    private int names;

    /** Session advisory locks, one per model, which PostgreSQL lets go of when the connection ends. */
    @Override
    public boolean claim(Connection connection, Collection<String> models) throws SQLException {
        List<String> claimed = new ArrayList<>();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            for (String model : models) {
                lock.setString(1, CLAIM_PREFIX + model);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        release(connection, claimed);
                        return false;
                    }
                }
                claimed.add(model);
            }
        }
        return true;
    }

    @Override
    public void release(Connection connection, Collection<String> models) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            for (String model : models) {
                unlock.setString(1, CLAIM_PREFIX + model);
                unlock.execute();
            }
        }
    }

    @Override
    public void create(Connection connection, List<ViewRows.Table> tables) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + rebuiltNames(tables) + " CASCADE");
            for (ViewRows.Table table : tables) {
                ddl.execute("CREATE TABLE " + RebuildTables.rebuilt(table.name()) + " (LIKE " + table.name()
                        + " INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE)");
            }
        }
    }

    @Override
    public void write(Connection connection, ViewRows.Table table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY "
                + RebuildTables.rebuilt(table.name()) + " (" + String.join(", ", table.columns()) + ") FROM STDIN");
        try {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(COPY_CHUNK_BYTES + 4096);
            StringBuilder line = new StringBuilder();
            for (Object[] row : rows) {
                line.setLength(0);
                for (int column = 0; column < row.length; column++) {
                    if (column > 0) {
                        line.append('\t');
                    }
                    appendCopyText(line, row[column]);
                }
                line.append('\n');
                chunk.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                if (chunk.size() >= COPY_CHUNK_BYTES) {
                    copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
                    chunk.reset();
                }
            }
            copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Override
    public void complete(Connection connection, List<ViewRows.Table> tables) throws SQLException {
        Set<String> models = tables.stream().map(ViewRows.Table::name).collect(Collectors.toSet());
        try (Statement ddl = connection.createStatement()) {
            for (ViewRows.Table table : tables) {
                List<Renamed> renamed = new ArrayList<>();
                String rebuilt = RebuildTables.rebuilt(table.name());
                for (String[] constraint : constraints(connection, table.name())) {
                    String name = temporaryName(constraint[0]);
                    Matcher reference = REFERENCED_TABLE.matcher(constraint[1]);
                    String definition = reference.find() && models.contains(reference.group(1))
                            ? reference.replaceFirst("REFERENCES " + RebuildTables.rebuilt(reference.group(1)) + "(")
                            : constraint[1];
                    ddl.execute("ALTER TABLE " + rebuilt + " ADD CONSTRAINT " + name + " " + definition);
                    renamed.add(new Renamed(table.name(), name, constraint[0], true));
                }
                for (String[] index : indexes(connection, table.name())) {
                    Matcher definition = INDEX_DEFINITION.matcher(index[1]);
                    if (!definition.matches()) {
                        throw new SQLException("Unexpected definition of index " + index[0] + ": " + index[1]);
                    }
                    String name = temporaryName(index[0]);
                    ddl.execute("CREATE " + (definition.group(1) == null ? "" : definition.group(1)) + "INDEX "
                            + name + " ON " + rebuilt + " " + definition.group(5));
                    renamed.add(new Renamed(table.name(), name, index[0], false));
                }
                renames.put(table.name(), renamed);
                ddl.execute("ANALYZE " + rebuilt);
            }
        }
    }

    @Override
    public void lock(Connection connection, List<ViewRows.Table> tables, Duration timeout) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("SET LOCAL lock_timeout = " + Math.max(1, timeout.toMillis()));
            lock.execute("LOCK TABLE " + tables.stream().map(ViewRows.Table::name).collect(Collectors.joining(", "))
                    + " IN ACCESS EXCLUSIVE MODE");
        }
    }

    @Override
    public boolean lockNotAvailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void swap(Connection connection, List<ViewRows.Table> tables) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            for (ViewRows.Table table : tables) {
                ddl.execute("ALTER TABLE " + table.name() + " RENAME TO " + retired(table.name()));
                ddl.execute("ALTER TABLE " + RebuildTables.rebuilt(table.name()) + " RENAME TO " + table.name());
            }
            // Without CASCADE: a table outside the model that refers to one of its tables stops the swap.
            ddl.execute("DROP TABLE " + tables.stream().map(table -> retired(table.name()))
                    .collect(Collectors.joining(", ")));
            for (ViewRows.Table table : tables) {
                for (Renamed renamed : renames.getOrDefault(table.name(), List.of())) {
                    ddl.execute(renamed.constraint()
                            ? "ALTER TABLE " + table.name() + " RENAME CONSTRAINT " + renamed.temporaryName()
                                    + " TO " + renamed.liveName()
                            : "ALTER INDEX " + renamed.temporaryName() + " RENAME TO " + renamed.liveName());
                }
            }
        }
    }

    @Override
    public void drop(Connection connection, List<ViewRows.Table> tables) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + rebuiltNames(tables) + " CASCADE");
        }
    }

    private static String rebuiltNames(List<ViewRows.Table> tables) {
        return tables.stream().map(table -> RebuildTables.rebuilt(table.name())).collect(Collectors.joining(", "));
    }

    private static String retired(String table) {
        return table + "__retired";
    }

    /** A name no live object has, within PostgreSQL's 63 characters. */
    private String temporaryName(String liveName) {
        String name = "rebuilt_" + (++names) + "_" + liveName;
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    /** The table's keys, unique, check, exclusion and foreign-key constraints: name and definition. */
    private static List<String[]> constraints(Connection connection, String table) throws SQLException {
        return pairs(connection, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = to_regclass(?) AND contype IN ('p', 'u', 'c', 'x', 'f')"
                + " ORDER BY contype = 'f', conname", table);
    }

    /** The table's indexes that no constraint of its own makes: name and definition. */
    private static List<String[]> indexes(Connection connection, String table) throws SQLException {
        return pairs(connection, "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass(?)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
                + " AND k.conrelid = i.indrelid) ORDER BY c.relname", table);
    }

    private static List<String[]> pairs(Connection connection, String sql, String table) throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pairs.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return pairs;
    }

    /** A value in COPY's text format: {@code \N} for null, and backslash escapes for the delimiters. */
    private static void appendCopyText(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        String text;
        if (value instanceof String string) {
            text = string;
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof Boolean bool) {
            text = bool ? "t" : "f";
        } else if (value instanceof UUID || value instanceof LocalDate || value instanceof Instant
                || value instanceof OffsetDateTime || value instanceof Number) {
            text = value.toString();
        } else {
            throw new IllegalArgumentException("A rebuild cannot write a " + value.getClass().getName());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
