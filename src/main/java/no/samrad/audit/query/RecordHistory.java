package no.samrad.audit.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.samrad.audit.api.RecordedEvent;
import no.samrad.infrastructure.api.EffectiveDated;
import no.samrad.infrastructure.web.RecordAnswers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A record's events, read from the event store itself rather than from a read model, so that the
 * history is exactly what was stored.
 */
@ApplicationScoped
public class RecordHistory {

    private final EventStore eventStore;
    private final AgroalDataSource dataSource;

    RecordHistory(EventStore eventStore, AgroalDataSource dataSource) {
        this.eventStore = eventStore;
        this.dataSource = dataSource;
    }

    /**
     * The events of the record a path names, in order; 404 when there is no such record.
     *
     * @param recordName what the record is called in the 404, such as "agreement"
     */
    public List<RecordedEvent> of(String pathId, String recordName) {
        List<RecordedEvent> events = ofRecord(RecordAnswers.idOf(pathId, recordName).toString());
        if (events.isEmpty()) {
            throw RecordAnswers.notFound(pathId, recordName);
        }
        return events;
    }

    /** The events of the record with this id, in order; none for a record that does not exist. */
    public List<RecordedEvent> ofRecord(String recordId) {
        // From sequence 0: the one-argument form would start at the newest snapshot.
        List<? extends DomainEventMessage<?>> messages = eventStore.readEvents(recordId, 0).asStream().toList();
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<String, Long> positions = positions(recordId);
        return messages.stream().map(message -> {
            Object payload = message.getPayload();
            return new RecordedEvent(
                    positions.getOrDefault(message.getIdentifier(), -1L),
                    message.getIdentifier(),
                    message.getSequenceNumber(),
                    message.getPayloadType().getSimpleName(),
                    message.getTimestamp(),
                    payload instanceof EffectiveDated dated ? dated.effectiveOn() : null,
                    payload,
                    new TreeMap<>(message.getMetaData()));
        }).toList();
    }

    private Map<String, Long> positions(String recordId) {
        Map<String, Long> positions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT c.event_identifier, c.position FROM event_chain c JOIN domain_event_entry e"
                             + " ON e.event_identifier = c.event_identifier WHERE e.aggregate_identifier = ?")) {
            statement.setString(1, recordId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read event positions", e);
        }
        return positions;
    }
}
