package no.samrad.cases.cost.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.EntryEvent;
import no.samrad.infrastructure.api.StoredAs;
import org.axonframework.serialization.Revision;

/** A status of the calculation was given to a meeting. */
@StoredAs("no.samrad.costcase.api.CostCaseStatusGiven")
@Revision("1")
public record CostCaseStatusGiven(UUID caseId, UUID meetingId, LocalDate givenOn, String text)
        implements CostCaseEvent, EntryEvent {

    @Override
    public LocalDate effectiveOn() {
        return givenOn;
    }

    @Override
    public String entry() {
        return "statusUpdates[" + givenOn + " " + meetingId + "]";
    }

    @Override
    public String entryKeyField() {
        return "givenOn";
    }
}
