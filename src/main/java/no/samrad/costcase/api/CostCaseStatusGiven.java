package no.samrad.costcase.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A status of the calculation was given to a meeting. */
@Revision("1")
public record CostCaseStatusGiven(UUID caseId, UUID meetingId, LocalDate givenOn, String text)
        implements CostCaseEvent {

    @Override
    public LocalDate effectiveOn() {
        return givenOn;
    }
}
