package no.samrad.cases.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The case was withdrawn before it was concluded. */
@Revision("1")
public record CaseWithdrawn(UUID caseId, LocalDate withdrawnOn, String reason) implements CaseEvent {

    @Override
    public LocalDate effectiveOn() {
        return withdrawnOn;
    }
}
