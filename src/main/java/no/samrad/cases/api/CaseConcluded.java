package no.samrad.cases.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.serialization.Revision;

/**
 * The case was concluded (ferdigbehandlet) with an outcome. A cost-calculation case names its
 * final estimate; the other kinds name none.
 */
@Revision("1")
public record CaseConcluded(UUID caseId, PartialDate concludedOn, String outcome, UUID finalEstimateId)
        implements CaseEvent {

    @Override
    public LocalDate effectiveOn() {
        return concludedOn.earliest();
    }
}
