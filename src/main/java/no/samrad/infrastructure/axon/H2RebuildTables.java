package no.samrad.infrastructure.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * On the embedded H2 database a rebuild fills plain copies of the live tables, and the swap copies
 * their rows into the live tables in one transaction. H2 commits a transaction at every DDL
 * statement, so tables cannot be renamed atomically; the copy is atomic, and readers see the live
 * rows of before until it commits. One process owns an H2 file, so the model's write barrier alone
 * holds the writers off.
 */
final class H2RebuildTables implements RebuildTables {

    /** Rows sent per JDBC batch. */
    private static final int BATCH = 1000;

    /** One process owns an H2 file; the rebuilder's own bookkeeping keeps its rebuilds apart. */
    @Override
    public boolean claim(Connection connection, Collection<String> models) {
        return true;
    }

    @Override
    public void release(Connection connection, Collection<String> models) {
        // Nothing was claimed in the database.
    }

    @Override
    public void create(Connection connection, List<ViewRows.Table> tables) throws SQLException {
        drop(connection, tables);
        try (Statement ddl = connection.createStatement()) {
            for (ViewRows.Table table : tables) {
                String rebuilt = RebuildTables.rebuilt(table.name());
                ddl.execute("CREATE TABLE " + rebuilt + " AS SELECT * FROM " + table.name() + " WITH NO DATA");
            }
        }
    }

    @Override
    public void write(Connection connection, ViewRows.Table table, List<Object[]> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                + RebuildTables.rebuilt(table.name()) + " (" + String.join(", ", table.columns()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")")) {
            int batched = 0;
            for (Object[] row : rows) {
                for (int column = 0; column < row.length; column++) {
                    insert.setObject(column + 1, row[column] instanceof Instant instant
                            ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : row[column]);
                }
                insert.addBatch();
                if (++batched % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** An index on each table's record column, for the deletes that bring a record up to date. */
    @Override
    public void complete(Connection connection, List<ViewRows.Table> tables) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            for (ViewRows.Table table : tables) {
                if (table.recordColumn() == null) {
                    continue;
                }
                String rebuilt = RebuildTables.rebuilt(table.name());
                ddl.execute("CREATE INDEX " + rebuilt + "_record ON " + rebuilt + " (" + table.recordColumn() + ")");
            }
        }
    }

    @Override
    public void lock(Connection connection, List<ViewRows.Table> tables, Duration timeout) {
        // The write barrier has held this process's writers off, and no other process opens the file.
    }

    @Override
    public boolean lockNotAvailable(Throwable failure) {
        return false;
    }

    @Override
    public void swap(Connection connection, List<ViewRows.Table> tables) throws SQLException {
        try (Statement copy = connection.createStatement()) {
            for (int table = tables.size() - 1; table >= 0; table--) {
                copy.executeUpdate("DELETE FROM " + tables.get(table).name());
            }
            for (ViewRows.Table table : tables) {
                String columns = String.join(", ", table.columns());
                copy.executeUpdate("INSERT INTO " + table.name() + " (" + columns + ") SELECT " + columns + " FROM "
                        + RebuildTables.rebuilt(table.name()));
            }
        }
    }

    @Override
    public void drop(Connection connection, List<ViewRows.Table> tables) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            for (ViewRows.Table table : tables) {
                ddl.execute("DROP TABLE IF EXISTS " + RebuildTables.rebuilt(table.name()));
            }
        }
    }
}
