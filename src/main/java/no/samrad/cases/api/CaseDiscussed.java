package no.samrad.cases.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.EntryEvent;
import org.axonframework.serialization.Revision;

/** A meeting whose agenda held the case discussed it or was informed of it; {@code note} may be absent. */
@Revision("1")
public record CaseDiscussed(UUID caseId, UUID meetingId, DiscussionOutcome outcome, String note)
        implements CaseEvent, EntryEvent {

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
