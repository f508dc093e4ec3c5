package no.samrad.audit.chain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.samrad.infrastructure.jdbc.Jdbc;

/** Reads and writes of the chain tables, joined with the event store's own rows. */
@ApplicationScoped
public class ChainStore {

    /**
     * A chained event together with its stored row; {@code event} is empty if the row is gone.
     * {@code storeOrder} is the row's index in the event store ({@code global_index}), the order in
     * which replays read it; -1 when the row is gone.
     */
    public record Entry(ChainLink link, LocalDate effectiveOn, Optional<StoredEvent> event, long storeOrder) {
    }

    /** An event of the store that the chain does not hold: its id, record and store index. */
    public record Unchained(String eventId, String recordId, long sequence, long storeOrder) {
    }

    private static final String ENTRY_COLUMNS = "c.position, c.event_identifier, c.previous_hash, c.hash,"
            + " c.effective_on, e.type, e.aggregate_identifier, e.sequence_number, e.payload_type,"
            + " e.payload_revision, e.time_stamp, e.meta_data, e.payload, e.event_identifier AS stored_id, e.global_index";

    private final AgroalDataSource dataSource;

    ChainStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The last link, or empty while nothing has been chained. */
    public Optional<ChainLink> head() {
        return query("SELECT position, event_identifier, previous_hash, hash FROM event_chain"
                + " ORDER BY position DESC FETCH FIRST 1 ROWS ONLY", statement -> { }, ChainStore::link).stream()
                .findFirst();
    }

    /** The link of the event with this id, if the chain holds it. */
    public Optional<ChainLink> ofEvent(String eventId) {
        return query("SELECT position, event_identifier, previous_hash, hash FROM event_chain WHERE event_identifier = ?",
                statement -> statement.setString(1, eventId), ChainStore::link).stream().findFirst();
    }

    public Optional<ChainLink> at(long position) {
        return query("SELECT position, event_identifier, previous_hash, hash FROM event_chain WHERE position = ?",
                statement -> statement.setLong(1, position), ChainStore::link).stream().findFirst();
    }

    /** Those of the stored events that have not been chained yet, by event id, in one query. */
    public Map<String, StoredEvent> unchained(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(eventIds.size(), "?"));
        Map<String, StoredEvent> unchained = new HashMap<>();
        query("SELECT e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, e.payload_type,"
                        + " e.payload_revision, e.time_stamp, e.meta_data, e.payload FROM domain_event_entry e"
                        + " WHERE e.event_identifier IN (" + marks + ") AND NOT EXISTS"
                        + " (SELECT 1 FROM event_chain c WHERE c.event_identifier = e.event_identifier)",
                statement -> {
                    for (int i = 0; i < eventIds.size(); i++) {
                        statement.setString(i + 1, eventIds.get(i));
                    }
                }, ChainStore::storedEvent).forEach(event -> unchained.put(event.eventId(), event));
        return unchained;
    }

    /** A link to append, with what the chain keeps beside it. */
    public record NewLink(ChainLink link, String requestId, LocalDate effectiveOn) {
    }

    /** Appends the links in one JDBC batch. */
    public void appendAll(List<NewLink> links, Instant chainedAt) {
        if (links.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO event_chain (position,"
                     + " event_identifier, request_id, effective_on, previous_hash, hash, chained_at)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (NewLink added : links) {
                statement.setLong(1, added.link().position());
                statement.setString(2, added.link().eventId());
                statement.setString(3, added.requestId());
                statement.setDate(4, added.effectiveOn() == null ? null : Date.valueOf(added.effectiveOn()));
                statement.setString(5, added.link().previousHash());
                statement.setString(6, added.link().hash());
                statement.setTimestamp(7, Timestamp.from(chainedAt));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not write the event chain", e);
        }
    }

    /** Up to {@code limit} entries after {@code position}, in position order. */
    public List<Entry> after(long position, int limit) {
        return query("SELECT " + ENTRY_COLUMNS + " FROM event_chain c LEFT JOIN domain_event_entry e"
                        + " ON e.event_identifier = c.event_identifier WHERE c.position > ?"
                        + " ORDER BY c.position FETCH FIRST " + limit + " ROWS ONLY",
                statement -> statement.setLong(1, position), ChainStore::entry);
    }

    /** The first {@code limit} stored events the chain does not hold, in store order. */
    public List<Unchained> unchained(int limit) {
        return query("SELECT e.event_identifier, e.aggregate_identifier, e.sequence_number, e.global_index"
                + " FROM domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM event_chain c"
                + " WHERE c.event_identifier = e.event_identifier) ORDER BY e.global_index FETCH FIRST " + limit
                + " ROWS ONLY", statement -> { }, row -> new Unchained(row.getString(1), row.getString(2),
                row.getLong(3), row.getLong(4)));
    }

    /** The first position whose event the store holds after store index {@code storeOrder}. */
    public Optional<Long> firstPositionAfter(long storeOrder) {
        return query("SELECT MIN(c.position) FROM event_chain c JOIN domain_event_entry e"
                        + " ON e.event_identifier = c.event_identifier WHERE e.global_index > ?",
                statement -> statement.setLong(1, storeOrder), row -> row.getObject(1) == null ? null : row.getLong(1))
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The links of the events a request's commands caused, in position order. */
    public List<ChainLink> ofRequest(String requestId) {
        return query("SELECT position, event_identifier, previous_hash, hash FROM event_chain WHERE request_id = ?"
                + " ORDER BY position", statement -> statement.setString(1, requestId), ChainStore::link);
    }

    private static ChainLink link(ResultSet row) throws SQLException {
        return new ChainLink(row.getLong("position"), row.getString("event_identifier"),
                row.getString("previous_hash"), row.getString("hash"));
    }

    private static Entry entry(ResultSet row) throws SQLException {
        Date effective = row.getDate("effective_on");
        Optional<StoredEvent> event = row.getString("stored_id") == null ? Optional.empty()
                : Optional.of(storedEvent(row));
        return new Entry(link(row), effective == null ? null : effective.toLocalDate(), event,
                event.isPresent() ? row.getLong("global_index") : -1);
    }

    private static StoredEvent storedEvent(ResultSet row) throws SQLException {
        return new StoredEvent(row.getString("event_identifier"), row.getString("type"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("payload_type"),
                row.getString("payload_revision"), row.getString("time_stamp"), row.getBytes("meta_data"),
                row.getBytes("payload"));
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowReader<T> reader) {
        return Jdbc.query(dataSource, sql, binder, reader, "the event chain");
    }
}
