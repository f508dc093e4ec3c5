package no.samrad.infrastructure.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One query over plain JDBC, for the tables that are not read models (the published log, its
 * tree): a statement bound, run, each row read, and its failure named. The connection is the
 * transaction's where one is running.
 */
public final class Jdbc {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    /** The rows {@code sql} answers, read one by one; {@code what} names the read in a failure. */
    public static <T> List<T> query(DataSource dataSource, String sql, Binder binder, RowReader<T> reader,
                                    String what) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not read " + what, e);
        }
    }
}
