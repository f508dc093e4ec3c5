package no.samrad.costcase.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.axon.EntryEvent;
import org.axonframework.serialization.Revision;

/** KS assessed a ministry's estimate: agrees or disagrees, with its reasons. */
@Revision("1")
public record CostEstimateAssessed(UUID caseId, UUID estimateId, AssessmentVerdict verdict, String reasons,
                                   LocalDate assessedOn) implements CostCaseEvent, EntryEvent {

    @Override
    public LocalDate effectiveOn() {
        return assessedOn;
    }

    @Override
    public String entry() {
        return "estimates[" + estimateId + "]";
    }

    @Override
    public String entryKeyField() {
        return "estimateId";
    }
}
