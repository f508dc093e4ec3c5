package no.samrad.infrastructure.axon;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * How many of a model's views there are, by the values its lists filter on, kept in a table of
 * the model's own in the same transaction as the views, so that a list's {@code total} is a sum
 * of a few rows rather than a count of every matching view.
 *
 * <p>Each value combination is counted in {@value #SLOTS} rows, a record always in the same one
 * (by its id), so that commands on different records seldom wait for the same row: no row is
 * one that every command locks. A row is made the first time its combination is counted, in the
 * command's own transaction; a race between two commands ends in a duplicate key that the loser
 * steps back from, to add to the winner's row.
 */
public final class ViewCounts<V extends TimeTravel.Stamped> {

    static final int SLOTS = 16;
    private static final String COUNT = "n";
    private static final String SLOT = "slot";
    private static final String SAVEPOINT = "samrad_count";

    private final String table;
    private final String recordType;
    private final Class<V> viewType;
    private final Map<String, Function<V, Object>> facets = new LinkedHashMap<>();

    private ViewCounts(String table, String recordType, Class<V> viewType) {
        this.table = table;
        this.recordType = recordType;
        this.viewType = viewType;
    }

    /** Counts of the views of records of {@code recordType} (an aggregate type), kept in {@code table}. */
    public static <V extends TimeTravel.Stamped> ViewCounts<V> in(String table, String recordType, Class<V> viewType) {
        return new ViewCounts<>(table, recordType, viewType);
    }

    /** Counts the views also by this column's value, which must never be null. */
    public ViewCounts<V> by(String column, Function<V, Object> value) {
        facets.put(column, value);
        return this;
    }

    /**
     * How many views have, for each column named, one of its values; a column not named is not
     * restricted, and a column with no values matches nothing.
     */
    public long total(Map<String, ? extends Collection<?>> where) {
        if (!facets.keySet().containsAll(where.keySet())) {
            throw new IllegalArgumentException(table + " counts by " + facets.keySet() + ", not by " + where.keySet());
        }
        if (where.values().stream().anyMatch(Collection::isEmpty)) {
            return 0;
        }
        String conditions = where.keySet().stream().map(column -> column + " IN (:" + column + ")")
                .collect(Collectors.joining(" AND "));
        Query sum = nativeQuery(Panache.getEntityManager(), "SELECT COALESCE(SUM(" + COUNT + "), 0) FROM "
                + table + (conditions.isEmpty() ? "" : " WHERE " + conditions));
        where.forEach(sum::setParameter);
        return ((Number) sum.getSingleResult()).longValue();
    }

    String recordType() {
        return recordType;
    }

    Class<V> viewType() {
        return viewType;
    }

    /** The values the view is counted by, in the order of the columns; {@code null} for no view. */
    List<Object> facets(Object view) {
        if (view == null) {
            return null;
        }
        V typed = viewType.cast(view);
        return facets.entrySet().stream().map(facet -> Objects.requireNonNull(facet.getValue().apply(typed),
                () -> table + "." + facet.getKey() + " of a view is null")).toList();
    }

    /**
     * Moves the record from the count of the values it had to that of the values it has, in the
     * caller's transaction; either may be {@code null} (a view made, or none).
     */
    void move(EntityManager entityManager, Object record, List<Object> before, List<Object> after) {
        if (Objects.equals(before, after)) {
            return;
        }
        int slot = slot(record);
        Map<List<Object>, Integer> changes = new TreeMap<>(Comparator.comparing(Object::toString));
        if (before != null) {
            changes.merge(before, -1, Integer::sum);
        }
        if (after != null) {
            changes.merge(after, 1, Integer::sum);
        }
        // On the command's own connection: no flush of the views' pending changes, no second connection.
        entityManager.unwrap(Session.class).doWork(connection -> {
            // Rows are changed in one order, so that two commands never wait for each other's rows.
            for (Map.Entry<List<Object>, Integer> change : changes.entrySet()) {
                if (add(connection, change.getKey(), slot, change.getValue()) == 0
                        && !insert(connection, change.getKey(), slot, change.getValue())
                        && add(connection, change.getKey(), slot, change.getValue()) == 0) {
                    throw new IllegalStateException("The count of " + change.getKey() + " in " + table
                            + " is neither there nor could it be made");
                }
            }
        });
    }

    /** The count table as a rebuild writes it. */
    ViewRows.Table rebuildTable() {
        List<String> columns = new ArrayList<>(facets.keySet());
        columns.add(SLOT);
        columns.add(COUNT);
        return new ViewRows.Table(table, List.copyOf(columns), null);
    }

    /** The rows of the count table for these views, each record counted in its own slot. */
    List<Object[]> rows(Collection<?> views, Function<Object, Object> idOfView) {
        Map<List<Object>, Long> counted = new LinkedHashMap<>();
        views.forEach(view -> {
            List<Object> key = new ArrayList<>(facets(view));
            key.add(slot(idOfView.apply(view)));
            counted.merge(key, 1L, Long::sum);
        });
        List<Object[]> rows = new ArrayList<>(counted.size());
        counted.forEach((key, count) -> {
            List<Object> row = new ArrayList<>(key);
            row.add(count);
            rows.add(row.toArray());
        });
        return rows;
    }

    private static int slot(Object record) {
        return Math.floorMod(record.hashCode(), SLOTS);
    }

    private int add(Connection connection, List<Object> values, int slot, int change) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET " + COUNT + " = "
                + COUNT + " + ? WHERE " + keyConditions())) {
            update.setInt(1, change);
            bindKey(update, 2, values, slot);
            return update.executeUpdate();
        }
    }

    /**
     * Makes the combination's row in this slot, counting {@code change}, behind a savepoint: should
     * another command have made it first (this one waits for that one to commit, then fails on the
     * duplicate key), the savepoint undoes only the failed insert, and the caller adds to the row
     * the other made. Answers whether it made the row. The savepoint is set in SQL: the connection
     * pool refuses JDBC's savepoint calls on a connection that takes part in a JTA transaction.
     */
    private boolean insert(Connection connection, List<Object> values, int slot, int change) throws SQLException {
        List<String> columns = new ArrayList<>(facets.keySet());
        columns.add(SLOT);
        columns.add(COUNT);
        try (Statement savepoint = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
                     + String.join(", ", columns) + ") VALUES ("
                     + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")) {
            savepoint.execute("SAVEPOINT " + SAVEPOINT);
            insert.setInt(bindKey(insert, 1, values, slot), change);
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                savepoint.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                return false;
            }
            savepoint.execute("RELEASE SAVEPOINT " + SAVEPOINT);
            return true;
        }
    }

    /** A query of the count table alone: Hibernate then flushes no pending change of the views before it. */
    private Query nativeQuery(EntityManager entityManager, String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
    }

    private String keyConditions() {
        List<String> columns = new ArrayList<>(facets.keySet());
        columns.add(SLOT);
        return columns.stream().map(column -> column + " = ?").collect(Collectors.joining(" AND "));
    }

    /** Binds the combination and the slot from parameter {@code first} on; answers the next parameter's index. */
    private static int bindKey(PreparedStatement statement, int first, List<Object> values, int slot)
            throws SQLException {
        int index = first;
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        statement.setInt(index++, slot);
        return index;
    }
}
