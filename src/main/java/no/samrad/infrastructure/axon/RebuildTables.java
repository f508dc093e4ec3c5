package no.samrad.infrastructure.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The tables a rebuild writes a model into, beside the live ones, and how they take the live
 * tables' place. Until the swap commits the live tables are untouched, so a rebuild that fails,
 * or a process killed in the middle of one, leaves the model as it was; the next rebuild drops
 * what was left.
 */
sealed interface RebuildTables permits PostgresRebuildTables, H2RebuildTables {

    /** The name of the table a rebuild fills for the live table {@code table}. */
    static String rebuilt(String table) {
        return table + "__rebuilt";
    }

    /**
     * Claims the rebuild of these models against every other instance sharing the database, for as
     * long as the connection lasts or until {@link #release}; answers whether it got them all.
     */
    boolean claim(Connection connection, Collection<String> models) throws SQLException;

    void release(Connection connection, Collection<String> models) throws SQLException;

    /** Deletes the rows of these records from a rebuilt table. */
    default void delete(Connection connection, ViewRows.Table table, Collection<?> records) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + rebuilt(table.name())
                + " WHERE " + table.recordColumn() + " = ?")) {
            for (Object record : records) {
                delete.setObject(1, record);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Deletes every row of a rebuilt table. */
    default void clear(Connection connection, ViewRows.Table table) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + rebuilt(table.name()))) {
            delete.executeUpdate();
        }
    }

    /** Drops what an earlier rebuild left and makes an empty table beside each live one. */
    void create(Connection connection, List<ViewRows.Table> tables) throws SQLException;

    /** Writes rows into a rebuilt table in bulk. */
    void write(Connection connection, ViewRows.Table table, List<Object[]> rows) throws SQLException;

    /** After the bulk write: the live tables' keys, constraints and indexes, and fresh statistics. */
    void complete(Connection connection, List<ViewRows.Table> tables) throws SQLException;

    /**
     * In the swapping transaction: holds off every other reader and writer of the live tables,
     * giving up after {@code timeout} rather than queue their readers behind it for longer.
     */
    void lock(Connection connection, List<ViewRows.Table> tables, Duration timeout) throws SQLException;

    /** Whether the exception is {@link #lock} giving up. */
    boolean lockNotAvailable(Throwable failure);

    /** Puts the rebuilt tables in the live ones' place, in the caller's transaction. */
    void swap(Connection connection, List<ViewRows.Table> tables) throws SQLException;

    /** Drops what is left of the rebuilt tables once the swap has committed, or the rebuild failed. */
    void drop(Connection connection, List<ViewRows.Table> tables) throws SQLException;
}
