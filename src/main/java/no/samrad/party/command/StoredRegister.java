package no.samrad.party.command;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyRegister;
import no.samrad.party.api.RecordedRegister;
import no.samrad.party.api.RegisterEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The register every command handler consults, folded from the register's own events in the
 * event store (not from a read model). Before each command it compares the register's last
 * sequence number with the one it holds and folds afresh when another change was recorded, on
 * this instance or another: a reorganisation holds from the next command on, without a restart.
 */
@ApplicationScoped
public class StoredRegister implements PartyRegister {

    private volatile EventStore eventStore;
    private volatile Folded current = new Folded(-1, List.of(), new RecordedRegister());

    void attach(EventStore store) {
        this.eventStore = store;
        refresh();
    }

    /** Brings the register up to the last change recorded. */
    public void refresh() {
        EventStore store = eventStore;
        if (store != null && store.lastSequenceNumberFor(RegisterEvent.REGISTER_ID).orElse(-1L) != current.version) {
            reload(store);
        }
    }

    /** The register record's version: the sequence number of its last change, -1 before the first. */
    public long version() {
        return current.version;
    }

    /** Whether the register holds any change yet. */
    public boolean isRecorded() {
        return current.version >= 0;
    }

    /** The register as it was recorded at {@code instant}: the changes known then, and no later one. */
    public RecordedRegister recordedAt(Instant instant) {
        return RecordedRegister.of(current.events.stream()
                .filter(event -> !event.getTimestamp().isAfter(instant))
                .map(DomainEventMessage::getPayload)
                .toList());
    }

    /** The register as its change {@code version} left it (-1: before the first). */
    public RecordedRegister atVersion(long version) {
        return RecordedRegister.of(current.events.stream()
                .filter(event -> event.getSequenceNumber() <= version)
                .map(DomainEventMessage::getPayload)
                .toList());
    }

    private synchronized void reload(EventStore store) {
        List<? extends DomainEventMessage<?>> events = store.readEvents(RegisterEvent.REGISTER_ID).asStream().toList();
        List<DomainEventMessage<RegisterEvent>> changes = events.stream()
                .map(event -> {
                    @SuppressWarnings("unchecked")
                    DomainEventMessage<RegisterEvent> change = (DomainEventMessage<RegisterEvent>) event;
                    return change;
                })
                .toList();
        long version = changes.isEmpty() ? -1 : changes.get(changes.size() - 1).getSequenceNumber();
        current = new Folded(version, changes,
                RecordedRegister.of(changes.stream().map(DomainEventMessage::getPayload).toList()));
    }

    private RecordedRegister register() {
        return current.register;
    }

    @Override
    public Optional<Party> find(String code) {
        return register().find(code);
    }

    @Override
    public Optional<Party> byKey(String key) {
        return register().byKey(key);
    }

    @Override
    public Optional<Party> resolve(String code, LocalDate date) {
        return register().resolve(code, date);
    }

    @Override
    public List<Party> all() {
        return register().all();
    }

    @Override
    public List<Party> requireValid(List<String> codes, LocalDate effectiveOn, String field) {
        return register().requireValid(codes, effectiveOn, field);
    }

    @Override
    public void requireKnown(String code, String field) {
        register().requireKnown(code, field);
    }

    @Override
    public boolean actsFor(String actingCode, String recordId, String recordCode, LocalDate recordOn) {
        return register().actsFor(actingCode, recordId, recordCode, recordOn);
    }

    private record Folded(long version, List<DomainEventMessage<RegisterEvent>> events, RecordedRegister register) {
    }
}
