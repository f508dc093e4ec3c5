package no.samrad.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits stored rows behind Samråd's back, as an intruder with database access would, and puts
 * them back: what the tamper tests need to show that the published log notices.
 */
@ApplicationScoped
public class StoredRows {

    /** Rows of one table, column by column, as read, so that they can be written back. */
    public record Taken(String table, List<Map<String, Object>> rows) {
    }

    private final AgroalDataSource dataSource;

    StoredRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one statement; answers how many rows it changed. */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The rows a query answers, each as its columns by lower-case name. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        Object value = rows.getObject(i);
                        row.put(columns.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                                value instanceof java.sql.Blob blob ? blob.getBytes(1, (int) blob.length()) : value);
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Deletes the rows of {@code table} that {@code where} selects, and answers them. */
    public Taken take(String table, String where, Object... parameters) {
        Taken taken = new Taken(table, query("SELECT * FROM " + table + " WHERE " + where, parameters));
        execute("DELETE FROM " + table + " WHERE " + where, parameters);
        return taken;
    }

    /** Writes rows taken before back, as they were. */
    public void putBack(Taken taken) {
        for (Map<String, Object> row : taken.rows()) {
            String columns = String.join(", ", row.keySet());
            String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
            execute("INSERT INTO " + taken.table() + " (" + columns + ") VALUES (" + marks + ")",
                    row.values().toArray());
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
