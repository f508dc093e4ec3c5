package no.samrad.infrastructure.axon;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Records as they stood at an instant of recorded time: folded in memory from the events stored
 * up to it (upcast like every read), with the capability's own fold. Nothing is stored; this reads
 * the event store, and is meant for auditors rather than hot paths.
 */
@ApplicationScoped
public class TimeTravel {

    /** One step of a fold: the view after the event, or {@code null} while there is none. */
    @FunctionalInterface
    public interface Folder<V> {
        V apply(V view, DomainEventMessage<?> event);
    }

    /** A view that knows the version and time of the last event folded into it. */
    public interface Stamped {
        void stamp(long sequence, Instant recordedAt);
    }

    /**
     * A folder that applies {@code fold} to the events of {@code type} and stamps the view with each
     * event's sequence number and recorded time; other events leave the view as it is.
     */
    public static <V extends Stamped, P> Folder<V> folder(Class<P> type, BiFunction<V, P, V> fold) {
        return (view, event) -> {
            // The type is known without deserialising the payload, which a rebuild skips for most events.
            if (!type.isAssignableFrom(event.getPayloadType())) {
                return view;
            }
            V after = fold.apply(view, type.cast(event.getPayload()));
            if (after != null) {
                after.stamp(event.getSequenceNumber(), event.getTimestamp());
            }
            return after;
        };
    }

    private final EventStore eventStore;
    private final AgroalDataSource dataSource;

    TimeTravel(EventStore eventStore, AgroalDataSource dataSource) {
        this.eventStore = eventStore;
        this.dataSource = dataSource;
    }

    /** The record's view at {@code instant}, or empty if it had none then. */
    public <V> Optional<V> fold(String recordId, Instant instant, Folder<V> folder) {
        return foldWhile(recordId, event -> !event.getTimestamp().isAfter(instant), folder);
    }

    /** The record's view right after its event {@code version}, or empty if it had none then. */
    public <V> Optional<V> foldTo(String recordId, long version, Folder<V> folder) {
        return foldWhile(recordId, event -> event.getSequenceNumber() <= version, folder);
    }

    private <V> Optional<V> foldWhile(String recordId, Predicate<DomainEventMessage<?>> included, Folder<V> folder) {
        V view = null;
        for (DomainEventMessage<?> event : eventStore.readEvents(recordId, 0).asStream().toList()) {
            if (!included.test(event)) {
                break;
            }
            view = folder.apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** The views at {@code instant} of every record of that aggregate type that had one then. */
    public <V> List<V> foldAll(String recordType, Instant instant, Folder<V> folder) {
        List<V> views = new ArrayList<>();
        for (String recordId : recordIds(recordType)) {
            fold(recordId, instant, folder).ifPresent(views::add);
        }
        return views;
    }

    private List<String> recordIds(String recordType) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = ?")) {
            query.setString(1, recordType);
            try (ResultSet rows = query.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not list the records of " + recordType, e);
        }
    }

    /** A page of a list held in memory. */
    public static <T> List<T> page(List<T> items, int limit, int offset) {
        return List.copyOf(items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size())));
    }
}
