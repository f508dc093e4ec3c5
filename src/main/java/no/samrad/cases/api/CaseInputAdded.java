package no.samrad.cases.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.EntryEvent;
import org.axonframework.serialization.Revision;

/** A party gave its written position (innspill) on the case, possibly to a meeting. */
@Revision("1")
public record CaseInputAdded(UUID caseId, UUID inputId, String party, LocalDate givenOn, String text, UUID meetingId)
        implements CaseEvent, EntryEvent {

    @Override
    public LocalDate effectiveOn() {
        return givenOn;
    }

    @Override
    public String entry() {
        return "inputs[" + inputId + "]";
    }

    @Override
    public String entryKeyField() {
        return "inputId";
    }
}
