package no.samrad.party.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Tasks moved from one party to another from {@code movedOn}; both continue. The receiving party
 * acts for the {@code records} named, and for no other record of the giving party. Naming records
 * of a party that has ended assigns records a split left unassigned.
 */
@Revision("1")
public record TasksMoved(String registerId, String fromKey, String toKey, LocalDate movedOn, String tasks,
                         List<String> records, String source) implements RegisterEvent {

    public TasksMoved {
        records = records == null ? List.of() : List.copyOf(records);
    }

    @Override
    public LocalDate effectiveOn() {
        return movedOn;
    }
}
