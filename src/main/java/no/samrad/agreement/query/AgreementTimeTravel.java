package no.samrad.agreement.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.agreement.api.AgreementEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Agreements as they stood at an instant: folded, in memory, from the events recorded up to it
 * (by recorded time, not effective date), with the projection's own fold. Nothing is stored.
 */
@ApplicationScoped
public class AgreementTimeTravel {

    private final EventStore eventStore;
    private final AgroalDataSource dataSource;

    AgreementTimeTravel(EventStore eventStore, AgroalDataSource dataSource) {
        this.eventStore = eventStore;
        this.dataSource = dataSource;
    }

    /** The agreement as it stood at {@code instant}, or empty if it had not been recorded by then. */
    public Optional<AgreementView> asOf(UUID id, Instant instant) {
        AgreementView view = null;
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id.toString(), 0).asStream().toList();
        for (DomainEventMessage<?> event : events) {
            if (event.getTimestamp().isAfter(instant)) {
                break;
            }
            if (event.getPayload() instanceof AgreementEvent agreementEvent) {
                view = AgreementFold.apply(view, agreementEvent);
                view.version = event.getSequenceNumber();
                view.updatedAt = event.getTimestamp();
            }
        }
        return Optional.ofNullable(view);
    }

    /**
     * The list as it would have been answered at {@code instant}: every agreement recorded by then,
     * filtered as the list filters, in the list's order; {@code today} is the instant's date.
     */
    public AgreementQueries.Result list(AgreementFilter filter, Instant instant, LocalDate today, int limit,
                                        int offset) {
        List<AgreementView> matching = new ArrayList<>();
        for (UUID id : agreementIds()) {
            asOf(id, instant).filter(view -> filter.matches(view, today)).ifPresent(matching::add);
        }
        matching.sort(AgreementFilter.ORDER);
        List<AgreementView> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + limit, matching.size()));
        return new AgreementQueries.Result(List.copyOf(page), matching.size());
    }

    private List<UUID> agreementIds() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = 'Agreement'");
             ResultSet rows = query.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(UUID.fromString(rows.getString(1)));
            }
            return ids;
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not list the agreements in the event store", e);
        }
    }
}
