package no.samrad.cases.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.EntryEvent;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.serialization.Revision;

/** The case was put on the agenda of a scheduled meeting, held on {@code meetingDate}. */
@Revision("1")
public record CasePutOnAgenda(UUID caseId, UUID meetingId, PartialDate meetingDate) implements CaseEvent, EntryEvent {

    @Override
    public LocalDate effectiveOn() {
        return null;
    }

    @Override
    public String entry() {
        return "agenda[" + meetingId + "]";
    }

    @Override
    public String entryKeyField() {
        return "meetingId";
    }
}
